"""Payment claims through the pages: create, submit, approve with a reduction, return with a
message; every figure is shown traceably."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from hanke.finance import claim_workflow
from hanke.finance.models import PaymentClaim
from hanke.finance.services import cost_entry_create

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def finnish():
    """reverse() and the pages in Finnish, whatever an earlier test left active."""
    from django.utils import translation

    with translation.override("fi"):
        yield


def text(response):
    return response.content.decode().replace("\u00a0", " ")


@pytest.fixture
def costs(personas, running_project):
    for day, amount in (
        (datetime.date(2024, 3, 1), "50000"),
        (datetime.date(2024, 5, 31), "10000"),
    ):
        cost_entry_create(
            user=personas.applicant,
            project=running_project,
            category="staff",
            entry_date=day,
            description=f"Palkat {day:%m}",
            amount=Decimal(amount),
        )


def create_claim(client, project):
    return client.post(
        reverse("finance:claims", args=[project.pk]),
        {"period_start": "2024-01-01", "period_end": "2024-06-30"},
    )


def test_claim_is_created_submitted_and_approved_with_a_reduction(
    client, personas, running_project, costs
):
    client.force_login(personas.applicant)
    response = create_claim(client, running_project)
    claim = PaymentClaim.objects.get()
    assert response["Location"] == reverse("finance:claim", args=[running_project.pk, claim.pk])
    page = text(client.get(response["Location"]))
    assert "40,00 % × 60 000 € = 24 000 €" in page  # flat rate, traceable
    assert "84 000 €" in page and "67 200 €" in page and "16 800 €" in page
    assert "Palkat 03" in page

    client.post(reverse("finance:claim_submit", args=[running_project.pk, claim.pk]))
    claim.refresh_from_db()
    assert claim.status == claim_workflow.SUBMITTED

    client.force_login(personas.officer)
    approve = reverse("finance:claim_approve", args=[running_project.pk, claim.pk])
    response = client.post(approve, {"reduction_staff": "5000", "reason_staff": ""})
    assert response.status_code == 200
    assert 'id="id_reduction_staff-error"' in text(response)
    claim.refresh_from_db()
    assert claim.status == claim_workflow.SUBMITTED

    response = client.post(
        approve, {"reduction_staff": "5 000", "reason_staff": "Tuntikirjanpito puuttuu"}
    )
    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.status == claim_workflow.APPROVED
    assert claim.approved_aid == Decimal("61600.00")

    client.force_login(personas.applicant)
    page = text(client.get(reverse("finance:claim", args=[running_project.pk, claim.pk])))
    assert "Hyväksytty" in page
    assert "Tuntikirjanpito puuttuu" in page
    assert "61 600 €" in page
    overview = text(client.get(reverse("finance:overview", args=[running_project.pk])))
    assert "61 600 €" in overview  # paid to date


def test_officer_returns_a_claim_with_a_message_the_project_sees(
    client, personas, running_project, costs
):
    client.force_login(personas.applicant)
    create_claim(client, running_project)
    claim = PaymentClaim.objects.get()
    client.post(reverse("finance:claim_submit", args=[running_project.pk, claim.pk]))
    client.force_login(personas.officer)
    url = reverse("finance:claim_return", args=[running_project.pk, claim.pk])
    response = client.post(url, {"decision_note": " "})
    assert 'id="id_decision_note-error"' in text(response)
    response = client.post(url, {"decision_note": "Liitä tuntilistat."})
    assert response.status_code == 302
    client.force_login(personas.applicant)
    page = text(client.get(reverse("finance:claim", args=[running_project.pk, claim.pk])))
    assert "Liitä tuntilistat." in page
    claim.refresh_from_db()
    assert claim.status == claim_workflow.RETURNED


def test_overlapping_period_gives_an_error_next_to_the_field(
    client, personas, running_project, costs
):
    client.force_login(personas.applicant)
    create_claim(client, running_project)
    response = create_claim(client, running_project)
    assert response.status_code == 200
    assert 'id="id_period_start-error"' in text(response)
    assert PaymentClaim.objects.count() == 1


def test_project_staff_cannot_approve_and_officer_cannot_create(
    client, personas, running_project, costs
):
    client.force_login(personas.officer)
    assert create_claim(client, running_project).status_code == 403
    client.force_login(personas.applicant)
    create_claim(client, running_project)
    claim = PaymentClaim.objects.get()
    client.post(reverse("finance:claim_submit", args=[running_project.pk, claim.pk]))
    response = client.post(reverse("finance:claim_approve", args=[running_project.pk, claim.pk]))
    assert response.status_code == 403
    claim.refresh_from_db()
    assert claim.status == claim_workflow.SUBMITTED


def test_a_demo_claim_shows_a_badge(client, personas, running_project):
    PaymentClaim.objects.create(
        project=running_project,
        number=1,
        period_start=datetime.date(2024, 1, 1),
        period_end=datetime.date(2024, 6, 30),
        is_demo=True,
    )
    client.force_login(personas.officer)
    claim = PaymentClaim.objects.get()
    assert "tag-demo" in text(client.get(reverse("finance:claims", args=[running_project.pk])))
    assert "tag-demo" in text(
        client.get(reverse("finance:claim", args=[running_project.pk, claim.pk]))
    )


def test_claim_downloads_as_xlsx_and_pdf_for_the_project_and_the_officer_only(
    client, personas, running_project, costs
):
    import io

    import openpyxl

    from hanke.finance.services import payment_claim_create, payment_claim_submit

    claim = payment_claim_create(
        user=personas.applicant,
        project=running_project,
        period_start=datetime.date(2024, 1, 1),
        period_end=datetime.date(2024, 6, 30),
    )
    payment_claim_submit(user=personas.applicant, claim=claim)
    xlsx_url = reverse("finance:claim_export", args=[running_project.pk, claim.pk, "xlsx"])
    pdf_url = reverse("finance:claim_export", args=[running_project.pk, claim.pk, "pdf"])
    client.force_login(personas.outsider)
    assert client.get(xlsx_url).status_code == 403
    for user in (personas.applicant, personas.officer):
        client.force_login(user)
        response = client.get(xlsx_url)
        assert response.status_code == 200
        assert "attachment" in response["Content-Disposition"]
        book = openpyxl.load_workbook(io.BytesIO(response.content))
        values = [cell.value for row in book.worksheets[0].iter_rows() for cell in row]
        assert Decimal("84000") in [
            Decimal(str(v)) for v in values if isinstance(v, (int, float, Decimal))
        ]
        pdf = client.get(pdf_url)
        assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert (
        client.get(
            reverse("finance:claim_export", args=[running_project.pk, claim.pk, "doc"])
        ).status_code
        == 404
    )


def test_demo_claim_page_is_traceable_and_does_not_warn_against_a_total_only_budget(client):
    import io

    from django.core.management import call_command

    from hanke.accounts.models import User

    call_command("load_demo", stdout=io.StringIO())
    claim = PaymentClaim.objects.get(is_demo=True)
    client.force_login(User.objects.get(username="hakija"))
    page = text(client.get(reverse("finance:claim", args=[claim.project_id, claim.pk])))
    # as submitted, then the reduction, then what was approved
    position = page.index("15 347,10 €")
    for figure in ("−150 €", "15 197,10 €", "12 157,68 €"):
        position = page.index(figure, position)
    assert "warning-text" not in page
