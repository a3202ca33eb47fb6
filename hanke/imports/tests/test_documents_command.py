"""`manage.py import_documents`: files and directories, review by default, --accept applies,
a bad file is reported on its line and never stops the run with a traceback."""

import io

import pytest
from django.core.management import CommandError, call_command

from hanke.imports.models import ExtractedValue, ImportBatch, ImportDocument
from hanke.projects.models import Project

from .test_documents_services import TEXT, extractor  # noqa: F401  the fixed extractor

pytestmark = pytest.mark.django_db


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "hanke.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "rikki.pdf").write_bytes(b"%PDF-1.4 not a pdf at all")
    (tmp_path / "kuva.png").write_bytes(b"\x89PNG\r\n\x1a\n")  # not a document type: skipped
    return tmp_path


def run(*args) -> str:
    out = io.StringIO()
    call_command("import_documents", *args, stdout=out)
    return out.getvalue()


def test_without_accept_the_values_wait_for_review(world, extractor, folder):  # noqa: F811
    out = run(str(folder), "--user", world.officer.username)
    batch = ImportBatch.objects.get()
    assert batch.total == 2  # the png is not a document
    assert batch.status == ImportBatch.Status.DONE
    assert "hanke.txt: text, fi" in out
    assert "code" in out and "name" in out
    assert "rikki.pdf: ERROR" in out
    assert "Traceback" not in out
    assert not Project.objects.filter(code="S30355").exists()
    assert set(ExtractedValue.objects.values_list("decision", flat=True)) == {"pending"}


def test_with_accept_every_value_is_applied(world, extractor, folder):  # noqa: F811
    out = run(str(folder / "sub" / "hanke.txt"), "--accept", "--user", world.officer.username)
    project = Project.objects.get(code="S30355")
    assert f"applied → project #{project.pk}" in out
    assert project.name_fi == "Tekoälyä verkkokauppaan"
    assert project.status == "ended"
    assert project.budget.total_cost == 170250
    document = ImportDocument.objects.get()
    assert document.status == ImportDocument.Status.APPLIED
    assert set(document.values.values_list("decision", flat=True)) == {"accepted"}


def test_accept_reports_a_refused_document_and_goes_on(world, extractor, tmp_path):  # noqa: F811
    Project.objects.create(code="S30355", funding_authority=world.other_authority)
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    out = run(str(tmp_path), "--accept", "--user", world.officer.username)
    assert "not applied:" in out
    assert "Traceback" not in out


def test_bad_arguments_are_clear_errors(world, tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        run(str(tmp_path / "missing.pdf"), "--user", world.officer.username)
    with pytest.raises(CommandError, match="No documents"):
        run(str(tmp_path), "--user", world.officer.username)
    (tmp_path / "a.txt").write_text("x")
    with pytest.raises(CommandError, match="No user"):
        run(str(tmp_path), "--user", "nobody")
    with pytest.raises(CommandError, match="officer"):
        run(str(tmp_path), "--user", world.applicant.username)
