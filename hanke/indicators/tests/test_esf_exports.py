"""The ESF+ table downloads: CSV for Finnish Excel (UTF-8 with a BOM, semicolons) or with commas,
and an Excel workbook with integer cells; a bad period is a 400, never a 500."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from hanke.indicators.tests.test_esf_table_page import known_people
from hanke.projects.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db

D = datetime.date
YEAR_2024 = {"start": "2024-01-01", "end": "2024-12-31"}


@pytest.fixture
def project(world):
    project = ProjectFactory(
        code="S30355",
        implementer=world.applicant_org,
        funding_authority=world.authority,
        start_date=D(2024, 1, 1),
    )
    known_people(project)
    return project


def download(client, project, fmt, lang="en", **params):
    with translation.override(lang):
        url = reverse("indicators:esf_export", args=[project.pk, fmt])
    return client.get(url, params)


def read_csv(response, delimiter):
    content = response.content
    assert content.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    text = content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


def test_csv_with_semicolons_by_default(client, world, project):
    client.force_login(world.applicant)
    response = download(client, project, "csv", **YEAR_2024)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert (
        'filename="esf-participants-S30355-2024-01-01-2024-12-31.csv"'
        in (response["Content-Disposition"])
    )
    rows = read_csv(response, ";")
    assert rows[0] == [
        "Code",
        "Indicator",
        "Women",
        "Men",
        "Non-binary",
        "Prefer not to say",
        "Total",
    ]
    by_label = {row[1]: row for row in rows[1:]}
    assert by_label["Participants, total"] == [
        "EECO01",
        "Participants, total",
        "3",
        "1",
        "1",
        "1",
        "6",
    ]
    assert by_label["18–29 years"][2:] == ["1", "0", "0", "1", "2"]
    assert by_label["Disability: preferred not to answer"][0] == ""
    assert all(len(row) == 7 for row in rows)


def test_csv_with_commas_on_request(client, world, project):
    client.force_login(world.officer)
    response = download(client, project, "csv", delimiter="comma", **YEAR_2024)
    rows = read_csv(response, ",")
    assert rows[1][:2] == ["EECO01", "Participants, total"]  # the comma inside is quoted
    assert rows[1][-1] == "6"


def test_csv_in_finnish_keeps_the_numbers_plain(client, world, project):
    client.force_login(world.applicant)
    rows = read_csv(download(client, project, "csv", "fi", **YEAR_2024), ";")
    assert rows[1][0] == "EECO01" and rows[1][2:] == ["3", "1", "1", "1", "6"]


def test_xlsx_has_a_title_the_period_and_integer_cells(client, world, project):
    client.force_login(world.applicant)
    response = download(client, project, "xlsx", **YEAR_2024)

    assert response.status_code == 200
    assert response["Content-Type"].endswith("spreadsheetml.sheet")
    assert "esf-participants-S30355-2024-01-01-2024-12-31.xlsx" in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert values[0][0].startswith("ESF+ participant indicators:")
    assert list(values[2][:2]) == ["Period", "1 Jan 2024–31 Dec 2024"]
    header = next(i for i, row in enumerate(values) if row[1] == "Indicator")
    assert list(values[header][2:7]) == ["Women", "Men", "Non-binary", "Prefer not to say", "Total"]
    total = values[header + 1]
    assert total[0] == "EECO01" and list(total[2:7]) == [3, 1, 1, 1, 6]
    assert all(isinstance(n, int) for row in values[header + 1 :] for n in row[2:7])
    assert sheet.column_dimensions["B"].width > 40


@pytest.mark.parametrize(
    "params",
    [
        {"start": "2024-12-31", "end": "2024-01-01"},
        {"start": "ei päivä", "end": "2024-12-31"},
        {"start": "2024-02-30"},
    ],
)
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_bad_period_is_a_400_with_the_reason(client, world, project, params, fmt):
    client.force_login(world.applicant)
    response = download(client, project, fmt, **params)
    assert response.status_code == 400
    assert "Content-Disposition" not in response
    assert 'aria-invalid="true"' in response.content.decode()


def test_an_unknown_format_is_not_found(client, world, project):
    client.force_login(world.applicant)
    assert download(client, project, "pdf").status_code == 404


def test_the_downloads_are_not_for_outsiders(client, world, project):
    assert download(client, project, "csv").status_code == 302
    for user in (world.outsider, world.other_officer):
        client.force_login(user)
        assert download(client, project, "csv").status_code == 403
        assert download(client, project, "xlsx").status_code == 403


def test_the_page_links_to_the_downloads_of_its_period(client, world, project, read_page):
    client.force_login(world.applicant)
    with translation.override("en"):
        url = reverse("indicators:esf", args=[project.pk])
    page = read_page(f"{url}?start=2024-01-01&end=2024-12-31")
    assert "esf.csv?start=2024-01-01&amp;end=2024-12-31" in page.html
    assert "esf.csv?start=2024-01-01&amp;end=2024-12-31&amp;delimiter=comma" in page.html
    assert "esf.xlsx?start=2024-01-01&amp;end=2024-12-31" in page.html


def test_the_filename_uses_the_pk_without_a_code(client, world):
    project = ProjectFactory(implementer=world.applicant_org, start_date=D(2024, 1, 1))
    client.force_login(world.applicant)
    response = download(client, project, "csv", **YEAR_2024)
    assert (
        f"esf-participants-{project.pk}-2024-01-01-2024-12-31.csv"
        in (response["Content-Disposition"])
    )
