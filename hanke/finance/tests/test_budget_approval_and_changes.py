"""The funding decision fixes the budget; later changes go through a change request with a
before/after view, and every approved state is kept as an immutable version."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hanke.finance.models import Budget, ChangeRequest, CostModel
from hanke.finance.selectors import change_request_diff
from hanke.finance.services import (
    budget_set,
    budget_set_annual,
    change_request_decide,
    change_request_submit,
)

pytestmark = pytest.mark.django_db


def test_approval_keeps_version_one_and_fixes_the_aid_rate(running_project):
    budget = Budget.objects.get(project=running_project)
    assert budget.aid_rate == Decimal("80.00")
    version = budget.versions.get()
    assert version.number == 1
    assert version.figures["total_cost"] == "510503.00"
    assert version.figures["financing"] == {"aid": "408403.00", "other_public": "102100.00"}


def test_an_approved_budget_cannot_be_overwritten(personas, running_project):
    with pytest.raises(ValidationError):
        budget_set(
            user=personas.officer,
            project=running_project,
            cost_model=CostModel.FLAT_RATE_40,
            cost_lines={"staff": Decimal("1")},
            financing={"own": Decimal("1.40")},
        )


def test_change_request_shows_before_and_after_and_approval_makes_version_two(
    personas, running_project
):
    request = change_request_submit(
        user=personas.applicant,
        project=running_project,
        reason="Opettajakoulutuksia lisää",
        cost_lines={"staff": Decimal("350000")},
        financing={"aid": Decimal("392000"), "other_public": Decimal("98000")},
    )
    rows = {row.key: row for row in change_request_diff(request)}
    assert (rows["cost_staff"].before, rows["cost_staff"].after) == (
        Decimal("364645.00"),
        Decimal("350000.00"),
    )
    assert rows["total_cost"].after == Decimal("490000.00")
    assert rows["source_aid"].change == Decimal("-16403.00")
    change_request_decide(
        user=personas.officer, change_request=request, approve=True, note="Hyväksytty"
    )
    budget = Budget.objects.get(project=running_project)
    assert budget.total_cost == Decimal("490000.00")
    assert [v.number for v in budget.versions.all()] == [1, 2]
    assert budget.versions.get(number=1).figures["total_cost"] == "510503.00"  # unchanged


def test_a_change_request_is_checked_by_the_same_money_rules(personas, running_project):
    with pytest.raises(ValidationError) as excinfo:
        change_request_submit(
            user=personas.applicant,
            project=running_project,
            reason="Lisää tukea",
            cost_lines={"staff": Decimal("364645")},
            financing={"aid": Decimal("420000"), "other_public": Decimal("90503")},
        )
    assert "source_aid" in excinfo.value.message_dict
    assert not ChangeRequest.objects.exists()


def test_rejection_needs_a_reason_and_only_the_officer_decides(personas, running_project):
    request = change_request_submit(
        user=personas.applicant,
        project=running_project,
        reason="Muutos",
        cost_lines={"staff": Decimal("364645")},
        financing={"aid": Decimal("400000"), "other_public": Decimal("110503")},
    )
    with pytest.raises(PermissionDenied):
        change_request_decide(user=personas.applicant, change_request=request, approve=True)
    with pytest.raises(ValidationError):
        change_request_decide(user=personas.officer, change_request=request, approve=False, note="")
    change_request_decide(
        user=personas.officer, change_request=request, approve=False, note="Ei perusteltu"
    )
    request.refresh_from_db()
    assert request.status == ChangeRequest.Status.REJECTED
    assert Budget.objects.get(project=running_project).total_cost == Decimal("510503.00")


def test_budget_by_year_must_add_up_to_each_line(personas):
    from hanke.finance.tests.factories import BudgetFactory
    from hanke.projects.models import Project

    project = Project.objects.create(name_fi="Vuosittain")
    BudgetFactory(project=project)
    with pytest.raises(ValidationError) as excinfo:
        budget_set_annual(
            user=personas.officer,
            project=project,
            costs={("staff", 2024): Decimal("200000"), ("staff", 2025): Decimal("164644")},
            financing={},
        )
    assert "cost_staff" in excinfo.value.message_dict
    budget = budget_set_annual(
        user=personas.officer,
        project=project,
        costs={("staff", 2024): Decimal("200000"), ("staff", 2025): Decimal("164645")},
        financing={("aid", 2024): Decimal("208403"), ("aid", 2025): Decimal("200000")},
    )
    assert budget.annual_amounts.count() == 4


def test_a_decided_change_request_still_shows_its_own_before_and_after(personas, running_project):
    request = change_request_submit(
        user=personas.applicant,
        project=running_project,
        reason="Supistus",
        cost_lines={"staff": Decimal("350000")},
        financing={"aid": Decimal("392000"), "other_public": Decimal("98000")},
    )
    change_request_decide(user=personas.officer, change_request=request, approve=True)
    rows = {row.key: row for row in change_request_diff(request)}
    assert (rows["cost_staff"].before, rows["cost_staff"].after) == (
        Decimal("364645.00"),
        Decimal("350000.00"),
    )


def test_staff_members_are_added_through_the_service(personas, running_project):
    from hanke.finance.models import StaffMember
    from hanke.finance.services import staff_member_create

    with pytest.raises(ValidationError):
        staff_member_create(
            user=personas.applicant, project=running_project, name="Tuntityö", method="hourly"
        )
    with pytest.raises(PermissionDenied):
        staff_member_create(
            user=personas.outsider,
            project=running_project,
            name="x",
            method="salary",
            annual_salary=Decimal("1"),
        )
    member = staff_member_create(
        user=personas.applicant,
        project=running_project,
        name="Tuntityö",
        method="hourly",
        annual_salary=Decimal("51600"),
    )
    assert StaffMember.objects.get(pk=member.pk).hourly_rate == Decimal("30.00")
