"""Project staff break the budget down by year before approval; the years must add up."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from hanke.finance.models import AnnualAmount
from hanke.finance.tests.factories import BudgetFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft_project(personas):
    import datetime

    from hanke.accounts.models import Membership, Organisation
    from hanke.projects.models import Project

    organisation = Organisation.objects.create(name_fi="Oamk")
    Membership.objects.create(user=personas.applicant, organisation=organisation)
    project = Project.objects.create(
        name_fi="Vuosibudjetti",
        implementer=organisation,
        start_date=datetime.date(2024, 1, 1),
        end_date=datetime.date(2025, 12, 31),
    )
    BudgetFactory(project=project)
    return project


def url(project):
    with translation.override("fi"):
        return reverse("finance:budget_by_year", args=[project.pk])


def test_years_that_do_not_add_up_are_refused_next_to_the_line(client, personas, draft_project):
    client.force_login(personas.applicant)
    response = client.post(
        url(draft_project), {"cost_staff_2024": "200000", "cost_staff_2025": "100000"}
    )
    assert response.status_code == 200
    assert 'id="cost_staff"' in response.content.decode()
    assert "aria-invalid" in response.content.decode()
    assert not AnnualAmount.objects.exists()


def test_bad_amount_gets_a_message_not_a_crash(client, personas, draft_project):
    client.force_login(personas.applicant)
    response = client.post(url(draft_project), {"cost_staff_2024": "paljon"})
    assert response.status_code == 200
    assert "paljon" in response.content.decode()
    assert not AnnualAmount.objects.exists()


def test_a_breakdown_that_adds_up_is_saved(client, personas, draft_project):
    client.force_login(personas.applicant)
    response = client.post(
        url(draft_project),
        {
            "cost_staff_2024": "200 000",
            "cost_staff_2025": "164645",
            "financing_aid_2024": "208403",
            "financing_aid_2025": "200000",
        },
    )
    assert response.status_code == 302
    assert AnnualAmount.objects.get(kind="cost", key="staff", year=2024).amount == Decimal("200000")
    page = client.get(url(draft_project)).content.decode()
    assert 'value="200000,00"' in page  # shown in Finnish style; read back by to_decimal


def test_outsiders_cannot_see_it(client, personas, draft_project):
    client.force_login(personas.outsider)
    assert client.get(url(draft_project)).status_code == 403
