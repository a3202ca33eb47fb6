"""Downloading a project search as CSV and Excel: EURA's columns in the reader's language, the
same projects as the search, money to the cent (planned from the budget, realised from approved
claims), never an unpublished project, and rows read in chunks while the file is sent."""

import csv
import datetime
import io
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.http import FileResponse, StreamingHttpResponse
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from hanke.accounts.models import Membership
from hanke.core.models import Municipality, Region
from hanke.finance.models import CostCategory, CostModel
from hanke.finance.services import (
    budget_approve,
    cost_entry_create,
    payment_claim_approve,
    payment_claim_create,
    payment_claim_submit,
)
from hanke.finance.tests.factories import BudgetFactory
from hanke.portal import exports
from hanke.programmes.tests.factories import (
    FundFactory,
    FundingAuthorityFactory,
    SpecificObjectiveFactory,
)
from hanke.projects import workflow
from hanke.projects.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db

EURA_FINNISH = [
    "Hankekoodi",
    "Rahasto",
    "Toimintalinja",
    "Erityistavoite",
    "Hankkeen nimi",
    "Toteuttaja",
    "Y-tunnus",
    "Rahoittava viranomainen",
    "Tila",
    "Aloituspäivä",
    "Päättymispäivä",
    "EU- ja valtion rahoitus, suunniteltu",
    "EU- ja valtion rahoitus, toteutunut",
    "Julkinen rahoitus, suunniteltu",
    "Julkinen rahoitus, toteutunut",
    "Kokonaisrahoitus, suunniteltu",
    "Kokonaisrahoitus, toteutunut",
    "Toimenpidealue",
    "Sijainti",
    "Postinumerot",
    "Tiivistelmä",
    "Hankkeen kotisivu",
]
ENGLISH = [
    "Project code",
    "Fund",
    "Priority axis",
    "Specific objective",
    "Project name",
    "Implementer",
    "Business ID",
    "Funding authority",
    "Status",
    "Start date",
    "End date",
    "EU and state funding, planned",
    "EU and state funding, realised",
    "Public funding, planned",
    "Public funding, realised",
    "Total funding, planned",
    "Total funding, realised",
    "Field of intervention",
    "Location",
    "Postcodes",
    "Summary",
    "Project homepage",
]
KEYS = [column.key for column in exports.COLUMNS]


def body(response) -> bytes:
    return b"".join(response.streaming_content)


def read_csv(response, delimiter: str) -> list[dict]:
    """The rows as dicts keyed by column key, after checking the BOM and the header count."""
    raw = body(response)
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=delimiter))
    assert all(len(row) == len(KEYS) for row in rows)
    return [dict(zip(KEYS, row, strict=True)) for row in rows[1:]], rows[0]


def read_xlsx(response):
    sheet = load_workbook(io.BytesIO(body(response))).worksheets[0]
    rows = list(sheet.iter_rows())
    header = [cell.value for cell in rows[0]]
    return [dict(zip(KEYS, row, strict=False)) for row in rows[1:]], header


