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
