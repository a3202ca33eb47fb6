"""The document import services: a batch is read document by document (a bad file fails alone),
values keep their exact offsets, duplicates are found by code and name, and applying writes exactly
the accepted and edited values, through the finance rules, or nothing at all.

The extractor is replaced here by a fixed one (helper `found`) so these tests are about the
services' behaviour, not about what the extractor finds; the real pipeline over the seed documents
is in test_documents_seeds.py."""

import datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hanke.accounts.models import Organisation
from hanke.finance.models import Budget
from hanke.imports import services
from hanke.imports.models import ExtractedValue, ImportBatch, ImportDocument
from hanke.projects import workflow
from hanke.projects.models import Project

pytestmark = pytest.mark.django_db

TEXT = (
    "Hanke S30355 Tekoälyä verkkokauppaan.\n\n"
    "Toteuttaja: Oulun ammattikorkeakoulu Oy, Y-tunnus 0737510-4.\n\n"
    "Hanke alkaa 1.9.2023 ja päättyy 30.6.2026. Kokonaisbudjetti 170 250 euroa: "
    "EU ja valtio 136 200 euroa, kunnat 21 200 euroa, yksityinen 5 000 euroa, oma 7 850 euroa.\n\n"
    "Hanke on päättynyt."
)


def found(text, field, snippet, value=None):
    """An extraction of `snippet` (None when the text does not contain it)."""
    start = text.find(snippet)
    if start < 0:
        return None
    return SimpleNamespace(
        field=field,
        value=snippet if value is None else value,
        start=start,
        end=start + len(snippet),
        snippet=snippet,
    )


def standard_values(text):
    return [v for v in _standard_values(text) if v is not None]


def _standard_values(text):
    values = [
        found(text, "code", "S30355"),
        found(text, "name", "Tekoälyä verkkokauppaan"),
        found(text, "implementer", "Oulun ammattikorkeakoulu Oy"),
        found(text, "business_id", "0737510-4"),
        found(text, "start_date", "1.9.2023", "2023-09-01"),
        found(text, "end_date", "30.6.2026", "2026-06-30"),
        found(text, "total_budget", "170 250 euroa", "170250.00"),
        found(text, "status", "Hanke on päättynyt", "ended"),
    ]
    if "EU ja valtio" in text:
        values.append(
            found(
                text,
                "financing",
                "EU ja valtio 136 200 euroa, kunnat 21 200 euroa, yksityinen 5 000 euroa, oma 7 850 euroa",
                {
                    "aid": "136200.00",
                    "municipal": "21200.00",
                    "private": "5000.00",
                    "own": "7850.00",
                },
            )
        )
    return values


@pytest.fixture
def extractor(monkeypatch):
    """Replace the extractor by `standard_values`, or by what a test puts in `.values`."""
    state = SimpleNamespace(values=None)

    def fake_extract(text, lang):
        return state.values(text) if callable(state.values) else standard_values(text)

    import hanke.imports.extract as extract_module

    monkeypatch.setattr(extract_module, "extract", fake_extract)
    return state


def import_text(user, text=TEXT, name="hanke.txt"):
    batch = services.batch_create(user=user, files=[(name, text.encode())])
    return batch, batch.documents.get(filename=name)


def decide_all(user, document, decision="accepted"):
    for value in document.values.all():
        services.value_decide(user=user, value=value, decision=decision)


# --- reading -------------------------------------------------------------------------------------


def test_a_batch_is_read_with_counts_values_and_exact_offsets(world, extractor):
    batch = services.batch_create(
        user=world.officer,
        files=[("a.txt", TEXT.encode()), ("b.txt", TEXT.replace("S30355", "S30356").encode())],
    )
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.DONE
    assert (batch.processed, batch.total) == (2, 2)
    assert batch.finished_at is not None
    document = batch.documents.get(filename="a.txt")
    assert document.status == ImportDocument.Status.READ
    assert document.format == "text"
    assert document.language == "fi"
    assert document.data == b"" or bytes(document.data) == b""  # the upload is not kept
    values = list(document.values.all())
    assert [v.field for v in values][:2] == ["code", "name"]
    for value in values:
        assert document.text[value.start : value.end] == value.snippet
        assert value.decision == ExtractedValue.Decision.PENDING
    # nothing reached the live records
    assert not Project.objects.filter(code__in=["S30355", "S30356"]).exists()


