import datetime

import factory
from factory.django import DjangoModelFactory

from hanke.accounts.tests.factories import OrganisationFactory
from hanke.programmes.tests.factories import FundFactory, FundingAuthorityFactory
from hanke.projects import workflow
from hanke.projects.models import (
    Activity,
    Deliverable,
    Project,
    ProjectLink,
    ProjectPartner,
    ProjectSection,
    TargetGroup,
    Theme,
    WorkPackage,
)


class ThemeFactory(DjangoModelFactory):
    class Meta:
        model = Theme

    slug = factory.Sequence(lambda n: f"teema-{n}")
    name_fi = factory.Sequence(lambda n: f"Teema {n}")


class ProjectFactory(DjangoModelFactory):
    """A published, ongoing project written in Finnish. Pass `is_public=False` or
    `status=workflow.DRAFT` for one the public must not see."""

    class Meta:
        model = Project

    name_fi = factory.Sequence(lambda n: f"Hanke {n}")
    summary_fi = "Hankkeen tiivistelmä."
    status = workflow.ONGOING
    is_public = True
    original_language = "fi"
    implementer = factory.SubFactory(OrganisationFactory)
    fund = factory.SubFactory(FundFactory)
    funding_authority = factory.SubFactory(FundingAuthorityFactory)
    start_date = datetime.date(2023, 1, 1)
    end_date = datetime.date(2025, 12, 31)


class ProjectPartnerFactory(DjangoModelFactory):
    class Meta:
        model = ProjectPartner

    project = factory.SubFactory(ProjectFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = ProjectPartner.Role.PARTNER


class ProjectLinkFactory(DjangoModelFactory):
    class Meta:
        model = ProjectLink

    project = factory.SubFactory(ProjectFactory)
    kind = ProjectLink.Kind.HOMEPAGE
    label_fi = "Hankkeen kotisivu"
    url = "https://example.fi/hanke"


class ProjectSectionFactory(DjangoModelFactory):
    class Meta:
        model = ProjectSection

    project = factory.SubFactory(ProjectFactory)
    kind = ProjectSection.Kind.BACKGROUND
    title_fi = "Tausta"
    body_fi = "Hankkeen tausta."
    order = factory.Sequence(lambda n: n)


class WorkPackageFactory(DjangoModelFactory):
    class Meta:
        model = WorkPackage

    project = factory.SubFactory(ProjectFactory)
    number = factory.Sequence(lambda n: n + 1)
    title_fi = factory.Sequence(lambda n: f"Työpaketti {n + 1}")


class ActivityFactory(DjangoModelFactory):
    class Meta:
        model = Activity

    work_package = factory.SubFactory(WorkPackageFactory)
    description_fi = "Toimenpide."
    order = factory.Sequence(lambda n: n)


class DeliverableFactory(DjangoModelFactory):
    class Meta:
        model = Deliverable

    project = factory.SubFactory(ProjectFactory)
    work_package = None
    deliverable_type = Deliverable.Type.OTHER
    title_fi = factory.Sequence(lambda n: f"Tuotos {n}")
    target_qualifier = Deliverable.Qualifier.NONE


class TargetGroupFactory(DjangoModelFactory):
    class Meta:
        model = TargetGroup

    project = factory.SubFactory(ProjectFactory)
    name_fi = factory.Sequence(lambda n: f"Kohderyhmä {n}")
    target_count = None
    unit = TargetGroup.Unit.PERSONS
    order = factory.Sequence(lambda n: n)


def fill_application(project, *, aid="80000", other_public="20000"):
    """Fill in every required section of a draft application, as an applicant would: staff costs
    71 428.57 with the 40 % flat rate make 100 000 €, financed 80 % by aid."""
    import datetime
    from decimal import Decimal

    from hanke.core.models import Region
    from hanke.finance.services import budget_set

    region = Region.objects.first() or Region.objects.create(
        code="17", nuts3_code="FI1D9", name_fi="Pohjois-Pohjanmaa"
    )
    project.name_fi = project.name_fi or "Tekoälystä kasvua verkkokauppaan"
    project.summary_fi = "Koulutetaan pk-yritysten henkilöstöä verkkokaupan ja tekoälyn käyttöön."
    year = datetime.date.today().year
    project.start_date = datetime.date(year + 1, 1, 1)
    project.end_date = datetime.date(year + 2, 12, 31)
    project.save()
    project.regions.add(region)
    if project.specific_objective_id is None and project.call_id:
        project.specific_objective = project.call.specific_objectives.first()
        project.save()
    ProjectSection.objects.create(
        project=project, kind="background", body_fi="Yrityksiltä puuttuu tekoälyosaamista."
    )
    ProjectSection.objects.create(
        project=project, kind="objectives", body_fi="Lisätään verkkokaupan osaamista."
    )
    TargetGroup.objects.create(project=project, name_fi="Pk-yritysten henkilöstö", target_count=170)
    package = WorkPackage.objects.create(project=project, number=1, title_fi="Koulutus")
    Activity.objects.create(work_package=package, description_fi="Viisi koulutusmoduulia", order=1)
    budget_set(
        user=None,
        project=project,
        cost_model="flat_40",
        cost_lines={"staff": Decimal("71428.57")},
        financing={"aid": Decimal(aid), "other_public": Decimal(other_public)},
    )
    return project