@pytest.fixture
def full_project(personas):
    """A published ongoing project with every column filled: seed 002's plan (aid 408 403 €,
    other public 102 100 €, total 510 503 €), approved, and one approved payment claim of
    61 234,56 € of staff costs (+ 40 % flat rate = 85 728,38 € eligible, aid 80 % = 68 582,70 €).
    A later claim is only submitted and does not count."""
    lapland = Region.objects.create(code="19", name_fi="Lappi", name_en="Lapland")
    north = Region.objects.create(code="17", name_fi="Pohjois-Pohjanmaa")
    rovaniemi = Municipality.objects.create(code="698", name_fi="Rovaniemi", region=lapland)
    kemi = Municipality.objects.create(code="240", name_fi="Kemi", region=lapland)
    project = ProjectFactory(
        code="J30355",
        name_fi="Tekoälyä verkkokauppaan",
        summary_fi="Koulutusta tekoälystä ja verkkokaupasta.",
        implementer__name_fi="Oulun ammattikorkeakoulu Oy",
        implementer__business_id="0737510-4",
        funding_authority=FundingAuthorityFactory(
            name_fi="Pohjois-Pohjanmaan ELY-keskus", name_en="North Ostrobothnia ELY Centre"
        ),
        fund=FundFactory(code="JTF", abbreviation_fi="JTF"),
        specific_objective=SpecificObjectiveFactory(
            priority_axis__number="7",
            priority_axis__name_fi="Oikeudenmukainen siirtymä",
            code="7.1",
            name_fi="Osaaminen",
        ),
        status=workflow.ONGOING,
        start_date=datetime.date(2024, 1, 1),
        end_date=datetime.date(2026, 6, 30),
        homepage="https://example.fi/tekoaly",
    )
    project.regions.add(north)
    project.municipalities.add(rovaniemi, kemi)
    Membership.objects.create(user=personas.applicant, organisation=project.implementer)
    BudgetFactory(
        project=project,
        user=personas.officer,
        cost_model=CostModel.FLAT_RATE_40,
        cost_lines={"staff": Decimal("364645")},
        financing={"aid": Decimal("408403"), "other_public": Decimal("102100")},
    )
    budget_approve(user=personas.officer, project=project)
    for amount, day in (("60000", 1), ("1234.56", 2)):
        cost_entry_create(
            user=personas.applicant,
            project=project,
            category=CostCategory.STAFF,
            entry_date=datetime.date(2024, 3, day),
            description="Palkat",
            amount=Decimal(amount),
        )
    claim = payment_claim_create(
        user=personas.applicant,
        project=project,
        period_start=datetime.date(2024, 1, 1),
        period_end=datetime.date(2024, 6, 30),
    )
    payment_claim_submit(user=personas.applicant, claim=claim)
    payment_claim_approve(user=personas.officer, claim=claim)
    cost_entry_create(
        user=personas.applicant,
        project=project,
        category=CostCategory.STAFF,
        entry_date=datetime.date(2024, 8, 1),
        description="Palkat",
        amount=Decimal("999"),
    )
    later = payment_claim_create(
        user=personas.applicant,
        project=project,
        period_start=datetime.date(2024, 7, 1),
        period_end=datetime.date(2024, 12, 31),
    )
    payment_claim_submit(user=personas.applicant, claim=later)
    return project


# --- The columns -------------------------------------------------------------------------------


def test_english_header_row_is_the_eura_column_set(client):
    rows, header = read_csv(client.get("/en/projects/export.csv"), ",")
    assert header == ENGLISH
    assert rows == []
    _rows, header = read_xlsx(client.get("/en/projects/export.xlsx"))
    assert header == ENGLISH


def test_finnish_header_row_is_euras_own(client):
    _rows, header = read_csv(client.get("/fi/projects/export.csv"), ";")
    assert header == EURA_FINNISH
    _rows, header = read_xlsx(client.get("/fi/projects/export.xlsx"))
    assert header == EURA_FINNISH


def test_a_full_project_in_csv_with_commas_has_decimal_points_and_iso_dates(client, full_project):
    rows, _header = read_csv(client.get("/en/projects/export.csv?delimiter=comma"), ",")
    assert rows == [
        {
            "code": "J30355",
            "fund": "JTF",
            "priority_axis": "7 Oikeudenmukainen siirtymä",
            "specific_objective": "7.1 Osaaminen",
            "name": "Tekoälyä verkkokauppaan",
            "implementer": "Oulun ammattikorkeakoulu Oy",
            "business_id": "0737510-4",
            "funding_authority": "North Ostrobothnia ELY Centre",
            "status": "Ongoing",
            "start_date": "2024-01-01",
            "end_date": "2026-06-30",
            "eu_planned": "408403.00",
            "eu_realised": "68582.70",
            "public_planned": "510503.00",
            "public_realised": "",
            "total_planned": "510503.00",
            "total_realised": "85728.38",
            "field_of_intervention": "",
            "location": "Lapland (Kemi, Rovaniemi); Pohjois-Pohjanmaa",
            "postcodes": "",
            "summary": "Koulutusta tekoälystä ja verkkokaupasta.",
            "homepage": "https://example.fi/tekoaly",
        }
    ]


def test_csv_with_semicolons_has_decimal_commas(client, full_project):
    response = client.get("/en/projects/export.csv?delimiter=semicolon")
    [row], _header = read_csv(response, ";")
    assert (row["eu_planned"], row["eu_realised"]) == ("408403,00", "68582,70")
    assert (row["total_planned"], row["total_realised"]) == ("510503,00", "85728,38")
    assert row["location"] == "Lapland (Kemi, Rovaniemi); Pohjois-Pohjanmaa"


