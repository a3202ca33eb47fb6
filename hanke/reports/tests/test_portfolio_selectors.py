"""The portfolio's aggregations on generated data: every breakdown's parts add up to its total,
filters narrow consistently, drafts never count; and one small case computed by hand."""

import datetime
import random
from decimal import Decimal

import pytest
from django.utils import timezone

from hanke.core.models import Municipality, Region
from hanke.finance.models import Budget, PaymentClaim
from hanke.finance.tests.factories import BudgetFactory
from hanke.participants.models import AgeBand, Participant
from hanke.participants.tests.factories import ParticipantFactory
from hanke.programmes.models import PriorityAxis, SpecificObjective
from hanke.programmes.tests.factories import FundFactory, ProgrammeFactory
from hanke.projects import workflow
from hanke.projects.models import Deliverable, Publication
from hanke.projects.tests.factories import DeliverableFactory, ProjectFactory, ThemeFactory
from hanke.reports.selectors import FUNDED_STATES, PortfolioFilter, portfolio

pytestmark = pytest.mark.django_db

GRANTED_AID = Decimal("408403")  # BudgetFactory's default aid
ALL_STATES = list(workflow.STATES)


def _claim(project, number, status, aid, approved_aid=None):
    return PaymentClaim.objects.create(
        project=project,
        number=number,
        period_start=datetime.date(2024, 1, 1),
        period_end=datetime.date(2024, 6, 30),
        status=status,
        figures={"aid": str(aid)},
        approved_aid=approved_aid,
    )


def _generate(seed):
    rng = random.Random(seed)
    programme = ProgrammeFactory()
    axis = PriorityAxis.objects.create(programme=programme, number="1")
    objectives = [
        SpecificObjective.objects.create(priority_axis=axis, code=f"7.{i}", name=f"SO {i}")
        for i in range(2)
    ]
    funds = [FundFactory() for _ in range(2)]
    regions = [Region.objects.create(code=f"R{seed}{i}", name=f"Alue {i}") for i in range(3)]
    municipalities = [
        Municipality.objects.create(code=f"M{seed}{i}", name=f"Kunta {i}", region=regions[i % 3])
        for i in range(4)
    ]
    themes = [ThemeFactory() for _ in range(3)]
    projects = []
    for _ in range(8):
        project = ProjectFactory(
            status=rng.choice(ALL_STATES),
            fund=rng.choice(funds + [None]),
            programme=programme,
            specific_objective=rng.choice(objectives + [None]),
        )
        project.regions.set(rng.sample(regions, rng.randint(0, 2)))
        project.municipalities.set(rng.sample(municipalities, rng.randint(0, 2)))
        project.themes.set(rng.sample(themes, rng.randint(0, 2)))
        if rng.random() < 0.6:
            BudgetFactory(project=project)
            if rng.random() < 0.7:
                Budget.objects.filter(project=project).update(approved_at=timezone.now())
        for n in range(rng.randint(0, 3)):
            status = rng.choice(["draft", "submitted", "returned", "approved"])
            aid = Decimal(rng.randint(0, 50000)) / 100
            _claim(project, n + 1, status, aid, aid if status == "approved" else None)
        for _ in range(rng.randint(0, 3)):
            business_id = rng.choice(["", "1234567-1", "7654321-0"])
            ParticipantFactory(
                project=project,
                gender=rng.choice(Participant.Gender.values),
                birth_year=rng.choice([1950, 1980, 2000, 2010]),
                business_id=business_id,
            )
        projects.append(project)
    return projects, funds


