"""Attachments: PDF, DOCX, XLSX, ODT, PNG, JPEG, TXT and CSV, checked by the name's extension and
the file's first bytes, at most ATTACHMENT_MAX_BYTES; stored under a random name; downloaded only
by those who may see the application, always as a download."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from hanke.projects.models import Attachment
from hanke.projects.tests.conftest import section_url
from hanke.projects.tests.factories import fill_application

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return buffer.getvalue()


def upload(client, project, *files, description=""):
    return client.post(
        section_url(project, "attachments"), {"files": list(files), "description": description}
    )


def error_text(response) -> str:
    import re

    html = response.content.decode().replace("&#x27;", "'").replace("&quot;", '"')
    match = re.search(r'<p class="field-error" id="id_files-error">(.*?)</p>', html, re.S)
    return match.group(1) if match else ""


def test_several_files_are_attached_under_random_names(applicant_client, draft, media):
    response = upload(
        applicant_client,
        draft,
        SimpleUploadedFile("aiesopimus.pdf", PDF, "application/pdf"),
        SimpleUploadedFile("budjetti.docx", docx_bytes(), "application/octet-stream"),
        SimpleUploadedFile("osallistujat.csv", "nimi;määrä\nOulu;5\n".encode(), "text/csv"),
        description="Liitteet",
    )
    assert response.status_code == 302
    attachments = {a.original_name: a for a in Attachment.objects.filter(project=draft)}
    assert set(attachments) == {"aiesopimus.pdf", "budjetti.docx", "osallistujat.csv"}
    pdf = attachments["aiesopimus.pdf"]
    assert pdf.content_type == "application/pdf" and pdf.size == len(PDF)
    assert "aiesopimus" not in pdf.file.name and pdf.file.name.endswith(".pdf")
    assert attachments["budjetti.docx"].content_type.endswith("wordprocessingml.document")
    html = applicant_client.get(section_url(draft, "attachments")).content.decode()
    assert "aiesopimus.pdf" in html and "Liitteet" in html


def test_a_file_that_is_too_large_is_refused(applicant_client, draft, media, settings):
    settings.ATTACHMENT_MAX_BYTES = 1024 * 1024
    big = SimpleUploadedFile("iso.pdf", PDF + b"0" * (1024 * 1024), "application/pdf")
    response = upload(applicant_client, draft, big)
    assert response.status_code == 200
    assert "“iso.pdf” is too large (1.0 MB): a file can be at most 1 MB." in error_text(response)
    assert not Attachment.objects.exists()


def test_a_file_type_that_is_not_allowed_is_refused(applicant_client, draft, media):
    response = upload(
        applicant_client,
        draft,
        SimpleUploadedFile("ohjelma.exe", b"MZ\x90\x00", "application/x-msdownload"),
    )
    assert (
        "“ohjelma.exe” cannot be attached: attach PDF, DOCX, XLSX, ODT, PNG, JPEG, TXT or CSV files."
        in error_text(response)
    )
    assert not Attachment.objects.exists()


def test_content_that_does_not_match_the_extension_is_refused(applicant_client, draft, media):
    response = upload(
        applicant_client,
        draft,
        SimpleUploadedFile("liite.pdf", b"MZ\x90\x00" + b"\x00" * 64, "application/pdf"),
    )
    assert "The content of “liite.pdf” is not a PDF file as its name says." in error_text(response)
    assert not Attachment.objects.exists()
    assert not any(media.rglob("*.pdf"))


def test_a_zip_renamed_docx_is_refused(applicant_client, draft, media):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    response = upload(applicant_client, draft, SimpleUploadedFile("teksti.docx", buffer.getvalue()))
    assert "The content of “teksti.docx” is not a DOCX file as its name says." in error_text(
        response
    )


def test_a_binary_file_named_txt_is_refused(applicant_client, draft, media):
    response = upload(
        applicant_client, draft, SimpleUploadedFile("muistio.txt", b"abc\x00\xff\xfe", "text/plain")
    )
    assert "The content of “muistio.txt” is not text as its name says" in error_text(response)


def test_one_bad_file_refuses_the_whole_upload(applicant_client, draft, media):
    response = upload(
        applicant_client,
        draft,
        SimpleUploadedFile("hyva.pdf", PDF, "application/pdf"),
        SimpleUploadedFile("huono.png", PDF, "image/png"),
    )
    assert "The content of “huono.png” is not a PNG file" in error_text(response)
    assert not Attachment.objects.exists()


def test_no_file_chosen_says_so(applicant_client, draft, media):
    response = upload(applicant_client, draft)
    assert error_text(response) == "Choose at least one file to attach."


@pytest.fixture
def attached(applicant_client, draft, media):
    upload(applicant_client, draft, SimpleUploadedFile("aiesopimus.pdf", PDF, "application/pdf"))
    return Attachment.objects.get(project=draft)


def test_the_applicant_downloads_an_attachment_as_a_download(applicant_client, draft, attached):
    response = applicant_client.get(f"/en/applications/{draft.pk}/attachments/{attached.pk}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Disposition"].startswith("attachment;")
    assert 'filename="aiesopimus.pdf"' in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "application/pdf"


def test_an_outsider_gets_403_and_an_anonymous_user_the_login(
    client, draft, attached, personas, world
):
    url = f"/en/applications/{draft.pk}/attachments/{attached.pk}/"
    client.force_login(personas.outsider)
    assert client.get(url).status_code == 403
    client.force_login(world.other_officer)
    assert client.get(url).status_code == 403
    client.logout()
    response = client.get(url)
    assert response.status_code == 302 and "/en/login/" in response["Location"]


def test_an_attachment_of_another_application_is_not_found(applicant_client, world, attached):
    from hanke.projects.services import application_create

    other = application_create(user=world.applicant, call=world.call)
    assert (
        applicant_client.get(f"/en/applications/{other.pk}/attachments/{attached.pk}/").status_code
        == 404
    )


def test_the_funders_officer_downloads_a_submitted_applications_attachment(
    client, draft, attached, world
):
    from hanke.projects.services import application_submit

    fill_application(draft)
    application_submit(user=world.applicant, project=draft)
    client.force_login(world.officer)
    assert client.get(f"/en/applications/{draft.pk}/attachments/{attached.pk}/").status_code == 200


def test_an_attachment_is_removed_while_the_application_is_editable(
    applicant_client, draft, attached, media, django_capture_on_commit_callbacks
):
    stored = attached.file.name
    assert (media / stored).exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = applicant_client.post(
            f"/en/applications/{draft.pk}/attachments/{attached.pk}/delete/"
        )
    assert response.status_code == 302
    assert not Attachment.objects.exists()
    assert not (media / stored).exists()


def test_an_attachment_is_not_removed_after_submission(applicant_client, draft, attached, world):
    from hanke.projects.services import application_submit

    fill_application(draft)
    application_submit(user=world.applicant, project=draft)
    response = applicant_client.post(
        f"/en/applications/{draft.pk}/attachments/{attached.pk}/delete/"
    )
    assert response.status_code == 403
    assert Attachment.objects.filter(pk=attached.pk).exists()