def test_the_delimiter_follows_the_language_unless_asked(client, full_project):
    def header_line(url) -> bytes:
        return body(client.get(url)).split(b"\r\n", 1)[0]

    for language in ("fi", "sv"):
        line = header_line(f"/{language}/projects/export.csv")
        assert line.count(b";") == len(KEYS) - 1
    assert header_line("/en/projects/export.csv").count(b";") == 0
    [row], _header = read_csv(client.get("/fi/projects/export.csv?delimiter=comma"), ",")
    assert row["total_realised"] == "85728.38"
    assert row["status"] == "Käynnissä"


def test_a_full_project_in_excel_has_numbers_to_the_cent_and_real_dates(client, full_project):
    response = client.get("/en/projects/export.xlsx")
    assert isinstance(response, FileResponse)
    [row], _header = read_xlsx(response)
    money = {
        "eu_planned": Decimal("408403.00"),
        "eu_realised": Decimal("68582.70"),
        "public_planned": Decimal("510503.00"),
        "total_planned": Decimal("510503.00"),
        "total_realised": Decimal("85728.38"),
    }
    for key, expected in money.items():
        cell = row[key]
        assert cell.data_type == "n"
        assert Decimal(str(cell.value)) == expected, key
        assert "€" in cell.number_format
    assert row["public_realised"].value is None
    assert row["start_date"].is_date
    assert row["start_date"].value == datetime.datetime(2024, 1, 1)
    assert row["end_date"].value == datetime.datetime(2026, 6, 30)
    assert row["name"].value == "Tekoälyä verkkokauppaan"
    assert row["status"].value == "Ongoing"
    assert row["business_id"].value == "0737510-4"


def test_realised_is_empty_without_an_approved_claim_and_demo_claims_do_not_count(
    client, personas, full_project
):
    # a project whose documents give a plan but no claims: planned yes, realised unknown
    plan_only = ProjectFactory(name_fi="Vain suunnitelma")
    BudgetFactory(
        project=plan_only,
        cost_model="unknown",
        cost_lines=None,
        total_cost=170250,
        financing={"aid": 136200, "municipal": 21200, "other_public": 5000, "private": 7850},
    )
    full_project.payment_claims.filter(status="approved").update(is_demo=True)
    rows, _header = read_csv(client.get("/en/projects/export.csv?delimiter=comma"), ",")
    by_name = {row["name"]: row for row in rows}
    assert by_name["Vain suunnitelma"]["public_planned"] == "162400.00"  # 136 200 + 21 200 + 5 000
    assert by_name["Vain suunnitelma"]["eu_planned"] == "136200.00"
    assert by_name["Vain suunnitelma"]["eu_realised"] == ""
    assert by_name["Tekoälyä verkkokauppaan"]["eu_realised"] == ""
    assert by_name["Tekoälyä verkkokauppaan"]["total_realised"] == ""


def test_a_project_without_budget_or_places_has_empty_cells(client):
    ProjectFactory(name_fi="Tyhjä", fund=None, implementer=None, start_date=None, end_date=None)
    [row], _header = read_csv(client.get("/en/projects/export.csv?delimiter=comma"), ",")
    assert row["name"] == "Tyhjä"
    empty = [key for key, value in row.items() if value == ""]
    assert set(empty) >= {"fund", "implementer", "business_id", "start_date", "total_planned"}
    [row], _header = read_xlsx(client.get("/en/projects/export.xlsx"))
    assert row["total_planned"].value is None and row["start_date"].value is None


def test_text_that_looks_like_a_formula_stays_text(client):
    ProjectFactory(name_fi='=HYPERLINK("http://evil.example","x")', summary_fi="-2+3")
    [row], _header = read_csv(client.get("/en/projects/export.csv?delimiter=comma"), ",")
    assert row["name"] == '\'=HYPERLINK("http://evil.example","x")'
    assert row["summary"] == "'-2+3"
    [row], _header = read_xlsx(client.get("/en/projects/export.xlsx"))
    assert row["name"].data_type == "s"
    assert row["name"].value == '=HYPERLINK("http://evil.example","x")'


# --- Which projects ----------------------------------------------------------------------------


def listed_names(client, params: str) -> list[str]:
    html = client.get(f"/fi/projects/?{params}").content.decode()
    links = re.findall(r'<th scope="row"><a href="/fi/projects/\d+/">(.*?)</a>', html)
    return [re.sub(r"<[^>]+>", "", link) for link in links]


