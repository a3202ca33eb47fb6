"""The Kohesio CSV import: 2 000 generated operations, idempotency, keys (EURA codes and
Kohesio ids), EU share as aid, NUTS 3 regions, rejections and the format guess."""

import io
from decimal import Decimal

import pytest
from django.core.management import call_command

from hanke.core.models import Region
from hanke.finance.models import FundingSource
from hanke.imports.datasets import DatasetError, guess_format, kohesio_import
from hanke.programmes.models import Fund, Programme
from hanke.projects import workflow
from hanke.projects.models import Project

from .dataset_files import KOHESIO_HEADERS, kohesio_csv, kohesio_rows

pytestmark = pytest.mark.django_db


@pytest.fixture
def reference(db):
    lapland = Region.objects.create(code="19", nuts3_code="FI1D7", name_fi="Lappi")
    north = Region.objects.create(code="17", nuts3_code="FI1D9", name_fi="Pohjois-Pohjanmaa")
    Fund.objects.create(
        code="ERDF",
        abbreviation_fi="EAKR",
        abbreviation_en="ERDF",
        name_fi="Euroopan aluekehitysrahasto",
        name_en="European Regional Development Fund",
        project_code_prefix="A",
    )
    programme = Programme.objects.create(
        code="KKT-2014-2020",
        name_fi="Kestävää kasvua ja työtä 2014–2020",
        name_en="Sustainable growth and jobs 2014–2020",
        period_start=2014,
        period_end=2020,
    )
    return {"lapland": lapland, "north": north, "programme": programme}


def snapshot():
    return sorted(Project.objects.values_list("code", "source_document", "name_en", "updated_at"))


def test_two_thousand_operations_then_again_changes_nothing(reference):
    rows = kohesio_rows(2000)
    data = kohesio_csv(rows)
    summary = kohesio_import(io.BytesIO(data), filename="kohesio.csv")
    assert (summary.created, summary.updated, summary.unchanged, summary.rejected) == (
        2000,
        0,
        0,
        [],
    )
    before = snapshot()
    again = kohesio_import(io.BytesIO(data), filename="kohesio.csv")
    assert (again.created, again.updated, again.unchanged, again.rejected) == (0, 0, 2000, [])
    assert snapshot() == before and Project.objects.count() == 2000

    # an operation listed by its EURA code is keyed by the code …
    by_code = Project.objects.get(code="A70000")
    assert by_code.source_document == "kohesio.csv"
    # … one with a Kohesio id by source_document, as Project has no external-id field
    by_id = Project.objects.get(source_document="kohesio:Q900001")
    assert by_id.code == "" and by_id.name_en == rows[1]["Operation_Name"]
    assert "kohesio.csv" in by_id.source_notes_en
    row = rows[1]
    assert by_id.original_language == "en" and by_id.is_public
    assert by_id.summary_en == row["Operation_Summary"]
    assert by_id.programme == reference["programme"]
    assert by_id.regions.get().nuts3_code == row["NUTS3_Code"]
    assert by_id.status == workflow.ENDED  # no status in Kohesio: ended long ago
    assert "derived from the end date" in by_id.source_notes_en
    budget = by_id.budget
    lines = {line.source: line.amount for line in budget.financing_lines.all()}
    assert budget.total_cost == Decimal(row["Total_Eligible_Expenditure_amount"])
    assert lines[FundingSource.AID] == Decimal(row["Project_EU_Budget"])
    assert lines[FundingSource.UNSPECIFIED] == budget.total_cost - lines[FundingSource.AID]
    assert "not the state share" in by_id.source_notes_en
    assert f"Category of intervention in the source: {row['Category_Of_Intervention']}" in (
        by_id.source_notes_en
    )
    # ESF was not in the database: created from the known EU funds; beneficiaries by name
    assert Fund.objects.filter(code="ESF").exists()
    assert by_id.implementer.name_fi == row["Beneficiary_Name"]


def test_a_changed_operation_updates_and_bad_ones_are_rejected(reference):
    rows = kohesio_rows(10)
    kohesio_import(io.BytesIO(kohesio_csv(rows)), filename="k.csv")
    rows[1]["Operation_Summary"] = "A new summary."
    rows[2]["Operation_End_Date"] = "2001-01-01"
    rows[4]["Total_Eligible_Expenditure_amount"] = "lots"
    rows[5]["Fund_Name"] = "Cohesion Fund"
    rows[7]["Operation_Name"] = ""
    rows[8]["Project_EU_Budget"] = rows[8]["Total_Eligible_Expenditure_amount"]  # 100 % aid
    summary = kohesio_import(io.BytesIO(kohesio_csv(rows)), filename="k.csv")
    reasons = dict(summary.rejected)
    assert (summary.created, summary.updated, summary.unchanged) == (0, 1, 4)
    assert Project.objects.get(source_document="kohesio:Q900001").summary_en == "A new summary."
    assert "2001" in reasons[4]
    assert "Total_Eligible_Expenditure_amount" in reasons[6] and "lots" in reasons[6]
    assert "Fund_Name" in reasons[7] and "Cohesion Fund" in reasons[7]
    assert "Operation_Name" in reasons[9]
    assert reasons[10].startswith("Project_EU_Budget: ")
    assert Project.objects.count() == 10


def test_headers_in_other_forms_and_the_format_guess(reference, tmp_path):
    rows = kohesio_rows(3)
    text = kohesio_csv(rows).decode()
    header, rest = text.split("\n", 1)
    variant = header.replace("_", " ").lower()
    data = ("\ufeff" + variant + "\n" + rest).encode()
    assert guess_format(variant.split(",")) == "kohesio"
    path = tmp_path / "export.csv"
    path.write_bytes(data)
    out = io.StringIO()
    call_command("import_dataset", str(path), stdout=out)
    assert Project.objects.count() == 3
    assert "Kohesio" in out.getvalue()


def test_a_file_without_operation_names_is_refused(reference):
    data = kohesio_csv(kohesio_rows(2)).decode().replace("Operation_Name", "Title").encode()
    with pytest.raises(DatasetError) as error:
        kohesio_import(io.BytesIO(data), filename="k.csv")
    assert "Operation_Name" in str(error.value)
    assert KOHESIO_HEADERS[0] in str(error.value)
