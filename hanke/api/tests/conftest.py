"""Fixtures of the open data API's tests: a small public catalogue with what must never show
(a draft, an unpublished project, an unpublished news item and call), and a clean cache."""

import datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.utils import timezone


@pytest.fixture(autouse=True)
def _fresh_throttle_counts(settings):
    """The rate limit counts requests in the cache, which outlives a test (local memory): start
    every test with none counted, at a rate no ordinary test reaches."""
    settings.API_ANON_RATE = "10000/min"
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def api_get(client):
    """GET an API address with query parameters (lists repeat the parameter), JSON back."""

    def get(path: str, params=None, status: int = 200, **headers):
        response = client.get(f"/api/v1{path}", params or {}, **headers)
        assert response.status_code == status, (
            f"{path} {params} gave {response.status_code}, not {status}: {response.content[:500]!r}"
        )
        return response.json()

    return get


@pytest.fixture
def catalogue(db):
    """Two public projects (a Finnish ERDF one in Lapland with its whole plan, an English ESF+
    one in North Ostrobothnia), a draft and an unpublished project with their own organisations,
    events and news, and three calls (open, closed, unpublished)."""
    from hanke.accounts.tests.factories import OrganisationFactory
    from hanke.core.models import Municipality, Region
    from hanke.events.tests.factories import EventFactory, EventSpeakerFactory
    from hanke.finance.tests.factories import BudgetFactory
    from hanke.indicators.models import IndicatorTarget
    from hanke.portal.tests.factories import NewsItemFactory
    from hanke.programmes.models import Call, FundingAuthority, Indicator
    from hanke.programmes.tests.factories import (
        CallFactory,
        FundFactory,
        SpecificObjectiveFactory,
        open_call,
    )
    from hanke.projects import workflow
    from hanke.projects.models import Deliverable
    from hanke.projects.tests.factories import (
        ActivityFactory,
        DeliverableFactory,
        ProjectFactory,
        ProjectLinkFactory,
        ProjectPartnerFactory,
        ProjectSectionFactory,
        TargetGroupFactory,
        ThemeFactory,
        WorkPackageFactory,
    )

    lapland = Region.objects.create(code="19", nuts3_code="FI1D7", name_fi="Lappi")
    north = Region.objects.create(code="17", nuts3_code="FI1D9", name_fi="Pohjois-Pohjanmaa")
    rovaniemi = Municipality.objects.create(code="698", name_fi="Rovaniemi", region=lapland)
    oulu = Municipality.objects.create(code="564", name_fi="Oulu", region=north)
    digital = ThemeFactory(
        slug="digitalisaatio", name_fi="Digitalisaatio", name_en="Digitalisation"
    )
    skills = ThemeFactory(slug="osaaminen", name_fi="Osaaminen")
    erdf = FundFactory(code="ERDF", abbreviation_fi="EAKR", name_fi="Euroopan aluekehitysrahasto")
    esf = FundFactory(code="ESF+", abbreviation_fi="ESR+", name_fi="Euroopan sosiaalirahasto plus")
    objective = SpecificObjectiveFactory(code="2.1", name_fi="Digitalisaatio")
    programme = objective.priority_axis.programme
    council = OrganisationFactory(name_fi="Lapin liitto", org_type="regional_council")
    lapland_authority = FundingAuthority.objects.create(
        name_fi="Lapin liitto", kind=FundingAuthority.Kind.REGIONAL_COUNCIL, organisation=council
    )
    ely = FundingAuthority.objects.create(
        name_fi="Pohjois-Pohjanmaan ELY-keskus", kind=FundingAuthority.Kind.ELY_CENTRE
    )
    chamber = OrganisationFactory(
        name_fi="Lapin kauppakamari",
        business_id="0209638-7",
        org_type="chamber_of_commerce",
        municipality=rovaniemi,
        website="https://lapinkauppakamari.fi",
    )
    college = OrganisationFactory(
        name_fi="Oulun ammattikorkeakoulu Oy", business_id="0737510-4", org_type="uas"
    )
    partner = OrganisationFactory(name_fi="Rovaniemen kehitys Oy", org_type="development_company")
    hidden_org = OrganisationFactory(name_fi="Salainen hakija Oy", business_id="2736591-3")
    hidden_partner = OrganisationFactory(name_fi="Salainen kumppani ry")

    shop = ProjectFactory(
        name_fi="Verkkokauppaklubi",
        name_en="E-commerce club",
        acronym="VKK",
        code="A12345",
        summary_fi="Lappilaiset yritykset kehittävät verkkokaupan osaamistaan yhdessä.",
        results_fi="Kaksikymmentä yritystä avasi verkkokaupan.",
        status=workflow.ONGOING,
        implementer=chamber,
        fund=erdf,
        funding_authority=lapland_authority,
        programme=programme,
        specific_objective=objective,
        start_date=datetime.date(2023, 3, 1),
        end_date=datetime.date(2025, 8, 31),
        homepage="https://example.fi/verkkokauppaklubi",
        source_document="seeds/001.txt",
    )
    shop.regions.add(lapland)
    shop.municipalities.add(rovaniemi)
    shop.themes.add(digital)
    BudgetFactory(project=shop)  # 510 503 €, aid 408 403 € (80,00 %), other public 102 100 €
    ProjectPartnerFactory(project=shop, organisation=partner, role="co_implementer")
    ProjectSectionFactory(project=shop, kind="background", title_fi="Tausta", body_fi="Tarve.")
    ProjectLinkFactory(project=shop)
    companies = TargetGroupFactory(
        project=shop, name_fi="Lappilaiset pk-yritykset", target_count=40, unit="companies"
    )
    TargetGroupFactory(
        project=shop,
        name_fi="Matkailuyritykset",
        target_count=10,
        unit="companies",
        part_of=companies,
    )
    package = WorkPackageFactory(project=shop, number=1, title_fi="Klubitapaamiset")
    ActivityFactory(work_package=package, description_fi="Kuukausittaiset tapaamiset")
    DeliverableFactory(
        project=shop,
        work_package=package,
        deliverable_type=Deliverable.Type.EVENT,
        title_fi="Klubitapaamiset",
        target_qualifier=Deliverable.Qualifier.AT_LEAST,
        target_min=12,
    )
    DeliverableFactory(
        project=shop,
        deliverable_type=Deliverable.Type.STUDY,
        title_fi="Selvitys verkkokaupasta",
        target_qualifier=Deliverable.Qualifier.RANGE,
        target_min=1,
        target_max=2,
    )
    indicator = Indicator.objects.create(
        programme=programme,
        code="RCO01",
        name_fi="Tuetut yritykset",
        kind="output",
        unit_fi="yritystä",
    )
    IndicatorTarget.objects.create(project=shop, indicator=indicator, target=Decimal("40"))

    skills_project = ProjectFactory(
        name_fi="",
        name_en="Skills for industry",
        summary_fi="",
        summary_en="Training in digital skills for industrial workers.",
        original_language="en",
        status=workflow.ENDED,
        implementer=college,
        fund=esf,
        funding_authority=ely,
        start_date=datetime.date(2021, 1, 1),
        end_date=datetime.date(2022, 12, 31),
    )
    skills_project.regions.add(north)
    skills_project.municipalities.add(oulu)
    skills_project.themes.add(skills, digital)
    BudgetFactory(
        project=skills_project,
        cost_model="real",
        cost_lines={"staff": Decimal("60000"), "purchased_services": Decimal("40000.50")},
        financing={"aid": Decimal("70000"), "own": Decimal("30000.50")},
    )

    draft = ProjectFactory(
        name_fi="Verkkokauppa luonnoksena",
        status=workflow.DRAFT,
        implementer=hidden_org,
        fund=erdf,
    )
    unpublished = ProjectFactory(
        name_fi="Verkkokauppa julkaisematta",
        is_public=False,
        implementer=hidden_org,
        fund=erdf,
    )
    ProjectPartnerFactory(project=unpublished, organisation=hidden_partner)

    webinar = EventFactory(
        project=shop,
        title_fi="Verkkokaupan webinaari",
        starts_at=timezone.make_aware(datetime.datetime(2024, 3, 5, 13, 0)),
        ends_at=timezone.make_aware(datetime.datetime(2024, 3, 5, 15, 0)),
        online_url="https://example.fi/webinaari",
        recording_url="https://example.fi/tallenne",
    )
    EventSpeakerFactory(event=webinar, speaker__name="Maija Meikäläinen", topic_fi="Kasvu")
    coming = EventFactory(
        project=skills_project,
        title_en="Skills day",
        title_fi="",
        original_language="en",
        event_type="workshop",
        is_online=False,
        municipality=oulu,
        venue="Oulun ammattikorkeakoulu",
        starts_at=timezone.now() + datetime.timedelta(days=30),
        registration_enabled=True,
        capacity=30,
    )
    undated = EventFactory(project=shop, title_fi="Kevään klubi", starts_at=None, timing_fi="Kevät")
    hidden_event = EventFactory(project=unpublished, title_fi="Salainen tapaaminen")
    draft_event = EventFactory(project=draft, title_fi="Luonnoksen tapahtuma")

    news = NewsItemFactory(
        title_fi="Verkkokauppaklubi aloitti",
        body_fi="Klubi kokoontui ensimmäisen kerran.",
        published_on=datetime.date(2024, 5, 2),
        publisher=council,
        projects=[shop, unpublished],
    )
    older_news = NewsItemFactory(title_fi="Vanha uutinen", published_on=datetime.date(2023, 1, 1))
    hidden_news = NewsItemFactory(title_fi="Julkaisematon uutinen", is_public=False)

    call = open_call(authority=lapland_authority, objective=objective)
    closed_call = CallFactory(
        name_fi="Päättynyt haku",
        authority=ely,
        programme=programme,
        opens_on=datetime.date(2022, 1, 1),
        closes_on=datetime.date(2022, 3, 31),
    )
    hidden_call = Call.objects.create(
        name_fi="Julkaisematon haku", authority=ely, programme=programme, is_published=False
    )
    return SimpleNamespace(
        lapland=lapland,
        north=north,
        rovaniemi=rovaniemi,
        oulu=oulu,
        digital=digital,
        skills=skills,
        erdf=erdf,
        esf=esf,
        objective=objective,
        programme=programme,
        council=council,
        lapland_authority=lapland_authority,
        ely=ely,
        chamber=chamber,
        college=college,
        partner=partner,
        hidden_org=hidden_org,
        hidden_partner=hidden_partner,
        shop=shop,
        skills_project=skills_project,
        draft=draft,
        unpublished=unpublished,
        webinar=webinar,
        coming=coming,
        undated=undated,
        hidden_event=hidden_event,
        draft_event=draft_event,
        news=news,
        older_news=older_news,
        hidden_news=hidden_news,
        call=call,
        closed_call=closed_call,
        hidden_call=hidden_call,
        indicator=indicator,
        companies=companies,
    )