def _check_sums(p):
    for breakdown in (
        p.by_fund,
        p.by_specific_objective,
        p.participants_by_gender,
        p.participants_by_age_band,
    ):
        assert sum(r.value for r in breakdown.rows) == breakdown.total
    assert sum(r.value for r in p.by_status.rows) == p.by_status.total
    assert p.by_fund.total == p.by_specific_objective.total == p.total
    for money in (p.granted, p.claimed, p.paid):
        assert sum((r.value for r in money.rows), Decimal("0")) == money.total
        assert all(isinstance(r.value, Decimal) for r in money.rows)
    assert p.participants_by_gender.total == p.participants_by_age_band.total == p.participants


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_generated_portfolio_adds_up(seed):
    projects, funds = _generate(seed)
    funded = [x for x in projects if x.status in FUNDED_STATES]
    p = portfolio(PortfolioFilter())
    _check_sums(p)

    assert p.total == len(funded)
    expected_status = {s: sum(1 for x in projects if x.status == s) for s in FUNDED_STATES}
    expected_status["in_assessment"] = sum(1 for x in projects if x.status == "in_assessment")
    assert {r.key: r.value for r in p.by_status.rows} == expected_status

    # Regions and themes by hand: a project counts in each region it names or has a municipality
    # in, once per region; the total counts each project with any region once.
    region_of = {}
    for x in funded:
        region_of[x.pk] = set(x.regions.values_list("pk", flat=True)) | set(
            x.municipalities.values_list("region", flat=True)
        )
    by_hand = {}
    for regions in region_of.values():
        for r in regions:
            by_hand[r] = by_hand.get(r, 0) + 1
    assert {r.key: r.value for r in p.by_region.rows} == by_hand
    assert p.by_region.total == sum(1 for regions in region_of.values() if regions)
    assert sum(r.value for r in p.by_region.rows) >= p.by_region.total
    theme_of = {x.pk: set(x.themes.values_list("pk", flat=True)) for x in funded}
    assert sum(r.value for r in p.by_theme.rows) == sum(len(t) for t in theme_of.values())
    assert p.by_theme.total == sum(1 for t in theme_of.values() if t)

    # Money by hand.
    approved_budgets = Budget.objects.filter(
        project__in=[x.pk for x in funded], approved_at__isnull=False
    ).count()
    assert p.granted.total == GRANTED_AID * approved_budgets
    claims = PaymentClaim.objects.filter(project__in=[x.pk for x in funded])
    assert p.claimed.total == sum(
        (Decimal(c.figures["aid"]) for c in claims if c.status in ("submitted", "approved")),
        Decimal("0"),
    )
    assert p.paid.total == sum(
        (c.approved_aid for c in claims if c.status == "approved"), Decimal("0")
    )
    assert p.participants == Participant.objects.filter(project__in=[x.pk for x in funded]).count()

    # Filtering by a fund gives exactly that fund's row, in every figure.
    for fund in funds:
        only = portfolio(PortfolioFilter(fund_ids=(fund.pk,)))
        _check_sums(only)
        row = p.by_fund.row(fund.pk)
        assert only.total == (row.value if row else 0)
        assert [r.key for r in only.by_fund.rows] == ([fund.pk] if only.total else [])
        for name in ("granted", "claimed", "paid"):
            whole = getattr(p, name).row(fund.pk)
            assert getattr(only, name).total == (whole.value if whole else 0)

    # Filters only narrow: a region or a status subset never counts more.
    for region in p.by_region.rows:
        narrowed = portfolio(PortfolioFilter(region_ids=(region.key,)))
        _check_sums(narrowed)
        assert narrowed.total == region.value
    ongoing = portfolio(PortfolioFilter(statuses=(workflow.ONGOING,)))
    assert ongoing.total == p.by_status.row(workflow.ONGOING).value


def test_drafts_and_other_applications_never_count():
    for status in ("draft", "submitted", "returned", "rejected"):
        project = ProjectFactory(status=status)
        ParticipantFactory(project=project)
        BudgetFactory(project=project)
        _claim(project, 1, "approved", Decimal("10"), Decimal("10"))
    Budget.objects.update(approved_at=timezone.now())
    p = portfolio(PortfolioFilter())
    assert p.total == 0 and p.by_status.total == 0
    assert p.granted.total == p.claimed.total == p.paid.total == Decimal("0")
    assert p.participants == 0 and p.companies == 0
    assert portfolio(PortfolioFilter(statuses=("draft",))).by_status.total == 0


