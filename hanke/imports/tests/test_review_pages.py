"""The officer's import pages: the upload form and its errors, the batch page's progress partial
(polling while the batch runs, not after), the review page (value, source with the snippet marked,
accept / edit / reject), the apply confirmation listing what is not reviewed, and refusals."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from hanke.imports.models import ExtractedValue, ImportBatch, ImportDocument
from hanke.imports.services import MAX_FILES
from hanke.projects.models import Project

from .test_documents_services import TEXT, extractor, found, import_text  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer_client(client, world):
    client.force_login(world.officer)
    return client


def upload(client, *files):
    return client.post(reverse("imports:upload"), {"files": list(files)})


def txt(name="hanke.txt", content=TEXT):
    return SimpleUploadedFile(name, content.encode(), content_type="text/plain")


def test_upload_page_has_a_multiple_file_input(officer_client):
    html = officer_client.get(reverse("imports:upload")).content.decode()
    assert 'type="file"' in html and "multiple" in html
    assert 'enctype="multipart/form-data"' in html
    assert '<label for="id_files"' in html


def test_upload_without_files_shows_an_error_summary(officer_client):
    response = upload(officer_client)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="error-summary" role="alert"' in html
    assert 'href="#id_files"' in html
    assert 'aria-invalid="true"' in html
    assert not ImportBatch.objects.exists()


def test_upload_refuses_too_many_and_wrong_files(officer_client):
    response = upload(officer_client, *[txt(f"{n}.txt") for n in range(MAX_FILES + 1)])
    assert f"at most {MAX_FILES}" in response.content.decode()
    response = upload(officer_client, SimpleUploadedFile("kuva.png", b"\x89PNG"))
    assert "kuva.png" in response.content.decode()
    assert not ImportBatch.objects.exists()


def test_upload_reads_the_files_and_goes_to_the_batch(officer_client, extractor):  # noqa: F811
    response = upload(officer_client, txt("a.txt"), txt("b.txt", TEXT.replace("S30355", "S1")))
    batch = ImportBatch.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("imports:batch", kwargs={"pk": batch.pk})
    html = officer_client.get(response["Location"]).content.decode()
    assert '<progress id="batch-progress-bar" value="2" max="2"' in html
    assert "2 / 2 documents read" in html
    assert 'role="status"' in html
    assert "hx-trigger" not in html  # done: no polling


def test_progress_partial_polls_while_running_and_stops_when_done(officer_client, world):
    batch = ImportBatch.objects.create(created_by=world.officer, total=5, processed=3)
    ImportBatch.objects.filter(pk=batch.pk).update(status=ImportBatch.Status.RUNNING)
    url = reverse("imports:batch_progress", kwargs={"pk": batch.pk})
    html = officer_client.get(url).content.decode()
    assert f'hx-get="{url}"' in html and 'hx-trigger="every 1s"' in html
    assert 'value="3" max="5"' in html and "3 / 5 documents read" in html
    assert "<html" not in html  # a partial
    ImportBatch.objects.filter(pk=batch.pk).update(status=ImportBatch.Status.DONE, processed=5)
    html = officer_client.get(url).content.decode()
    assert "hx-trigger" not in html and "5 / 5 documents read" in html


def test_review_page_shows_value_and_marked_source(officer_client, world, extractor):  # noqa: F811
    _batch, document = import_text(world.officer)
    code = document.values.get(field="code")
    html = officer_client.get(
        reverse("imports:document", kwargs={"pk": document.pk})
    ).content.decode()
    assert f'<mark id="mark-{code.pk}">S30355</mark>' in html
    assert f'href="#mark-{code.pk}"' in html
    assert "Hanke " in html  # the context before the snippet
    assert f'<label for="edit-{code.pk}">' in html


def decide(client, value, decision, edited=""):
    return client.post(
        reverse("imports:value_decide", kwargs={"pk": value.pk}),
        {"decision": decision, "edited": edited},
    )


def test_accept_edit_reject_and_apply_through_the_pages(officer_client, world, extractor):  # noqa: F811
    _batch, document = import_text(world.officer)
    values = {v.field: v for v in document.values.all()}
    assert decide(officer_client, values["code"], "accepted").status_code == 302
    assert decide(officer_client, values["name"], "edited", "Tekoäly ja kauppa").status_code == 302
    assert decide(officer_client, values["start_date"], "rejected").status_code == 302

    bad = decide(officer_client, values["end_date"], "edited", "31.2.2026")
    html = bad.content.decode()
    assert bad.status_code == 400
    assert 'role="alert"' in html and f'href="#edit-{values["end_date"].pk}"' in html
    assert 'aria-invalid="true"' in html

    apply_url = reverse("imports:document_apply", kwargs={"pk": document.pk})
    confirm = officer_client.get(apply_url).content.decode()
    assert "Not reviewed: will not be saved" in confirm
    assert f"#value-{values['end_date'].pk}" in confirm  # pending values are listed
    assert "Tekoäly ja kauppa" in confirm

    response = officer_client.post(apply_url)
    assert response.status_code == 302
    project = Project.objects.get(code="S30355")
    assert project.name_fi == "Tekoäly ja kauppa"
    assert project.start_date is None and project.end_date is None
    page = officer_client.get(response["Location"]).content.decode()
    assert project.get_absolute_url() in page


def test_apply_refused_by_the_budget_rules_shows_why(officer_client, world, extractor):  # noqa: F811
    extractor.values = lambda text: [
        found(text, "code", "S30355"),
        found(text, "total_budget", "170 250 euroa", "170250.00"),
        found(text, "financing", "EU ja valtio 136 200 euroa", {"aid": "170250.00"}),
    ]
    _batch, document = import_text(world.officer)
    for value in document.values.all():
        decide(officer_client, value, "accepted")
    response = officer_client.post(reverse("imports:document_apply", kwargs={"pk": document.pk}))
    assert response.status_code == 400
    assert "nothing was saved" in response.content.decode()
    assert not Project.objects.filter(code="S30355").exists()


def test_reject_the_whole_document(officer_client, world, extractor):  # noqa: F811
    _batch, document = import_text(world.officer)
    officer_client.post(reverse("imports:document_reject", kwargs={"pk": document.pk}))
    document.refresh_from_db()
    assert document.status == ImportDocument.Status.REJECTED
    html = officer_client.get(
        reverse("imports:document", kwargs={"pk": document.pk})
    ).content.decode()
    assert "Save the correction" not in html  # no more forms
    value = document.values.first()
    assert decide(officer_client, value, "accepted").status_code == 400
    value.refresh_from_db()
    assert value.decision == ExtractedValue.Decision.PENDING


def test_duplicate_flags_on_the_review_page(officer_client, world, extractor):  # noqa: F811
    from hanke.accounts.models import Organisation

    Project.objects.create(name_fi="HEHKU", implementer=Organisation.objects.create(name_fi="TEQU"))
    extractor.values = lambda text: [
        found(text, "name", "HEHKU"),
        found(text, "implementer", "Itä-Lapin kuntayhtymä"),
    ]
    _batch, document = import_text(world.officer, "HEHKU. Itä-Lapin kuntayhtymä.")
    html = officer_client.get(
        reverse("imports:document", kwargs={"pk": document.pk})
    ).content.decode()
    assert "Possibly a different project" in html
    assert "created as a new project" in html
    assert "this document names another implementer" in html


def test_a_document_naming_no_implementer_says_so(officer_client, world, extractor):  # noqa: F811
    from hanke.accounts.models import Organisation

    Project.objects.create(name_fi="HEHKU", implementer=Organisation.objects.create(name_fi="TEQU"))
    extractor.values = lambda text: [found(text, "name", "HEHKU")]
    _batch, document = import_text(world.officer, "HEHKU.")
    html = officer_client.get(
        reverse("imports:document", kwargs={"pk": document.pk})
    ).content.decode()
    assert "Possibly a different project" in html
    assert "this document names no implementer" in html
    assert "names another implementer" not in html


def test_navigation_shows_imports_to_officers_only(client, world):
    client.force_login(world.officer)
    assert reverse("imports:upload") in client.get(reverse("portal:home")).content.decode()
    client.force_login(world.applicant)
    assert reverse("imports:upload") not in client.get(reverse("portal:home")).content.decode()


def test_consistency_warnings_are_shown(officer_client, world, extractor):  # noqa: F811
    extractor.values = lambda text: [
        found(text, "total_budget", "170 250 euroa", "170250.00"),
        found(text, "financing", "EU ja valtio 136 200 euroa", {"aid": "136200.00"}),
    ]
    _batch, document = import_text(world.officer)
    html = officer_client.get(reverse("imports:document", kwargs={"pk": document.pk}))
    assert 'id="warnings"' in html.content.decode()