@pytest.mark.parametrize(
    "params",
    [
        "funds={jtf}&sort=name",
        "statuses=ended&statuses=ongoing&sort=budget_desc",
        "q=verkkokauppa",
        "funds={jtf}&start_from=2023-06-01&sort=oldest",
        "total_min=100000",
    ],
)
def test_the_export_has_the_searchs_projects_in_its_order(client, settings, params):
    settings.HANKE_PAGE_SIZE = 100
    jtf, esf = FundFactory(code="JTF"), FundFactory(code="ESF")
    specs = [
        ("Verkkokaupan taidot", jtf, workflow.ONGOING, 2023, 1, "300000"),
        ("Verkkokauppaklubi", esf, workflow.ENDED, 2022, 5, "120000"),
        ("Metsän hoito", jtf, workflow.ENDED, 2024, 3, "90000"),
        ("Arktinen matkailu", jtf, workflow.APPROVED, 2023, 9, None),
        ("Bioenergia", esf, workflow.IN_ASSESSMENT, 2021, 2, "500000"),
    ]
    for name, fund, status, year, month, total in specs:
        project = ProjectFactory(
            name_fi=name, fund=fund, status=status, start_date=datetime.date(year, month, 1)
        )
        if total:
            BudgetFactory(
                project=project,
                cost_model="unknown",
                cost_lines=None,
                total_cost=Decimal(total),
                financing={"aid": Decimal(total) * 8 / 10, "private": Decimal(total) * 2 / 10},
            )
    ProjectFactory(name_fi="Verkkokauppa, luonnos", fund=jtf, status=workflow.DRAFT)
    params = params.format(jtf=jtf.pk)
    expected = listed_names(client, params)
    assert expected  # the search finds something
    rows, _header = read_csv(client.get(f"/fi/projects/export.csv?{params}"), ";")
    assert [row["name"] for row in rows] == expected
    rows, _header = read_xlsx(client.get(f"/fi/projects/export.xlsx?{params}"))
    assert [row["name"].value for row in rows] == expected


def test_unpublished_projects_are_never_exported(client):
    ProjectFactory(name_fi="Julkinen")
    ProjectFactory(name_fi="Luonnos", status=workflow.DRAFT)
    ProjectFactory(name_fi="Jätetty", status=workflow.SUBMITTED)
    ProjectFactory(name_fi="Palautettu", status=workflow.RETURNED)
    ProjectFactory(name_fi="Hylätty", status=workflow.REJECTED)
    ProjectFactory(name_fi="Julkaisematon", is_public=False)
    for status in ("draft", "submitted", "returned", "rejected"):
        # a status the public cannot see is not a filter the search knows: no file
        assert client.get(f"/fi/projects/export.csv?statuses={status}").status_code == 400
    rows, _header = read_csv(client.get("/fi/projects/export.csv"), ";")
    assert [row["name"] for row in rows] == ["Julkinen"]
    rows, _header = read_xlsx(client.get("/fi/projects/export.xlsx"))
    assert [row["name"].value for row in rows] == ["Julkinen"]


def test_an_empty_result_gives_the_header_row_only(client):
    fund = FundFactory()
    ProjectFactory(status=workflow.ONGOING)
    rows, header = read_csv(client.get(f"/en/projects/export.csv?funds={fund.pk}"), ",")
    assert (rows, header) == ([], ENGLISH)
    rows, header = read_xlsx(client.get(f"/en/projects/export.xlsx?funds={fund.pk}"))
    assert (rows, header) == ([], ENGLISH)


# --- Bad requests ------------------------------------------------------------------------------


@pytest.mark.parametrize("delimiter", ["tab", "%3B", "<script>", ""])
def test_a_bad_delimiter_is_a_clear_400(client, delimiter):
    response = client.get(f"/en/projects/export.csv?delimiter={delimiter}&sort=name")
    if delimiter == "":  # an empty value means the default
        assert response.status_code == 200
        return
    assert response.status_code == 400
    text = response.content.decode()
    assert "Choose the separator “semicolon” or “comma”" in text
    assert "<script>" not in text.split("<main", 1)[1]
    assert 'href="/en/projects/?sort=name"' in text