def test_small_case_by_hand():
    fund_a, fund_b = FundFactory(), FundFactory()
    north = Region.objects.create(code="XN", name="Pohjoinen")
    south = Region.objects.create(code="XS", name="Etelä")
    town = Municipality.objects.create(code="XT", name="Kaupunki", region=south)
    theme = ThemeFactory()

    one = ProjectFactory(status=workflow.ONGOING, fund=fund_a)
    one.regions.set([north])
    one.municipalities.set([town])  # so `one` is in both regions
    one.themes.set([theme])
    two = ProjectFactory(status=workflow.ENDED, fund=fund_b)
    two.regions.set([south])
    ProjectFactory(status=workflow.IN_ASSESSMENT, fund=fund_a)
    ProjectFactory(status=workflow.DRAFT, fund=fund_a)

    BudgetFactory(project=one)
    BudgetFactory(project=two)
    Budget.objects.filter(project=one).update(approved_at=timezone.now())  # two's is not approved
    _claim(one, 1, "approved", Decimal("1000.50"), Decimal("900.25"))
    _claim(one, 2, "submitted", Decimal("200"))
    _claim(one, 3, "draft", Decimal("999"))
    _claim(two, 1, "returned", Decimal("50"))

    ParticipantFactory(project=one, gender="woman", birth_year=1990, business_id="1234567-1")
    ParticipantFactory(project=one, gender="man", birth_year=1960, business_id="1234567-1")
    ParticipantFactory(project=two, gender="woman", birth_year=2000, business_id="7654321-0")
    erased = ParticipantFactory(project=two, gender="non_binary", birth_year=1990)
    Participant.objects.filter(pk=erased.pk).update(
        name="", email="", email_key="", erased_at=timezone.now()
    )
    studies = [
        DeliverableFactory(
            project=project,
            deliverable_type=Deliverable.Type.STUDY,
            target_qualifier=Deliverable.Qualifier.AT_LEAST,
            target_min=target,
        )
        for project, target in ((one, 5), (two, 2))
    ]
    for day in (datetime.date(2024, 3, 1), datetime.date(2024, 9, 1)):
        Publication.objects.create(
            project=one, deliverable=studies[0], title="Selvitys", published_on=day
        )
    Publication.objects.create(
        project=two,
        deliverable=studies[1],
        title="Selvitys",
        published_on=datetime.date(2025, 1, 1),
    )
    DeliverableFactory(project=two)  # no numeric target

    p = portfolio(PortfolioFilter())
    assert p.total == 2
    assert {r.key: r.value for r in p.by_status.rows} == {
        "in_assessment": 1,
        "approved": 0,
        "ongoing": 1,
        "ended": 1,
    }
    assert {r.key: r.value for r in p.by_fund.rows} == {fund_a.pk: 1, fund_b.pk: 1}
    assert [(r.key, r.value) for r in p.by_specific_objective.rows] == [(None, 1 + 1)]
    assert {r.key: r.value for r in p.by_region.rows} == {north.pk: 1, south.pk: 2}
    assert p.by_region.total == 2
    assert [(r.key, r.value) for r in p.by_theme.rows] == [(theme.pk, 1)]
    assert p.by_theme.total == 1

    assert p.granted.total == Decimal("408403")
    assert p.granted.row(fund_a.pk).value == Decimal("408403")
    assert p.granted.row(fund_b.pk).value == Decimal("0")
    assert p.claimed.total == Decimal("1200.50")
    assert p.paid.total == Decimal("900.25")

    genders = {r.key: r.value for r in p.participants_by_gender.rows}
    assert genders == {"woman": 2, "man": 1, "non_binary": 1, "not_said": 0}
    ages = {r.key: r.value for r in p.participants_by_age_band.rows}
    assert ages[AgeBand.AGE_30_54] == 2 and ages[AgeBand.AGE_55_PLUS] == 1
    assert ages[AgeBand.AGE_18_29] == 1 and p.participants == 4
    assert p.companies == 2

    assert [(d.key, d.deliverables, d.target, d.achieved) for d in p.deliverables] == [
        ("study", 2, 5 + 2, 2 + 1),
        ("other", 1, 0, 0),
    ]

    south_only = portfolio(PortfolioFilter(region_ids=(south.pk,)))
    assert south_only.total == 2
    north_only = portfolio(PortfolioFilter(region_ids=(north.pk,)))
    assert north_only.total == 1 and north_only.claimed.total == Decimal("1200.50")


def test_query_count_does_not_grow_with_projects(django_assert_max_num_queries):
    fund = FundFactory()
    for _ in range(6):
        project = ProjectFactory(status=workflow.ONGOING, fund=fund)
        ParticipantFactory(project=project)
        _claim(project, 1, "approved", Decimal("5"), Decimal("5"))
    with django_assert_max_num_queries(16):
        p = portfolio(PortfolioFilter())
    assert p.total == 6 and p.paid.total == Decimal("30")
