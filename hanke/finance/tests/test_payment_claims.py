"""A payment claim sums the period's costs, applies the flat rate, computes eligible costs, the
aid at the decision's rate and own financing; submitted costs are locked; the officer approves,
reduces with reasons, or returns; paid-to-date follows."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hanke.finance import claim_workflow
from hanke.finance.models import CostCategory
from hanke.finance.selectors import aid_approved_to_date, budget_follow_up
from hanke.finance.services import (
    cost_entry_create,
    cost_entry_delete,
    cost_entry_update,
    payment_claim_approve,
    payment_claim_create,
    payment_claim_return,
    payment_claim_submit,
)

pytestmark = pytest.mark.django_db
JAN, JUN = datetime.date(2024, 1, 1), datetime.date(2024, 6, 30)


def staff_cost(personas, project, amount, day=datetime.date(2024, 3, 1), description="Palkat"):
    return cost_entry_create(
        user=personas.applicant,
        project=project,
        category=CostCategory.STAFF,
        entry_date=day,
        description=description,
        amount=Decimal(amount),
    )


@pytest.fixture
def claim(personas, running_project):
    staff_cost(personas, running_project, "50000")
    staff_cost(personas, running_project, "10000", day=datetime.date(2024, 5, 31))
    staff_cost(
        personas, running_project, "999", day=datetime.date(2024, 7, 1), description="Next period"
    )
    return payment_claim_create(
        user=personas.applicant, project=running_project, period_start=JAN, period_end=JUN
    )


def test_claim_computes_flat_rate_eligible_costs_aid_and_own_financing(personas, claim):
    claim = payment_claim_submit(user=personas.applicant, claim=claim)
    figures = claim.figures
    assert figures["by_category"] == {"staff": "60000.00"}
    assert figures["flat_rate_amount"] == "24000.00"  # 40 % of 60 000
    assert figures["eligible"] == "84000.00"
    assert figures["aid_rate"] == "80.00"
    assert figures["aid"] == "67200.00"
    assert figures["own_financing"] == "16800.00"
    assert claim.entries.count() == 2  # the July cost belongs to the next period


def test_submitted_costs_are_locked(personas, claim):
    payment_claim_submit(user=personas.applicant, claim=claim)
    entry = claim.entries.first()
    with pytest.raises(ValidationError):
        cost_entry_update(user=personas.applicant, entry=entry, amount=Decimal("1"))
    with pytest.raises(ValidationError):
        cost_entry_delete(user=personas.applicant, entry=entry)
    entry.refresh_from_db()
    assert entry.amount in (Decimal("50000.00"), Decimal("10000.00"))


def test_officer_reduces_with_a_reason_per_line_and_paid_to_date_follows(
    personas, running_project, claim
):
    payment_claim_submit(user=personas.applicant, claim=claim)
    with pytest.raises(ValidationError) as excinfo:
        payment_claim_approve(
            user=personas.officer, claim=claim, reductions=[("staff", Decimal("5000"), "")]
        )
    assert "reduction_staff" in excinfo.value.message_dict
    claim = payment_claim_approve(
        user=personas.officer,
        claim=claim,
        reductions=[("staff", Decimal("5000"), "Tuntikirjanpito puuttuu toukokuulta")],
    )
    assert claim.status == claim_workflow.APPROVED
    assert claim.approved_eligible == Decimal("77000.00")  # (60 000 − 5 000) × 1,40
    assert claim.approved_aid == Decimal("61600.00")
    assert aid_approved_to_date(running_project) == Decimal("61600.00")


def test_reduction_cannot_exceed_what_was_claimed(personas, claim):
    payment_claim_submit(user=personas.applicant, claim=claim)
    with pytest.raises(ValidationError):
        payment_claim_approve(
            user=personas.officer, claim=claim, reductions=[("staff", Decimal("60001"), "liikaa")]
        )
    claim.refresh_from_db()
    assert claim.status == claim_workflow.SUBMITTED


def test_returned_claim_opens_its_costs_again_and_can_be_resubmitted(personas, claim):
    payment_claim_submit(user=personas.applicant, claim=claim)
    with pytest.raises(ValidationError):
        payment_claim_return(user=personas.officer, claim=claim, message=" ")
    payment_claim_return(user=personas.officer, claim=claim, message="Liitä tuntilistat.")
    entry = claim.entries.first()
    cost_entry_update(
        user=personas.applicant, entry=entry, description="Palkat, tuntilistat liitetty"
    )
    claim = payment_claim_submit(user=personas.applicant, claim=claim)
    assert claim.status == claim_workflow.SUBMITTED


def test_a_claim_never_pays_more_than_the_granted_aid(personas, running_project):
    # 400 000 € of staff costs × 1,40 × 80 % would be 448 000 € of aid; only 408 403 € was granted
    staff_cost(personas, running_project, "400000")
    claim = payment_claim_create(
        user=personas.applicant, project=running_project, period_start=JAN, period_end=JUN
    )
    claim = payment_claim_submit(user=personas.applicant, claim=claim)
    assert claim.figures["aid_before_cap"] == "448000.00"
    assert claim.figures["aid"] == "408403.00" and claim.figures["capped"] is True
    claim = payment_claim_approve(user=personas.officer, claim=claim)
    staff_cost(personas, running_project, "1000", day=datetime.date(2024, 8, 1))
    second = payment_claim_create(
        user=personas.applicant,
        project=running_project,
        period_start=datetime.date(2024, 7, 1),
        period_end=datetime.date(2024, 12, 31),
    )
    second = payment_claim_submit(user=personas.applicant, claim=second)
    assert second.figures["aid"] == "0.00"


def test_applicant_cannot_approve_and_officer_cannot_submit(personas, claim):
    with pytest.raises(PermissionDenied):
        payment_claim_submit(user=personas.officer, claim=claim)
    payment_claim_submit(user=personas.applicant, claim=claim)
    with pytest.raises(PermissionDenied):
        payment_claim_approve(user=personas.applicant, claim=claim)


def test_periods_do_not_overlap_and_empty_claims_are_refused(personas, running_project, claim):
    with pytest.raises(ValidationError) as excinfo:
        payment_claim_create(
            user=personas.applicant,
            project=running_project,
            period_start=datetime.date(2024, 6, 1),
            period_end=datetime.date(2024, 12, 31),
        )
    assert "1.1.2024–30.6.2024" in excinfo.value.message_dict["period_start"][0]
    empty = payment_claim_create(
        user=personas.applicant,
        project=running_project,
        period_start=datetime.date(2025, 1, 1),
        period_end=datetime.date(2025, 6, 30),
    )
    with pytest.raises(ValidationError):
        payment_claim_submit(user=personas.applicant, claim=empty)


def test_follow_up_shows_budget_against_actual_and_warns_when_over(
    personas, running_project, claim
):
    payment_claim_submit(user=personas.applicant, claim=claim)
    follow_up = budget_follow_up(running_project, today=datetime.date(2024, 12, 31))
    staff = next(row for row in follow_up.rows if row.key == "staff")
    flat = next(row for row in follow_up.rows if row.key == "flat_rate")
    assert (staff.budget, staff.actual, staff.claimed) == (
        Decimal("364645"),
        Decimal("60999"),
        Decimal("60000"),
    )
    assert flat.actual == Decimal("24399.60")
    assert follow_up.total.actual == Decimal("85398.60")
    assert follow_up.elapsed_percent == Decimal("47.14")  # 487 of 1 033 days
    assert follow_up.warnings == []
    assert [month for month, _amount, _cum in follow_up.by_month] == [
        "2024-03",
        "2024-05",
        "2024-07",
    ]
    staff_cost(personas, running_project, "400000", day=datetime.date(2024, 9, 1))
    assert [row.key for row in budget_follow_up(running_project).warnings] == [
        "staff",
        "flat_rate",
        "total",
    ]


def test_a_budget_with_only_a_total_is_compared_by_its_total(personas):
    """Seed 001 gives only the total: no category is 'over budget' against a budget of 0 €."""
    import io

    from django.core.management import call_command

    from hanke.projects.models import Project

    call_command("load_demo", stdout=io.StringIO())
    growth = Project.objects.get(source_document__startswith="seeds/001")
    follow_up = budget_follow_up(growth)
    assert not follow_up.itemised
    assert follow_up.warnings == []
    assert all(row.used_percent is None for row in follow_up.rows)
    assert follow_up.total.used_percent == Decimal("9.01")  # 15 347,10 of 170 250


def test_cumulative_figures_count_earlier_approved_claims_after_reductions(
    personas, running_project, claim
):
    from hanke.finance.selectors import approved_before, claim_compute, claim_cumulative

    payment_claim_submit(user=personas.applicant, claim=claim)
    payment_claim_approve(
        user=personas.officer, claim=claim, reductions=[("staff", Decimal("5000"), "Puuttuu")]
    )
    second = payment_claim_create(
        user=personas.applicant,
        project=running_project,
        period_start=datetime.date(2024, 7, 1),
        period_end=datetime.date(2024, 12, 31),
    )
    before = approved_before(second)
    assert before.by_category == {"staff": Decimal("55000.00")}
    assert (before.flat_rate, before.eligible, before.aid, before.numbers) == (
        Decimal("22000.00"),
        Decimal("77000.00"),
        Decimal("61600.00"),
        [1],
    )
    figures = claim_compute(second)
    rows = {
        row.key: row
        for row in claim_cumulative(second, figures.by_category, figures.flat_rate_amount)
    }
    assert (rows["staff"].previous, rows["staff"].this_claim) == (
        Decimal("55000.00"),
        Decimal("999.00"),
    )
    assert rows["total"].cumulative == Decimal("77000.00") + Decimal("999.00") * Decimal("1.4")