@pytest.mark.parametrize("url", ["/en/projects/export.csv", "/en/projects/export.xlsx"])
def test_a_bad_search_makes_no_file(client, url):
    ProjectFactory(name_fi="Julkinen")
    response = client.get(f"{url}?funds=abc&statuses=ended")
    assert response.status_code == 400
    text = response.content.decode()
    assert "The search has values that are not valid, so no file was made." in text
    assert "Fund: Choose from the list." in text
    assert 'href="/en/projects/?statuses=ended"' in text


def test_files_are_attachments_named_with_the_date(client):
    today = datetime.date.today().isoformat()
    csv_response = client.get("/fi/projects/export.csv")
    assert csv_response["Content-Type"] == "text/csv; charset=utf-8"
    assert csv_response["Content-Disposition"] == f'attachment; filename="projects-{today}.csv"'
    xlsx_response = client.get("/fi/projects/export.xlsx")
    assert xlsx_response["Content-Type"] == exports.XLSX_CONTENT_TYPE
    assert xlsx_response["Content-Disposition"] == f'attachment; filename="projects-{today}.xlsx"'
    xlsx_response.close()


# --- Constant memory ---------------------------------------------------------------------------


def _project_queries(queries) -> list[str]:
    return [q["sql"] for q in queries if '"projects_project"' in q["sql"]]


def test_the_csv_is_streamed_and_read_while_it_is_sent(client):
    for n in range(3):
        ProjectFactory(name_fi=f"Hanke {n}")
    with CaptureQueriesContext(connection) as before:
        response = client.get("/fi/projects/export.csv")
    assert isinstance(response, StreamingHttpResponse)
    assert _project_queries(before.captured_queries) == []  # nothing read before sending
    with CaptureQueriesContext(connection) as sending:
        rows, _header = read_csv(response, ";")
    assert len(rows) == 3
    assert len(_project_queries(sending.captured_queries)) == 1


def _queries_while_sending(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        body(client.get(url))
    return len(queries.captured_queries)


@pytest.mark.parametrize("url", ["/fi/projects/export.csv", "/fi/projects/export.xlsx"])
def test_the_number_of_queries_does_not_grow_with_the_projects(client, url):
    lapland = Region.objects.create(code="19", name_fi="Lappi")
    kemi = Municipality.objects.create(code="240", name_fi="Kemi", region=lapland)

    def add(count):
        for _n in range(count):
            project = ProjectFactory(
                specific_objective=SpecificObjectiveFactory(), homepage="https://example.fi"
            )
            project.regions.add(lapland)
            project.municipalities.add(kemi)
            BudgetFactory(project=project)

    add(10)
    with_ten = _queries_while_sending(client, url)
    add(50)
    with_sixty = _queries_while_sending(client, url)
    assert with_sixty == with_ten
    assert with_ten <= 8


def test_projects_are_read_in_chunks_with_their_places(client, monkeypatch):
    monkeypatch.setattr(exports, "CHUNK_SIZE", 5)
    lapland = Region.objects.create(code="19", name_fi="Lappi")
    for n in range(12):
        ProjectFactory(name_fi=f"Hanke {n:02}").regions.add(lapland)
    with CaptureQueriesContext(connection) as queries:
        rows, _header = read_csv(client.get("/fi/projects/export.csv?sort=name"), ";")
    assert [row["name"] for row in rows] == [f"Hanke {n:02}" for n in range(12)]
    assert all(row["location"] == "Lappi" for row in rows)
    places = [q for q in queries.captured_queries if '"projects_project_regions"' in q["sql"]]
    assert len(places) == 3  # one per chunk of 5, 5 and 2 projects


# --- The links ---------------------------------------------------------------------------------


def test_download_links_keep_the_search():
    html = render_to_string(
        "portal/partials/export_links.html", {"filter_query": "funds=3&q=verkkokauppa"}
    )
    assert 'href="/fi/projects/export.csv?funds=3&amp;q=verkkokauppa&amp;delimiter=semicolon"' in (
        html
    )
    assert 'href="/fi/projects/export.csv?funds=3&amp;q=verkkokauppa&amp;delimiter=comma"' in html
    assert 'href="/fi/projects/export.xlsx?funds=3&amp;q=verkkokauppa"' in html
    assert 'hx-boost="false"' in html
    bare = render_to_string("portal/partials/export_links.html", {"filter_query": ""})
    assert 'href="/fi/projects/export.xlsx"' in bare
    assert 'href="/fi/projects/export.csv?delimiter=comma"' in bare
