"""The EURA 2021 public export import: generated files of a few thousand rows (XLSX, and CSV
with `;` and decimal commas), idempotency, updates, rejections, header variants and the
round trip through the portal's own export."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from hanke.accounts.models import Organisation
from hanke.core.models import Municipality, Region
from hanke.finance.models import Budget, FinancingLine, FundingSource
from hanke.imports.datasets import DatasetError, eura_import
from hanke.programmes.models import (
    Fund,
    FundingAuthority,
    PriorityAxis,
    Programme,
    SpecificObjective,
)
from hanke.projects import workflow
from hanke.projects.models import Project

from .dataset_files import (
    EURA_HEADERS,
    EURA_VARIANT_HEADERS,
    eura_csv,
    eura_rows,
    eura_xlsx,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def reference(db):
    lapland = Region.objects.create(
        code="19", nuts3_code="FI1D7", name_fi="Lappi", name_en="Lapland"
    )
    north = Region.objects.create(code="17", nuts3_code="FI1D9", name_fi="Pohjois-Pohjanmaa")
    Municipality.objects.create(code="698", name_fi="Rovaniemi", region=lapland)
    Municipality.objects.create(code="240", name_fi="Kemi", region=lapland)
    erdf = Fund.objects.create(
        code="ERDF",
        abbreviation_fi="EAKR",
        abbreviation_en="ERDF",
        name_fi="Euroopan aluekehitysrahasto",
        name_en="European Regional Development Fund",
        project_code_prefix="A",
    )
    jtf = Fund.objects.create(
        code="JTF", abbreviation_fi="JTF", name_fi="Oikeudenmukaisen siirtymän rahasto"
    )
    programme = Programme.objects.create(
        code="UOS-2021-2027",
        name_fi="Uudistuva ja osaava Suomi 2021–2027",
        period_start=2021,
        period_end=2027,
    )
    axis = PriorityAxis.objects.create(
        programme=programme, number="7", name_fi="Oikeudenmukainen siirtymä"
    )
    objective = SpecificObjective.objects.create(
        priority_axis=axis, code="7.1", name_fi="Osaaminen"
    )
    ely = FundingAuthority.objects.create(
        name_fi="Pohjois-Pohjanmaan ELY-keskus", kind=FundingAuthority.Kind.ELY_CENTRE
    )
    return dict(
        lapland=lapland,
        north=north,
        erdf=erdf,
        jtf=jtf,
        programme=programme,
        objective=objective,
        ely=ely,
    )


def state():
    """What the import wrote, to compare two runs."""
    return {
        "projects": sorted(
            Project.objects.values_list(
                "code", "name_fi", "status", "updated_at", "source_notes_fi"
            )
        ),
        "budgets": sorted(Budget.objects.values_list("project__code", "total_cost", "updated_at")),
        "lines": FinancingLine.objects.count(),
        "organisations": Organisation.objects.count(),
        "authorities": FundingAuthority.objects.count(),
        "funds": Fund.objects.count(),
    }


def test_two_thousand_rows_from_excel_then_again_changes_nothing(reference):
    rows = eura_rows(2000)
    data = eura_xlsx(rows)
    summary = eura_import(io.BytesIO(data), filename="eura-2021.xlsx")
    assert (summary.created, summary.updated, summary.unchanged, summary.rejected) == (
        2000,
        0,
        0,
        [],
    )
    assert Project.objects.count() == 2000
    before = state()
    again = eura_import(io.BytesIO(data), filename="eura-2021.xlsx")
    assert (again.created, again.updated, again.unchanged, again.rejected) == (0, 0, 2000, [])
    assert state() == before

    row = rows[5]
    project = Project.objects.get(code=row["code"])
    assert project.name_fi == row["name"]
    assert project.is_public and project.original_language == "fi"
    assert project.source_document == "eura-2021.xlsx"
    assert project.start_date == row["start_date"] and project.end_date == row["end_date"]
    assert project.implementer.business_id == row["business_id"]
    assert project.funding_authority.name_fi == row["funding_authority"]
    assert project.homepage == row["homepage"]
    budget = project.budget
    assert budget.cost_model == "unknown" and budget.total_cost == row["total_planned"].quantize(
        Decimal("0.01")
    )
    lines = {line.source: line.amount for line in budget.financing_lines.all()}
    assert lines[FundingSource.AID] == row["eu_planned"]
    assert sum(lines.values()) == budget.total_cost
    assert lines.get(FundingSource.OTHER_PUBLIC, 0) == row["public_planned"] - row["eu_planned"]
    # organisations by business ID: 40 of them, never duplicated
    assert Organisation.objects.count() == 40
    assert FundingAuthority.objects.count() == 3  # the ELY centre existed, two were created
    assert (
        FundingAuthority.objects.get(name_fi="Lapin liitto").kind
        == FundingAuthority.Kind.REGIONAL_COUNCIL
    )


def test_csv_with_semicolons_decimal_commas_and_variant_headers(reference):
    rows = eura_rows(1000, seed=3)
    data = eura_csv(rows, headers=EURA_VARIANT_HEADERS)
    summary = eura_import(io.BytesIO(data), filename="eura.csv")
    assert (summary.created, len(summary.rejected)) == (1000, 0), summary.rejected[:3]
    assert summary.warnings == []
    jtf = next(row for row in rows if row["fund"] == "JTF")
    project = Project.objects.get(code=jtf["code"])
    assert project.fund == reference["jtf"]
    assert project.specific_objective == reference["objective"]
    assert project.programme == reference["programme"]
    assert project.budget.total_cost == jtf["total_planned"].quantize(Decimal("0.01"))
    both = next(row for row in rows if row["location"].startswith("Lappi (Kemi"))
    project = Project.objects.get(code=both["code"])
    assert {m.name_fi for m in project.municipalities.all()} == {"Kemi", "Rovaniemi"}
    assert [r.name_fi for r in project.regions.all()] == ["Pohjois-Pohjanmaa"]
    # ESR+ was not in the database: created from the known EU funds
    assert Fund.objects.get(code="ESF+").project_code_prefix == "S"
    again = eura_import(io.BytesIO(data), filename="eura.csv")
    assert (again.created, again.updated, again.unchanged) == (0, 0, 1000)


def test_cp1252_csv_with_commas(reference):
    rows = eura_rows(20, seed=5)
    data = eura_csv(rows, delimiter=",", encoding="cp1252")
    summary = eura_import(io.BytesIO(data), filename="vanha.csv")
    assert (summary.created, summary.rejected) == (20, [])
    assert Project.objects.filter(name_fi__startswith="Hanke 0:").exists()
    assert Organisation.objects.filter(name_fi__contains="Toteuttaja").count() > 0


def test_a_changed_row_updates_its_project_only(reference):
    rows = eura_rows(30)
    eura_import(io.BytesIO(eura_xlsx(rows)), filename="a.xlsx")
    rows[3]["name"] = "Uusi nimi"
    rows[3]["field_of_intervention"] = "013 Digitalisointi"
    rows[3]["postcodes"] = "96100, 96200"
    rows[3]["eu_realised"] = Decimal("1234.5")
    rows[4]["total_planned"] += Decimal("1000")
    summary = eura_import(io.BytesIO(eura_xlsx(rows)), filename="a.xlsx")
    assert (summary.created, summary.updated, summary.unchanged) == (0, 2, 28)
    changed = Project.objects.get(code=rows[3]["code"])
    assert changed.name_fi == "Uusi nimi"
    # what has no field is kept in the notes
    assert "013 Digitalisointi" in changed.source_notes_fi
    assert "96100, 96200" in changed.source_notes_fi
    assert "EU- ja valtion rahoitus, toteutunut 1\u00a0234,50" in changed.source_notes_fi
    budget = Project.objects.get(code=rows[4]["code"]).budget
    assert budget.total_cost == rows[4]["total_planned"].quantize(Decimal("0.01"))
    assert Project.objects.count() == 30


def test_bad_rows_are_rejected_with_the_column_and_value_and_the_rest_imported(reference):
    rows = eura_rows(12)
    rows[0]["start_date"] = "31.2.2024"
    rows[1]["end_date"] = datetime.date(2000, 1, 1)
    rows[2]["total_planned"] = Decimal("-5")
    rows[3]["fund"] = "Maaseuturahasto"
    rows[4]["public_planned"] = rows[4]["eu_planned"] - 1
    rows[5]["eu_planned"] = rows[5]["total_planned"] * Decimal("0.9")
    rows[5]["public_planned"] = rows[5]["total_planned"]
    rows[6]["code"], rows[6]["name"] = "", ""
    rows[7]["business_id"] = "1234567-8"
    rows[8]["code"] = rows[9]["code"]
    rows[10]["status"] = "Kummallinen"
    rows[11]["code"] = "X-12"
    summary = eura_import(io.BytesIO(eura_csv(rows)), filename="huono.csv")
    reasons = dict(summary.rejected)
    assert summary.created == 1  # row 9's project; row 8 had taken its code first
    assert "Aloituspäivä" in reasons[2] and "31.2.2024" in reasons[2]
    assert "1.1.2000" in reasons[3] or "01.01.2000" in reasons[3]
    assert "Kokonaisrahoitus, suunniteltu" in reasons[4] and "-5" in reasons[4]
    assert "Rahasto" in reasons[5] and "Maaseuturahasto" in reasons[5]
    assert "Julkinen rahoitus, suunniteltu" in reasons[6]
    assert "EU- ja valtion rahoitus, suunniteltu" in reasons[7] and "80" in reasons[7]
    assert reasons[8] == "The row has neither a project code nor a project name."
    assert "Y-tunnus" in reasons[9] and "1234567-8" in reasons[9]
    assert "row 10" in reasons[11]
    assert "Tila" in reasons[12] and "Kummallinen" in reasons[12]
    assert "Hankekoodi" in reasons[13] and "X-12" in reasons[13]
    assert Project.objects.count() == 1


def test_an_aid_above_the_maximum_rate_is_rejected_with_the_services_message(reference):
    rows = eura_rows(2)
    rows[0]["total_planned"] = Decimal("1000")
    rows[0]["eu_planned"] = Decimal("850")
    rows[0]["public_planned"] = Decimal("1000")
    summary = eura_import(io.BytesIO(eura_csv(rows)), filename="x.csv")
    assert summary.created == 1
    [(row, reason)] = summary.rejected
    assert row == 2
    # the finance service's own message (in the active language, Finnish here)
    assert reason.startswith("EU- ja valtion rahoitus, suunniteltu: ")
    assert "850" in reason and "80.00" in reason


def test_missing_required_columns_fail_the_file_clearly(reference, tmp_path):
    headers = [h for h in EURA_HEADERS if h != "Hankkeen nimi"]
    rows = eura_rows(1)
    data = eura_csv(rows)  # the header row names every column; drop one
    text = data.decode("utf-8-sig").splitlines()
    text[0] = ";".join(headers + ["Mystery"])
    with pytest.raises(DatasetError) as error:
        eura_import(io.BytesIO("\n".join(text).encode()), filename="x.csv")
    assert "“Hankkeen nimi”" in str(error.value)
    with pytest.raises(DatasetError):
        eura_import(io.BytesIO(b""), filename="empty.csv")
    with pytest.raises(DatasetError):
        eura_import(io.BytesIO(b"not a zip"), filename="broken.xlsx")


def test_the_command_prints_the_summary_and_fails_cleanly(reference, tmp_path):
    path = tmp_path / "eura.xlsx"
    path.write_bytes(eura_xlsx(eura_rows(5)))
    out = io.StringIO()
    call_command("import_dataset", str(path), "--dry-run", stdout=out)
    assert "5" in out.getvalue() and Project.objects.count() == 0
    out = io.StringIO()
    call_command("import_dataset", str(path), stdout=out)
    assert Project.objects.count() == 5
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"garbage")
    with pytest.raises(CommandError):
        call_command("import_dataset", str(broken))
    with pytest.raises(CommandError):
        call_command("import_dataset", str(tmp_path / "missing.csv"))


def _export(language="fi"):
    from hanke.portal.exports import project_export_rows
    from hanke.portal.selectors import ProjectQuery

    return [list(row) for row in project_export_rows(ProjectQuery(), language=language)]


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_the_portals_export_imports_back_to_the_same_projects(reference, kind):
    from hanke.accounts.tests.factories import OrganisationFactory
    from hanke.finance.services import budget_set
    from hanke.portal.exports import csv_stream, project_export_rows, xlsx_file
    from hanke.portal.selectors import ProjectQuery
    from hanke.projects.tests.factories import ProjectFactory

    rovaniemi = Municipality.objects.get(name_fi="Rovaniemi")
    full = ProjectFactory(
        code="J30355",
        name_fi="Tekoälyä verkkokauppaan",
        summary_fi="Koulutusta tekoälystä;\nja verkkokaupasta.",
        implementer=OrganisationFactory(
            name_fi="Oulun ammattikorkeakoulu Oy", business_id="0737510-4"
        ),
        funding_authority=reference["ely"],
        fund=reference["jtf"],
        specific_objective=reference["objective"],
        programme=reference["programme"],
        status=workflow.ONGOING,
        homepage="https://example.fi/tekoaly",
    )
    full.regions.add(reference["north"])
    full.municipalities.add(rovaniemi)
    budget_set(
        user=None,
        project=full,
        cost_model="real",
        total_cost=Decimal("510503.50"),
        financing={
            "aid": Decimal("408403"),
            "municipal": Decimal("52100.50"),
            "other_public": Decimal("50000"),
            "private": Decimal("0"),
        },
    )
    ended = ProjectFactory(
        code="A12345",
        name_fi="=Kaava ei ole kaava",
        fund=reference["erdf"],
        status=workflow.ENDED,
        start_date=datetime.date(2019, 10, 1),
        end_date=datetime.date(2022, 9, 30),
        funding_authority=FundingAuthority.objects.create(
            name_fi="Lapin liitto", kind=FundingAuthority.Kind.REGIONAL_COUNCIL
        ),
    )
    ended.regions.add(reference["lapland"])
    ProjectFactory(code="S10001", name_fi="Ilman budjettia", fund=reference["erdf"])

    before = _export()
    if kind == "csv":
        data = b"".join(
            csv_stream(
                project_export_rows(ProjectQuery(), language="fi"), delimiter=";", language="fi"
            )
        )
    else:
        data = xlsx_file(project_export_rows(ProjectQuery(), language="fi"), language="fi").read()
    full_lines = {line.source: line.amount for line in full.budget.financing_lines.all()}
    Project.objects.all().delete()

    summary = eura_import(io.BytesIO(data), filename=f"projects.{kind}")
    assert (summary.created, summary.rejected, summary.warnings) == (3, [], [])
    assert _export() == before
    again = eura_import(io.BytesIO(data), filename=f"projects.{kind}")
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)

    project = Project.objects.get(code="J30355")
    assert project.specific_objective == reference["objective"]
    assert project.summary_fi == "Koulutusta tekoälystä;\nja verkkokaupasta."
    assert Project.objects.get(code="A12345").name_fi == "=Kaava ei ole kaava"
    lines = {line.source: line.amount for line in project.budget.financing_lines.all()}
    # the export knows only EU and state, public and total: the rest of the public is other
    # public, and what is not public is not itemised
    assert lines == {
        FundingSource.AID: full_lines["aid"],
        FundingSource.OTHER_PUBLIC: full_lines["municipal"] + full_lines["other_public"],
    }
    assert "municipal" in project.source_notes_fi or "kunta" in project.source_notes_fi
