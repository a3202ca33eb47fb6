"""The money rules of the cost estimate and financing plan, through finance.services.budget_set."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from hanke.finance.models import Budget, CostCategory, CostModel, FundingSource
from hanke.finance.selectors import budget_summary
from hanke.finance.services import budget_set
from hanke.projects.models import Project

pytestmark = pytest.mark.django_db

AID, OTHER_PUBLIC = FundingSource.AID, FundingSource.OTHER_PUBLIC


@pytest.fixture
def project():
    return Project.objects.create(name_fi="Testihanke")


def seed_002_budget(project, **overrides):
    arguments = {
        "user": None,
        "project": project,
        "cost_model": CostModel.FLAT_RATE_40,
        "cost_lines": {CostCategory.STAFF: Decimal("364645")},
        "financing": {AID: Decimal("408403"), OTHER_PUBLIC: Decimal("102100")},
    }
    arguments.update(overrides)
    return budget_set(**arguments)


def test_flat_rate_is_computed_from_staff_costs(project):
    budget = seed_002_budget(project)
    assert budget.total_cost == Decimal("510503.00")
    summary = budget_summary(project)
    flat = next(row for row in summary.cost_rows if row.key == "flat_rate")
    assert flat.amount == Decimal("145858.00")
    assert flat.computed is True
    assert summary.aid_rate == Decimal("80.00")
    assert [row.percent for row in summary.financing_rows] == [Decimal("80.00"), Decimal("20.00")]


def test_flat_rate_cannot_be_typed_as_another_cost_under_the_40_percent_model(project):
    with pytest.raises(ValidationError) as excinfo:
        seed_002_budget(
            project,
            cost_lines={
                CostCategory.STAFF: Decimal("364645"),
                CostCategory.OTHER: Decimal("145858"),
            },
        )
    assert "cost_other" in excinfo.value.message_dict
    assert not Budget.objects.filter(project=project).exists()


def test_sources_must_add_up_to_the_total_exactly(project):
    with pytest.raises(ValidationError) as excinfo:
        seed_002_budget(
            project, financing={AID: Decimal("408403"), OTHER_PUBLIC: Decimal("102099")}
        )
    message = excinfo.value.message_dict["financing"][0]
    assert "510\u00a0502\u00a0€" in message and "510\u00a0503\u00a0€" in message


def test_aid_at_80_00_percent_after_rounding_is_accepted(project):
    seed_002_budget(project)
    assert Budget.objects.get(project=project).financing_lines.get(source=AID).amount == Decimal(
        "408403"
    )


def test_a_real_overrun_of_the_aid_rate_is_refused_and_changes_nothing(project):
    seed_002_budget(project)
    with translation.override("en"), pytest.raises(ValidationError) as excinfo:
        seed_002_budget(
            project, financing={AID: Decimal("408453"), OTHER_PUBLIC: Decimal("102050")}
        )
    message = excinfo.value.message_dict["source_aid"][0]
    assert "80.01%" in message and "80.00%" in message and "€408,427" in message
    # the earlier, valid plan is intact
    assert Budget.objects.get(project=project).financing_lines.get(source=AID).amount == Decimal(
        "408403"
    )


def test_investment_projects_have_a_70_percent_maximum(project):
    project.kind = Project.Kind.INVESTMENT
    project.save()
    with pytest.raises(ValidationError):
        budget_set(
            user=None,
            project=project,
            cost_model=CostModel.REAL_COSTS,
            total_cost=Decimal("1000"),
            financing={AID: Decimal("710"), OTHER_PUBLIC: Decimal("290")},
        )
    budget_set(
        user=None,
        project=project,
        cost_model=CostModel.REAL_COSTS,
        total_cost=Decimal("1000"),
        financing={AID: Decimal("700"), OTHER_PUBLIC: Decimal("300")},
    )


def test_the_calls_maximum_rate_wins(project):
    from hanke.programmes.models import Call, FundingAuthority, Programme

    authority = FundingAuthority.objects.create(
        name_fi="Lapin liitto", kind=FundingAuthority.Kind.REGIONAL_COUNCIL
    )
    programme = Programme.objects.create(
        code="P", name_fi="Ohjelma", period_start=2021, period_end=2027
    )
    project.call = Call.objects.create(
        name_fi="Haku", authority=authority, programme=programme, max_aid_rate=Decimal("60")
    )
    project.save()
    with pytest.raises(ValidationError):
        budget_set(
            user=None,
            project=project,
            cost_model=CostModel.REAL_COSTS,
            total_cost=Decimal("1000"),
            financing={AID: Decimal("700"), OTHER_PUBLIC: Decimal("300")},
        )


def test_seed_001_four_sources_add_up(project):
    budget_set(
        user=None,
        project=project,
        cost_model=CostModel.NOT_KNOWN,
        total_cost=Decimal("170250"),
        financing={
            AID: Decimal("136200"),
            FundingSource.MUNICIPAL: Decimal("21200"),
            OTHER_PUBLIC: Decimal("5000"),
            FundingSource.PRIVATE: Decimal("7850"),
        },
    )
    summary = budget_summary(project)
    assert summary.financing_total == summary.total_cost == Decimal("170250")
    assert summary.public_total == Decimal("162400")


def test_stated_total_must_match_the_computed_one(project):
    with pytest.raises(ValidationError) as excinfo:
        seed_002_budget(project, total_cost=Decimal("510000"))
    assert "total_cost" in excinfo.value.message_dict


def test_revenues_reduce_eligible_costs(project):
    budget = budget_set(
        user=None,
        project=project,
        cost_model=CostModel.FLAT_RATE_24,
        cost_lines={
            CostCategory.STAFF: Decimal("1000"),
            CostCategory.TRAVEL: Decimal("100"),
            CostCategory.REVENUES: Decimal("50"),
        },
        financing={AID: Decimal("800"), OTHER_PUBLIC: Decimal("490")},
    )
    assert budget.total_cost == Decimal("1290.00")  # 1000 + 100 + 24 % × 1000 − 50