def test_a_file_that_cannot_be_read_fails_alone_with_its_message(world, extractor):
    batch = services.batch_create(
        user=world.officer,
        files=[
            ("rikki.pdf", b"%PDF-1.4 this is not really a pdf"),
            ("tyhja.txt", b""),
            ("hyva.txt", TEXT.encode()),
        ],
    )
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.DONE
    assert batch.processed == 3
    broken = batch.documents.get(filename="rikki.pdf")
    empty = batch.documents.get(filename="tyhja.txt")
    assert broken.status == empty.status == ImportDocument.Status.FAILED
    assert broken.error and empty.error
    assert "Traceback" not in broken.error
    assert not broken.values.exists()
    assert batch.documents.get(filename="hyva.txt").status == ImportDocument.Status.READ


def test_only_officers_import(world, extractor):
    with pytest.raises(PermissionDenied):
        services.batch_create(user=world.applicant, files=[("a.txt", TEXT.encode())])
    with pytest.raises(ValidationError):
        services.batch_create(user=world.officer, files=[])
    assert not ImportBatch.objects.exists()


# --- duplicates ----------------------------------------------------------------------------------

HEHKU_NEWS = (
    "HEHKU – Arktista osaamista Lapista\n\n"
    "Globaali pandemia on verottanut ja siksi Itä-Lapin kuntayhtymä reagoi yrittäjien tilanteeseen."
)


def hehku_values(text):
    return [
        found(text, "name", "HEHKU – Arktista osaamista Lapista", "HEHKU"),
        found(text, "implementer", "Itä-Lapin kuntayhtymä"),
    ]


@pytest.fixture
def tequ_hehku(db):
    tequ = Organisation.objects.create(name_fi="TEQU")
    return Project.objects.create(
        name_en="HEHKU", implementer=tequ, status=workflow.ENDED, source_document="seeds/000"
    )


def test_same_name_other_implementer_is_flagged_and_never_merged(world, extractor, tequ_hehku):
    extractor.values = hehku_values
    _batch, document = import_text(world.officer, HEHKU_NEWS, "uutinen.txt")
    assert document.duplicate_of == tequ_hehku
    assert document.duplicate_kind == ImportDocument.Duplicate.SAME_NAME_OTHER_IMPLEMENTER
    assert not document.updates_existing
    decide_all(world.officer, document)
    project = services.document_apply(user=world.officer, document=document)
    assert project.pk != tequ_hehku.pk
    assert project.implementer.name == "Itä-Lapin kuntayhtymä"
    tequ_hehku.refresh_from_db()
    assert tequ_hehku.implementer.name_fi == "TEQU"
    assert (
        Project.objects.filter(name_en="HEHKU").count()
        + Project.objects.filter(name_fi="HEHKU").count()
        == 2
    )


def test_same_name_same_implementer_updates_through_review(world, extractor, tequ_hehku):
    extractor.values = lambda text: [
        found(text, "name", "HEHKU"),
        found(text, "implementer", "TEQU"),
        found(text, "summary", "Digital marketing and sales for companies"),
    ]
    _batch, document = import_text(
        world.officer, "HEHKU by TEQU. Digital marketing and sales for companies.", "hehku.txt"
    )
    assert document.duplicate_kind == ImportDocument.Duplicate.SAME_NAME_SAME_IMPLEMENTER
    assert document.duplicate_of == tequ_hehku


