"""Receipts: only PDF, PNG or JPEG (by name, content type and first bytes), at most
RECEIPT_MAX_BYTES; downloaded only by users who may see the finances, as an attachment."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from hanke.finance.models import CostEntry

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def finnish():
    """reverse() and the pages in Finnish, whatever an earlier test left active."""
    from django.utils import translation

    with translation.override("fi"):
        yield


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def post_entry(client, project, upload):
    return client.post(
        reverse("finance:cost_add", args=[project.pk]),
        {
            "category": "staff",
            "entry_date": "2024-03-01",
            "description": "Palkat",
            "amount": "1000",
            "receipt": upload,
        },
    )


def test_an_exe_renamed_pdf_is_refused_and_nothing_is_saved(
    client, personas, running_project, media
):
    client.force_login(personas.applicant)
    upload = SimpleUploadedFile("kuitti.pdf", b"MZ\x90\x00" + b"\x00" * 100, "application/pdf")
    response = post_entry(client, running_project, upload)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_receipt-error"' in html
    assert "PDF, PNG" in html
    assert not CostEntry.objects.exists()
    assert not any(media.rglob("*.pdf"))


def test_a_wrong_extension_is_refused(client, personas, running_project):
    client.force_login(personas.applicant)
    upload = SimpleUploadedFile("ohjelma.exe", PDF, "application/octet-stream")
    response = post_entry(client, running_project, upload)
    assert 'id="id_receipt-error"' in response.content.decode()
    assert not CostEntry.objects.exists()


def test_a_too_large_file_is_refused(client, personas, running_project, settings, media):
    settings.RECEIPT_MAX_BYTES = 1024
    client.force_login(personas.applicant)
    upload = SimpleUploadedFile("kuitti.pdf", PDF + b"0" * 2000, "application/pdf")
    response = post_entry(client, running_project, upload)
    html = response.content.decode()
    assert 'id="id_receipt-error"' in html
    assert "on liian suuri" in html
    assert not CostEntry.objects.exists()
    assert not any(media.rglob("*"))


def test_the_receipt_is_downloaded_only_by_allowed_users_as_an_attachment(
    client, personas, running_project
):
    client.force_login(personas.applicant)
    response = post_entry(
        client, running_project, SimpleUploadedFile("kuitti.pdf", PDF, "application/pdf")
    )
    assert response.status_code == 302
    entry = CostEntry.objects.get()
    url = reverse("finance:receipt", args=[running_project.pk, entry.pk])
    for user in (personas.applicant, personas.officer):
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith("attachment")
        assert response["X-Content-Type-Options"] == "nosniff"
        assert b"".join(response.streaming_content) == PDF
    client.force_login(personas.outsider)
    assert client.get(url).status_code == 403
    client.logout()
    assert client.get(url).status_code == 302


def test_a_png_receipt_is_accepted(client, personas, running_project):
    client.force_login(personas.applicant)
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
    response = post_entry(
        client, running_project, SimpleUploadedFile("kuitti.png", png, "image/png")
    )
    assert response.status_code == 302
    assert CostEntry.objects.get().receipt.name.endswith(".png")
