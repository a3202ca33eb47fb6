"""Staff costs are computed: hours × (annual salary ÷ 1 720 h), or salary + on-costs."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hanke.finance.models import CostCategory, StaffMember
from hanke.finance.services import cost_entry_create

pytestmark = pytest.mark.django_db
DAY = datetime.date(2024, 2, 15)


def test_hourly_rate_is_annual_salary_divided_by_1720_hours(hourly_trainer):
    assert hourly_trainer.hourly_rate == Decimal("30.00")
    odd = StaffMember(method=StaffMember.Method.HOURLY, annual_salary=Decimal("50000"))
    assert odd.hourly_rate == Decimal("29.07")  # 29.0697… to the cent


def test_timesheet_hours_become_a_staff_cost(personas, running_project, hourly_trainer):
    entry = cost_entry_create(
        user=personas.applicant,
        project=running_project,
        category=CostCategory.STAFF,
        entry_date=DAY,
        description="Moduuli 1, opetus",
        staff_member=hourly_trainer,
        hours=Decimal("37.5"),
    )
    assert (entry.hours, entry.hourly_rate, entry.amount) == (
        Decimal("37.5"),
        Decimal("30.00"),
        Decimal("1125.00"),
    )


def test_salary_plus_on_costs(personas, running_project, salaried_manager):
    entry = cost_entry_create(
        user=personas.applicant,
        project=running_project,
        category=CostCategory.STAFF,
        entry_date=DAY,
        description="Palkka helmikuu",
        staff_member=salaried_manager,
        salary=Decimal("4500"),
    )
    assert entry.amount == Decimal("5467.50")  # 4 500 + 21,50 % on-costs
    assert entry.on_cost_percent == Decimal("21.50")


def test_hourly_entry_needs_hours(personas, running_project, hourly_trainer):
    with pytest.raises(ValidationError) as excinfo:
        cost_entry_create(
            user=personas.applicant,
            project=running_project,
            category=CostCategory.STAFF,
            entry_date=DAY,
            description="x",
            staff_member=hourly_trainer,
        )
    assert "hours" in excinfo.value.message_dict


def test_other_costs_are_refused_under_the_40_percent_flat_rate(personas, running_project):
    with pytest.raises(ValidationError) as excinfo:
        cost_entry_create(
            user=personas.applicant,
            project=running_project,
            category=CostCategory.TRAVEL,
            entry_date=DAY,
            description="Matka",
            amount=Decimal("120"),
        )
    assert "category" in excinfo.value.message_dict


def test_costs_outside_the_project_period_are_refused(personas, running_project):
    with pytest.raises(ValidationError) as excinfo:
        cost_entry_create(
            user=personas.applicant,
            project=running_project,
            category=CostCategory.STAFF,
            entry_date=datetime.date(2026, 7, 1),
            description="Liian myöhään",
            amount=Decimal("100"),
        )
    assert "1.9.2023–30.6.2026" in excinfo.value.message_dict["entry_date"][0]


def test_only_the_projects_own_staff_enter_costs(personas, running_project):
    for user in (personas.outsider, personas.officer):
        with pytest.raises(PermissionDenied):
            cost_entry_create(
                user=user,
                project=running_project,
                category=CostCategory.STAFF,
                entry_date=DAY,
                description="x",
                amount=Decimal("1"),
            )