def test_same_code_updates_the_existing_project_only_through_review(world, extractor):
    existing = Project.objects.create(
        code="S30355", name_fi="Vanha nimi", funding_authority=world.authority
    )
    _batch, document = import_text(world.officer)
    assert document.duplicate_of == existing
    assert document.duplicate_kind == ImportDocument.Duplicate.SAME_CODE
    existing.refresh_from_db()
    assert existing.name_fi == "Vanha nimi"  # reading changes nothing
    name = document.values.get(field="name")
    services.value_decide(user=world.officer, value=name, decision="accepted")
    project = services.document_apply(user=world.officer, document=document)
    assert project.pk == existing.pk
    existing.refresh_from_db()
    assert existing.name_fi == "Tekoälyä verkkokauppaan"
    assert Project.objects.filter(code="S30355").count() == 1


def test_another_authoritys_officer_cannot_update_a_project(world, extractor):
    Project.objects.create(code="S30355", name_fi="Vanha", funding_authority=world.other_authority)
    _batch, document = import_text(world.officer)
    with pytest.raises(PermissionDenied):
        services.document_apply(user=world.officer, document=document)


# --- applying ------------------------------------------------------------------------------------


def test_apply_writes_exactly_the_accepted_and_edited_values(world, extractor):
    _batch, document = import_text(world.officer)
    values = {v.field: v for v in document.values.all()}
    officer = world.officer
    services.value_decide(user=officer, value=values["name"], decision="accepted")
    services.value_decide(user=officer, value=values["implementer"], decision="accepted")
    services.value_decide(user=officer, value=values["business_id"], decision="accepted")
    services.value_decide(
        user=officer, value=values["start_date"], decision="edited", edited="2.9.2023"
    )
    services.value_decide(user=officer, value=values["code"], decision="rejected")
    services.value_decide(user=officer, value=values["financing"], decision="accepted")
    services.value_decide(user=officer, value=values["total_budget"], decision="accepted")
    # end_date and status stay pending

    project = services.document_apply(user=officer, document=document)

    assert project.code == ""  # rejected
    assert project.name_fi == "Tekoälyä verkkokauppaan"
    assert project.start_date == datetime.date(2023, 9, 2)  # the edit, not the extracted value
    assert project.end_date is None  # pending: not written
    assert project.status == workflow.DRAFT  # the status was not accepted
    assert project.implementer.business_id == "0737510-4"
    assert project.source_document == "hanke.txt"
    assert project.original_language == "fi"
    budget = Budget.objects.get(project=project)
    assert budget.total_cost == Decimal("170250.00")
    assert {line.source: line.amount for line in budget.financing_lines.all()} == {
        "aid": Decimal("136200.00"),
        "municipal": Decimal("21200.00"),
        "private": Decimal("5000.00"),
        "own": Decimal("7850.00"),
    }
    notes = project.source_notes_fi
    assert "hanke.txt" in notes
    assert "Rejected" in notes or "Hylätty" in notes or "rejected" in notes.lower()
    document.refresh_from_db()
    assert document.status == ImportDocument.Status.APPLIED
    assert document.project == project
    # a decided document can no longer change
    with pytest.raises(ValidationError):
        services.value_decide(user=officer, value=values["end_date"], decision="accepted")
    with pytest.raises(ValidationError):
        services.document_apply(user=officer, document=document)


def test_status_ended_is_written_when_accepted(world, extractor):
    _batch, document = import_text(world.officer)
    services.value_decide(
        user=world.officer, value=document.values.get(field="status"), decision="accepted"
    )
    project = services.document_apply(user=world.officer, document=document)
    assert project.status == workflow.ENDED


def test_a_rejected_document_writes_nothing(world, extractor):
    _batch, document = import_text(world.officer)
    decide_all(world.officer, document)
    services.document_reject(user=world.officer, document=document)
    assert not Project.objects.filter(code="S30355").exists()
    with pytest.raises(ValidationError):
        services.document_apply(user=world.officer, document=document)
    assert not Project.objects.filter(code="S30355").exists()


def test_all_values_rejected_creates_a_project_without_facts(world, extractor):
    _batch, document = import_text(world.officer)
    decide_all(world.officer, document, "rejected")
    project = services.document_apply(user=world.officer, document=document)
    assert (project.code, project.start_date, project.implementer) == ("", None, None)
    assert not project.name_fi
    assert not Budget.objects.filter(project=project).exists()


