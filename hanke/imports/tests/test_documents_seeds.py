"""The whole pipeline with the real readers and extractor: the four seed documents import, with
every value accepted, to records matching the demo data's facts (hanke/core/demo/seed_00*.py),
and a seed-003-like news item about Itä-Lappi's HEHKU is flagged against TEQU's HEHKU, never merged."""

import datetime
from decimal import Decimal
from pathlib import Path

import pytest

from hanke.accounts.models import Organisation
from hanke.imports import services
from hanke.imports.models import ImportBatch, ImportDocument
from hanke.projects import workflow
from hanke.projects.models import Project

pytestmark = pytest.mark.django_db

SEEDS = Path(__file__).parent / "seeds"


def amounts(project) -> dict:
    return {line.source: line.amount for line in project.budget.financing_lines.all()}


@pytest.fixture
def applied(world):
    """Every seed read as one batch, each value accepted and each document applied."""
    files = [(p.name, p.read_bytes()) for p in sorted(SEEDS.glob("*.txt"))]
    batch = services.batch_create(user=world.officer, files=files)
    assert batch.status == ImportBatch.Status.DONE and batch.processed == 4
    projects = {}
    for document in batch.documents.all():
        assert document.status == ImportDocument.Status.READ, document.error
        services.document_accept_all(user=world.officer, document=document)
        projects[document.filename[:3]] = services.document_apply(
            user=world.officer, document=document
        )
    return projects


def test_every_value_points_at_its_source(world):
    files = [(p.name, p.read_bytes()) for p in sorted(SEEDS.glob("*.txt"))]
    batch = services.batch_create(user=world.officer, files=files)
    for document in batch.documents.all():
        assert document.values.exists()
        for value in document.values.all():
            assert document.text[value.start : value.end] == value.snippet


def test_seed_000_hehku(applied):
    hehku = applied["000"]
    assert hehku.original_language == "en"
    assert hehku.name_en.upper() == "HEHKU"
    assert hehku.implementer.name == "TEQU"
    assert (hehku.start_date, hehku.end_date) == (
        datetime.date(2020, 4, 9),
        datetime.date(2023, 1, 31),
    )
    assert hehku.budget.total_cost == Decimal("309642")
    # the aid named in the page, the rest "not itemised in the source", as in the demo data
    assert amounts(hehku) == {"aid": Decimal("247714"), "unspecified": Decimal("61928")}
    assert "000_641497b59f3b4df2.txt" in hehku.source_notes_en


def test_seed_001_growth_through_cooperation(applied):
    growth = applied["001"]
    assert growth.status == workflow.ENDED
    assert (growth.start_date, growth.end_date) == (
        datetime.date(2019, 10, 1),
        datetime.date(2022, 9, 30),
    )
    assert growth.budget.total_cost == Decimal("170250")
    assert sum(amounts(growth).values()) == Decimal("170250")
    assert amounts(growth)["aid"] == Decimal("136200")
    assert growth.work_packages.count() >= 2


def test_seed_002_application_print(applied, world):
    application = applied["002"]
    assert application.funding_authority == world.authority  # Pohjois-Pohjanmaan ELY-keskus
    budget = application.budget
    assert budget.cost_model == "flat_40"
    assert budget.total_cost == Decimal("510503")  # 364 645 + 40 % flat rate
    assert amounts(application)["aid"] == Decimal("408403")
    assert application.target_groups.filter(name_fi="Yritykset", target_count=50).exists()
    assert application.status == workflow.DRAFT  # an application print says nothing of an end


def test_seed_003_like_hehku_is_flagged_and_created_apart(world):
    tequ = Organisation.objects.create(name_fi="TEQU")
    tequ_hehku = Project.objects.create(name_en="HEHKU", implementer=tequ)
    text = (
        "HEHKU – Arktista osaamista Lapista\n\n"
        "Toteuttaja: Itä-Lapin kuntayhtymä\n\n"
        "Globaali pandemia on verottanut yrittäjiä, ja näimme tarpeelliseksi reagoida "
        "yrittäjien ja yrittäjiksi aikovien tilanteeseen."
    )
    batch = services.batch_create(user=world.officer, files=[("uutinen.txt", text.encode())])
    document = batch.documents.get()
    assert document.duplicate_of == tequ_hehku
    assert document.duplicate_kind == ImportDocument.Duplicate.SAME_NAME_OTHER_IMPLEMENTER
    services.document_accept_all(user=world.officer, document=document)
    project = services.document_apply(user=world.officer, document=document)
    assert project.pk != tequ_hehku.pk
    assert project.implementer.name == "Itä-Lapin kuntayhtymä"
    tequ_hehku.refresh_from_db()
    assert tequ_hehku.implementer == tequ and tequ_hehku.name_en == "HEHKU"


def test_reimporting_a_coded_document_updates_the_same_project(world):
    text = (
        "Project name: HEHKU\nImplementer: TEQU\nProject code S21745\nDuration 9.4.2020–31.1.2023"
    )
    first = services.batch_create(user=world.officer, files=[("a.txt", text.encode())])
    document = first.documents.get()
    services.document_accept_all(user=world.officer, document=document)
    project = services.document_apply(user=world.officer, document=document)
    second = services.batch_create(
        user=world.officer, files=[("b.txt", text.replace("31.1.2023", "28.2.2023").encode())]
    )
    again = second.documents.get()
    assert again.duplicate_kind == ImportDocument.Duplicate.SAME_CODE
    assert again.duplicate_of == project
    services.document_accept_all(user=world.officer, document=again)
    updated = services.document_apply(user=world.officer, document=again)
    assert updated.pk == project.pk
    assert updated.end_date == datetime.date(2023, 2, 28)
    assert Project.objects.filter(code="S21745").count() == 1
