"""An officer enters a budget in the admin; the money rules answer next to the field."""

from decimal import Decimal

import pytest

from hanke.finance.models import Budget
from hanke.projects.models import Project

pytestmark = pytest.mark.django_db

ADD_URL = "/fi/admin/finance/budget/add/"


def form_data(project, **overrides):
    data = {
        "project": project.pk,
        "cost_model": "flat_40",
        "aid_granted_by": "",
        "cost_staff": "364645",
        "source_aid": "408403",
        "source_other_public": "102100",
    }
    data.update(overrides)
    return data


@pytest.fixture
def project():
    return Project.objects.create(name_fi="Tekoälykoulutus")


def test_overrun_of_the_aid_rate_is_shown_next_to_the_aid_and_nothing_is_saved(
    admin_client, project
):
    response = admin_client.post(
        ADD_URL, form_data(project, source_aid="408453", source_other_public="102050")
    )
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "80,01" in errors["source_aid"][0]
    assert not Budget.objects.exists()


def test_sources_that_do_not_add_up_are_refused(admin_client, project):
    response = admin_client.post(ADD_URL, form_data(project, source_other_public="100000"))
    assert response.status_code == 200
    assert response.context["adminform"].form.non_field_errors()
    assert not Budget.objects.exists()


def test_a_valid_budget_is_saved_with_the_flat_rate_computed(admin_client, project):
    response = admin_client.post(ADD_URL, form_data(project))
    assert response.status_code == 302, response.context["adminform"].form.errors
    budget = Budget.objects.get(project=project)
    assert budget.total_cost == Decimal("510503.00")
    assert {line.category for line in budget.cost_lines.all()} == {"staff"}


def test_the_change_form_shows_the_saved_figures(admin_client, project):
    admin_client.post(ADD_URL, form_data(project))
    budget = Budget.objects.get(project=project)
    response = admin_client.get(f"/fi/admin/finance/budget/{budget.pk}/change/")
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert form.initial["cost_staff"] == Decimal("364645.00")
    assert form.initial["source_aid"] == Decimal("408403.00")


def test_an_approved_budget_is_read_only_in_the_admin(admin_client, project):
    from django.contrib.auth import get_user_model

    from hanke.finance.services import budget_approve

    admin_client.post(ADD_URL, form_data(project))
    budget_approve(user=get_user_model().objects.get(username="admin"), project=project)
    budget = Budget.objects.get(project=project)
    response = admin_client.post(
        f"/fi/admin/finance/budget/{budget.pk}/change/", form_data(project, cost_staff="1")
    )
    assert response.status_code == 403
    budget.refresh_from_db()
    assert budget.total_cost == Decimal("510503.00")
