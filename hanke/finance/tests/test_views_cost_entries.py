"""Cost entries through the pages: a staff cost from an hourly staff member shows the computed,
traceable amount; a locked entry cannot be edited or deleted by a POST."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from hanke.finance.models import CostEntry
from hanke.finance.services import cost_entry_create, payment_claim_create, payment_claim_submit

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def finnish():
    """reverse() and the pages in Finnish, whatever an earlier test left active."""
    from django.utils import translation

    with translation.override("fi"):
        yield


def test_staff_cost_from_an_hourly_staff_member_shows_the_computed_amount(
    client, personas, running_project, hourly_trainer
):
    client.force_login(personas.applicant)
    response = client.post(
        reverse("finance:cost_add", args=[running_project.pk]),
        {
            "category": "staff",
            "entry_date": "2024-03-15",
            "description": "Koulutuspäivät maaliskuu",
            "staff_member": hourly_trainer.pk,
            "hours": "12,5",
        },
        follow=True,
    )
    assert response.status_code == 200
    entry = CostEntry.objects.get()
    assert entry.amount == Decimal("375.00")
    assert entry.hourly_rate == Decimal("30.00")
    html = response.content.decode().replace("\u00a0", " ")
    assert "12,50 h × 30 € = 375 €" in html


def test_salary_staff_cost_shows_salary_plus_on_costs(
    client, personas, running_project, salaried_manager
):
    client.force_login(personas.applicant)
    response = client.post(
        reverse("finance:cost_add", args=[running_project.pk]),
        {
            "category": "staff",
            "entry_date": "2024-03-31",
            "description": "Palkka maaliskuu",
            "staff_member": salaried_manager.pk,
            "salary": "4000",
        },
        follow=True,
    )
    html = response.content.decode().replace("\u00a0", " ")
    assert "4 000 € + on-costs 21,50 % = 4 860 €" in html or "4 860 €" in html
    assert CostEntry.objects.get().amount == Decimal("4860.00")


def test_bad_input_gives_an_error_next_to_the_field_and_saves_nothing(
    client, personas, running_project, hourly_trainer
):
    client.force_login(personas.applicant)
    response = client.post(
        reverse("finance:cost_add", args=[running_project.pk]),
        {
            "category": "staff",
            "entry_date": "2019-01-01",
            "description": "Ennen hanketta",
            "staff_member": hourly_trainer.pk,
            "hours": "",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_entry_date-error"' in html or 'id="id_hours-error"' in html
    assert 'aria-invalid="true"' in html
    assert 'class="error-summary"' in html
    assert not CostEntry.objects.exists()
    response = client.post(
        reverse("finance:cost_add", args=[running_project.pk]),
        {"category": "staff", "entry_date": "2024-03-01", "description": "x", "amount": "abc"},
    )
    assert 'id="id_amount-error"' in response.content.decode()
    assert not CostEntry.objects.exists()


def test_a_locked_entry_cannot_be_edited_or_deleted_through_the_pages(
    client, personas, running_project
):
    entry = cost_entry_create(
        user=personas.applicant,
        project=running_project,
        category="staff",
        entry_date=datetime.date(2024, 3, 1),
        description="Palkat",
        amount=Decimal("5000"),
    )
    claim = payment_claim_create(
        user=personas.applicant,
        project=running_project,
        period_start=datetime.date(2024, 1, 1),
        period_end=datetime.date(2024, 6, 30),
    )
    payment_claim_submit(user=personas.applicant, claim=claim)
    client.force_login(personas.applicant)

    detail = client.get(reverse("finance:cost_detail", args=[running_project.pk, entry.pk]))
    html = detail.content.decode()
    assert "notice-locked" in html
    assert reverse("finance:cost_edit", args=[running_project.pk, entry.pk]) not in html
    assert reverse("finance:cost_delete", args=[running_project.pk, entry.pk]) not in html

    response = client.post(
        reverse("finance:cost_edit", args=[running_project.pk, entry.pk]),
        {"category": "staff", "entry_date": "2024-03-01", "description": "Muutettu", "amount": "1"},
    )
    assert response.status_code == 200
    assert "eikä sitä voi muuttaa" in response.content.decode()
    response = client.post(
        reverse("finance:cost_delete", args=[running_project.pk, entry.pk]), follow=True
    )
    assert response.status_code == 200
    entry.refresh_from_db()
    assert entry.amount == Decimal("5000.00")
    assert entry.description == "Palkat"


def test_an_entry_can_be_edited_and_deleted_when_not_locked(client, personas, running_project):
    entry = cost_entry_create(
        user=personas.applicant,
        project=running_project,
        category="staff",
        entry_date=datetime.date(2024, 3, 1),
        description="Palkat",
        amount=Decimal("5000"),
    )
    client.force_login(personas.applicant)
    response = client.post(
        reverse("finance:cost_edit", args=[running_project.pk, entry.pk]),
        {
            "category": "staff",
            "entry_date": "2024-03-02",
            "description": "Palkat",
            "amount": "5 100",
        },
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.amount == Decimal("5100.00")
    client.post(reverse("finance:cost_delete", args=[running_project.pk, entry.pk]))
    assert not CostEntry.objects.exists()


def test_the_cost_list_filters_by_date_and_category(client, personas, running_project):
    for day, text in (
        (datetime.date(2024, 2, 1), "Helmikuu"),
        (datetime.date(2024, 5, 1), "Toukokuu"),
    ):
        cost_entry_create(
            user=personas.applicant,
            project=running_project,
            category="staff",
            entry_date=day,
            description=text,
            amount=Decimal("100"),
        )
    client.force_login(personas.officer)
    url = reverse("finance:costs", args=[running_project.pk])
    html = client.get(url, {"date_from": "2024-04-01", "date_to": "2024-06-30"}).content.decode()
    assert "Toukokuu" in html and "Helmikuu" not in html
    html = client.get(url, {"category": "travel"}).content.decode()
    assert "Toukokuu" not in html