def test_the_budget_rules_refuse_and_nothing_is_written(world, extractor):
    """Aid 160 000 € of 170 250 € is 93,98 %, above the 80 % maximum: budget_set refuses, and
    the project, its organisation and every other accepted value are rolled back."""
    bad = TEXT.replace("136 200", "160 000").replace("7 850 euroa.", "-15 950 euroa.")
    extractor.values = lambda text: [
        found(text, "code", "S30355"),
        found(text, "name", "Tekoälyä verkkokauppaan"),
        found(text, "implementer", "Oulun ammattikorkeakoulu Oy"),
        found(text, "total_budget", "170 250 euroa", "170250.00"),
        found(
            text, "financing", "EU ja valtio 160 000 euroa", {"aid": "160000.00", "own": "10250.00"}
        ),
    ]
    _batch, document = import_text(world.officer, bad)
    decide_all(world.officer, document)
    projects, organisations = Project.objects.count(), Organisation.objects.count()
    with pytest.raises(ValidationError) as refused:
        services.document_apply(user=world.officer, document=document)
    assert "80" in " ".join(refused.value.messages)
    assert Project.objects.count() == projects
    assert Organisation.objects.count() == organisations
    document.refresh_from_db()
    assert document.status == ImportDocument.Status.READ
    assert document.project is None


def test_an_invalid_business_id_refuses_the_apply(world, extractor):
    extractor.values = lambda text: [
        found(text, "name", "Tekoälyä verkkokauppaan"),
        found(text, "implementer", "Oulun ammattikorkeakoulu Oy"),
        found(text, "business_id", "0737510-4", "0737510-5"),
    ]
    _batch, document = import_text(world.officer)
    decide_all(world.officer, document)
    with pytest.raises(ValidationError):
        services.document_apply(user=world.officer, document=document)
    assert not Project.objects.filter(name_fi="Tekoälyä verkkokauppaan").exists()


# --- editing -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "field, typed, stored",
    [
        ("start_date", "1.10.2019", "2019-10-01"),
        ("total_budget", "170 250", "170250.00"),
        ("max_aid_rate", "80,5", "80.50"),
        ("code", "s 30355", "S30355"),
        ("business_id", "07375104", "0737510-4"),
        ("co_implementers", "Lapin AMK\n\nLapin yliopisto\n", ["Lapin AMK", "Lapin yliopisto"]),
        ("financing", "aid: 136 200\nown: 7850", {"aid": "136200.00", "own": "7850.00"}),
        (
            "target_groups",
            "Yritykset: 40\nOpettajat",
            [{"name": "Yritykset", "count": 40}, {"name": "Opettajat", "count": None}],
        ),
        ("status", "ended", "ended"),
    ],
)
def test_edited_values_are_stored_in_the_fields_shape(field, typed, stored):
    assert services.parse_value(field, typed) == stored


@pytest.mark.parametrize(
    "field, typed",
    [
        ("start_date", "31.2.2023"),
        ("total_budget", "paljon"),
        ("code", "X123"),
        ("business_id", "1234567-8"),
        ("financing", "eu: 100"),
        ("status", "ongoing"),
        ("name", "   "),
    ],
)
def test_a_bad_edit_is_refused_with_a_message(field, typed):
    with pytest.raises(ValidationError) as refused:
        services.parse_value(field, typed)
    assert refused.value.messages[0]


def test_value_decide_records_who_and_can_be_undone(world, extractor):
    _batch, document = import_text(world.officer)
    value = document.values.get(field="name")
    services.value_decide(user=world.officer, value=value, decision="edited", edited="Uusi nimi")
    value.refresh_from_db()
    assert (value.decision, value.edited_value, value.decided_by) == (
        "edited",
        "Uusi nimi",
        world.officer,
    )
    assert value.value == "Tekoälyä verkkokauppaan"  # the extracted value is kept
    services.value_decide(user=world.officer, value=value, decision="pending")
    value.refresh_from_db()
    assert (value.decision, value.edited_value, value.decided_by) == ("pending", None, None)
    with pytest.raises(PermissionDenied):
        services.value_decide(user=world.other_officer, value=value, decision="accepted")
