"""Budget change requests through the pages: errors next to the fields, a before/after table,
and the officer's decision; the officer approves a budget in the funding decision."""

from decimal import Decimal

import pytest
from django.urls import reverse

from hanke.accounts.models import Organisation
from hanke.finance.models import BudgetVersion, ChangeRequest, CostCategory, CostModel
from hanke.finance.services import budget_set
from hanke.projects.models import Project

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def finnish():
    """reverse() and the pages in Finnish, whatever an earlier test left active."""
    from django.utils import translation

    with translation.override("fi"):
        yield


def text(response):
    return response.content.decode().replace("\u00a0", " ")


def test_errors_appear_next_to_the_fields_and_nothing_is_saved(client, personas, running_project):
    client.force_login(personas.applicant)
    url = reverse("finance:change_request_new", args=[running_project.pk])
    response = client.post(
        url,
        {
            "cost_staff": "400000",
            "source_aid": "460000",
            "source_other_public": "100000",
            "reason": "",
        },
    )
    assert response.status_code == 200
    page = text(response)
    assert 'id="id_reason-error"' in page
    response = client.post(
        url,
        {
            "cost_staff": "400000",
            "source_aid": "460000",
            "source_other_public": "100000",
            "reason": "Lisää koulutuksia",
        },
    )
    page = text(response)
    assert 'id="id_source_aid-error"' in page  # 460 000 of 560 000 is above 80 %
    assert 'href="#id_source_aid"' in page  # the summary links to the field
    assert not ChangeRequest.objects.exists()


def test_the_change_request_shows_before_and_after_and_the_officer_approves_it(
    client, personas, running_project
):
    client.force_login(personas.applicant)
    response = client.post(
        reverse("finance:change_request_new", args=[running_project.pk]),
        {
            "cost_staff": "400000",
            "source_aid": "448000",
            "source_other_public": "112000",
            "reason": "Lisää koulutuksia",
        },
    )
    change = ChangeRequest.objects.get()
    assert response.status_code == 302
    page = text(client.get(response["Location"]))
    assert "364 645 €" in page and "400 000 €" in page and "+35 355 €" in page
    assert "510 503 €" in page and "560 000 €" in page

    client.force_login(personas.officer)
    url = reverse("finance:change_request", args=[running_project.pk, change.pk])
    response = client.post(url, {"decision": "reject", "decision_note": ""})
    assert 'id="id_decision_note-error"' in text(response)
    response = client.post(url, {"decision": "approve", "decision_note": "OK"})
    assert response.status_code == 302
    change.refresh_from_db()
    assert change.status == ChangeRequest.Status.APPROVED
    assert BudgetVersion.objects.filter(budget__project=running_project).count() == 2
    page = text(client.get(reverse("finance:budget", args=[running_project.pk])))
    assert "560 000 €" in page


def test_project_staff_cannot_decide(client, personas, running_project):
    client.force_login(personas.applicant)
    client.post(
        reverse("finance:change_request_new", args=[running_project.pk]),
        {
            "cost_staff": "364645",
            "source_aid": "408403",
            "source_other_public": "102100",
            "reason": "Sama",
        },
    )
    change = ChangeRequest.objects.get()
    response = client.post(
        reverse("finance:change_request", args=[running_project.pk, change.pk]),
        {"decision": "approve"},
    )
    assert response.status_code == 403
    change.refresh_from_db()
    assert change.status == ChangeRequest.Status.SUBMITTED


def test_officer_approves_a_budget_in_the_funding_decision(client, personas):
    project = Project.objects.create(
        name_fi="Uusi hanke", implementer=Organisation.objects.create(name_fi="Org")
    )
    budget_set(
        user=personas.officer,
        project=project,
        cost_model=CostModel.FLAT_RATE_40,
        cost_lines={CostCategory.STAFF: Decimal("100000")},
        financing={"aid": Decimal("112000"), "own": Decimal("28000")},
    )
    client.force_login(personas.officer)
    page = text(client.get(reverse("finance:budget", args=[project.pk])))
    assert "budget_approve" not in page
    assert reverse("finance:budget_approve", args=[project.pk]) in page
    client.post(reverse("finance:budget_approve", args=[project.pk]))
    project.budget.refresh_from_db()
    assert project.budget.approved_at is not None
    assert reverse("finance:budget_approve", args=[project.pk]) not in text(
        client.get(reverse("finance:budget", args=[project.pk]))
    )
