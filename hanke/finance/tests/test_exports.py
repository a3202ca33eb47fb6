"""The payment claim and budget follow-up exports: the Excel cells hold the services' figures to
the cent and add up; the PDF is a PDF, and its HTML shows the figures formatted per language."""

import datetime
import re
import zipfile
from decimal import Decimal
from io import BytesIO

import pytest
from django.utils import translation
from openpyxl import load_workbook

from hanke.finance import exports
from hanke.finance.models import CostCategory, PaymentClaim
from hanke.finance.selectors import budget_follow_up, claim_compute
from hanke.finance.services import (
    cost_entry_create,
    payment_claim_approve,
    payment_claim_create,
    payment_claim_submit,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    """Sheet names and labels in English unless a test says otherwise."""
    with translation.override("en"):
        yield


JAN, JUN = datetime.date(2024, 1, 1), datetime.date(2024, 6, 30)
CENT = Decimal("0.01")


def cost(personas, project, category=CostCategory.STAFF, day=datetime.date(2024, 3, 1), **kw):
    kw.setdefault("description", "Palkat")
    return cost_entry_create(
        user=personas.applicant, project=project, category=category, entry_date=day, **kw
    )


@pytest.fixture
def costs(personas, running_project, hourly_trainer, salaried_manager):
    """60 000 € of staff costs in the first half of 2024: 200 h × 30 € = 6 000 €, a salary of
    4 000 € + 21,50 % on-costs = 4 860 €, and 49 140 € entered as an amount."""
    cost(personas, running_project, amount=Decimal("49140"))
    cost(
        personas,
        running_project,
        day=datetime.date(2024, 4, 15),
        description="Koulutus",
        staff_member=hourly_trainer,
        hours=Decimal("200"),
    )
    cost(
        personas,
        running_project,
        day=datetime.date(2024, 5, 31),
        description="Palkka toukokuu",
        staff_member=salaried_manager,
        salary=Decimal("4000"),
    )
    return running_project


@pytest.fixture
def claim(personas, costs):
    return payment_claim_create(
        user=personas.applicant, project=costs, period_start=JAN, period_end=JUN
    )


def dec(value) -> Decimal:
    return Decimal(str(value)).quantize(CENT)


def workbook(data: bytes):
    assert data[:2] == b"PK"
    return load_workbook(BytesIO(data))


def row_by_label(ws, label):
    for row in ws.iter_rows():
        if row[0].value == label:
            return row
    raise AssertionError(f"no row {label!r} in {ws.title}")


def table(ws, header_first="Category", stop=None):
    """The rows under the header row whose first cell is `header_first`, up to the row `stop`."""
    rows, inside = [], False
    for row in ws.iter_rows():
        if inside:
            if row[0].value is None or row[0].value == stop:
                break
            rows.append(row)
        elif row[0].value == header_first:
            inside = True
    return rows


def plain(html: str) -> str:
    html = html.replace("\u00a0", " ")
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_submitted_claim_xlsx_holds_the_stored_figures_to_the_cent(personas, claim):
    claim = payment_claim_submit(user=personas.applicant, claim=claim)
    stored = claim.figures
    with translation.override("en"):
        book = workbook(exports.claim_xlsx(claim))
    ws = book["Payment claim 1"]
    assert ws["A1"].value == "Payment claim 1: Tekoälyä verkkokauppaan"
    assert ws["A1"].font.bold
    assert ws.freeze_panes == "A2"
    assert row_by_label(ws, "Project")[1].value == "Tekoälyä verkkokauppaan"
    assert row_by_label(ws, "Implementer")[1].value == "Oulun ammattikorkeakoulu"
    assert row_by_label(ws, "Status")[1].value == "Submitted"
    assert row_by_label(ws, "Period starts")[1].value == datetime.datetime(2024, 1, 1)
    for label, key in [
        ("Eligible costs", "eligible"),
        ("Flat rate", "flat_rate_amount"),
        ("Aid", "aid"),
        ("Own financing", "own_financing"),
    ]:
        cell = row_by_label(ws, label)[1]
        assert dec(cell.value) == Decimal(stored[key]), label
        assert cell.number_format == '#,##0.00 "€"'
    assert (Decimal(stored["eligible"]), Decimal(stored["aid"])) == (
        Decimal("84000.00"),
        Decimal("67200.00"),
    )
    rate = row_by_label(ws, "Aid rate")[1]
    assert dec(rate.value) == Decimal("0.80") and rate.number_format == "0.00%"
    assert row_by_label(ws, "Flat rate")[2].value == "40.00% × staff costs €60,000 = €24,000"

    categories = book["Categories"]
    header = row_by_label(categories, "Category")
    assert [c.value for c in header] == ["Category", "Claimed", "Reduction", "Accepted", "Reason"]
    assert all(c.font.bold for c in header)
    assert categories.freeze_panes == f"A{header[0].row + 1}"
    rows = table(categories, stop="Costs total")
    assert [r[0].value for r in rows] == ["Staff costs"]
    total = row_by_label(categories, "Costs total")
    for column in (1, 2, 3):
        assert sum(dec(r[column].value or 0) for r in rows) == dec(total[column].value)
    flat = row_by_label(categories, "Flat rate")[3].value
    eligible = row_by_label(categories, "Eligible costs")[3].value
    assert dec(total[3].value) + dec(flat) == dec(eligible) == Decimal(stored["eligible"])

    entries = book["Cost entries"]
    rows = table(entries, header_first="Date", stop="Costs total")
    assert len(rows) == 3
    by_description = {r[2].value: r for r in rows}
    trainer = by_description["Koulutus"]
    assert (dec(trainer[4].value), dec(trainer[5].value), dec(trainer[8].value)) == (
        Decimal("200"),
        Decimal("30"),
        Decimal("6000"),
    )
    manager = by_description["Palkka toukokuu"]
    assert dec(manager[6].value) == Decimal("4000")
    assert Decimal(str(manager[7].value)) == Decimal("0.215")
    assert manager[3].value == "Projektipäällikkö"
    assert sum(dec(r[8].value) for r in rows) == dec(row_by_label(entries, "Costs total")[8].value)


def test_money_cells_are_written_as_exact_numbers(personas, claim):
    """openpyxl takes Decimal cells and writes them as numbers with 16 significant digits: exact
    for every amount our fields can hold (at most 14 digits, 2 of them decimals)."""
    claim = payment_claim_submit(user=personas.applicant, claim=claim)
    data = exports.claim_xlsx(claim)
    with zipfile.ZipFile(BytesIO(data)) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    assert re.search(r'<c r="B\d+" s="\d+" t="n"><v>84000</v>', sheet)
    assert "<v>67200</v>" in sheet and "<v>0.8</v>" in sheet
    book = exports._workbook("t")
    sheet = exports._Sheet(book, "t", first=True)
    for amount in ("999999999999.99", "24399.60", "0.01", "-1000.50", "1234567890123.45"):
        sheet.append([Decimal(amount)], {0: "money"})
    with zipfile.ZipFile(BytesIO(exports._save(book))) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert re.findall(r"<v>([^<]+)</v>", xml) == [
        "999999999999.99",
        "24399.6",
        "0.01",
        "-1000.5",
        "1234567890123.45",
    ]


def test_draft_claim_shows_the_figures_computed_now(personas, claim):
    expected = claim_compute(PaymentClaim.objects.get(pk=claim.pk))
    assert expected.eligible == Decimal("84000") and expected.aid == Decimal("67200")
    with translation.override("en"):
        ws = workbook(exports.claim_xlsx(claim))["Payment claim 1"]
        html = plain(exports.claim_pdf_html(claim))
    assert dec(row_by_label(ws, "Eligible costs")[1].value) == expected.eligible
    assert dec(row_by_label(ws, "Aid")[1].value) == expected.aid
    assert row_by_label(ws, "Status")[1].value == "Draft"
    assert "Not submitted" in row_by_label(ws, "Figures")[1].value
    assert "€84,000" in html and "Draft" in html


def test_approved_claim_shows_reductions_with_reasons_and_the_approved_figures(personas, claim):
    payment_claim_submit(user=personas.applicant, claim=claim)
    claim = payment_claim_approve(
        user=personas.officer,
        claim=claim,
        reductions=[("staff", Decimal("5000"), "Tuntikirjanpito puuttuu")],
    )
    with translation.override("en"):
        book = workbook(exports.claim_xlsx(claim))
        html = plain(exports.claim_pdf_html(claim))
    staff = row_by_label(book["Categories"], "Staff costs")
    assert [dec(c.value) for c in staff[1:4]] == [
        Decimal("60000"),
        Decimal("5000"),
        Decimal("55000"),
    ]
    assert staff[4].value == "Tuntikirjanpito puuttuu"
    ws = book["Payment claim 1"]
    assert dec(row_by_label(ws, "Eligible costs")[1].value) == claim.approved_eligible
    assert dec(row_by_label(ws, "Aid")[1].value) == claim.approved_aid == Decimal("61600")
    assert dec(row_by_label(ws, "Own financing")[1].value) == Decimal("15400")
    assert dec(row_by_label(ws, "Flat rate")[1].value) == Decimal("22000")
    assert row_by_label(ws, "Status")[1].value == "Approved"
    assert "−€5,000" in html and "Tuntikirjanpito puuttuu" in html
    assert "40.00% × staff costs €55,000 = €22,000" in html


def test_cumulative_position_adds_the_earlier_approved_claims(personas, claim, costs):
    payment_claim_submit(user=personas.applicant, claim=claim)
    payment_claim_approve(user=personas.officer, claim=claim)
    cost(personas, costs, day=datetime.date(2024, 8, 1), amount=Decimal("10000"))
    second = payment_claim_create(
        user=personas.applicant,
        project=costs,
        period_start=datetime.date(2024, 7, 1),
        period_end=datetime.date(2024, 12, 31),
    )
    with translation.override("en"):
        book = workbook(exports.claim_xlsx(second))
        html = plain(exports.claim_pdf_html(second))
    ws = book["Cumulative position"]
    staff = row_by_label(ws, "Staff costs")
    assert [dec(c.value) for c in staff[1:5]] == [
        Decimal("364645"),
        Decimal("60000"),
        Decimal("10000"),
        Decimal("70000"),
    ]
    total = row_by_label(ws, "Total eligible costs")
    assert [dec(c.value) for c in total[1:5]] == [
        Decimal("510503"),
        Decimal("84000"),
        Decimal("14000"),
        Decimal("98000"),
    ]
    rows = table(ws, stop="Total eligible costs")
    for column in (1, 2, 3, 4, 6):
        assert sum(dec(r[column].value) for r in rows) == dec(total[column].value)
    aid = row_by_label(ws, "Aid (EU and state)")
    assert [dec(c.value) for c in aid[1:5]] == [
        Decimal("408403"),
        Decimal("67200"),
        Decimal("11200"),
        Decimal("78400"),
    ]
    assert "Previously approved: payment claims 1." in html


def test_claim_pdf_html_in_finnish_and_english(personas, claim):
    claim = payment_claim_submit(user=personas.applicant, claim=claim)
    with translation.override("fi"):
        fi = plain(exports.claim_pdf_html(claim))
    for text in [
        "Tekoälyä verkkokauppaan",
        "Oulun ammattikorkeakoulu",
        "1.1.2024–30.6.2024",
        "84 000 €",
        "24 000 €",
        "40,00 %",
        "80,00 %",
        "67 200 €",
        "16 800 €",
        "40,00 % × palkkakustannukset 60 000 € = 24 000 €",
        "200,00 h × 30 €",
        "4 000 € + henkilösivukulut 21,50 %",
        "15.4.2024",
    ]:
        assert text in fi, text
    assert "DEMO" not in fi and "Tuki rajattu" not in fi
    with translation.override("en"):
        en = plain(exports.claim_pdf_html(claim))
    for text in ["€84,000", "€67,200", "40.00%", "1 Jan 2024–30 Jun 2024", "Submitted"]:
        assert text in en, text


def test_claim_pdf_is_a_pdf_with_a_title(personas, claim):
    claim = payment_claim_submit(user=personas.applicant, claim=claim)
    with translation.override("fi"):
        data = exports.claim_pdf(claim)
        document = exports.pdf_document(exports.claim_pdf_html(claim))
    assert data.startswith(b"%PDF")
    assert document.metadata.title == "Maksatushakemus 1: Tekoälyä verkkokauppaan"
    assert document.metadata.lang == "fi"


def test_capped_claim_shows_the_cap_notice(personas, running_project):
    cost(personas, running_project, amount=Decimal("400000"))
    claim = payment_claim_create(
        user=personas.applicant, project=running_project, period_start=JAN, period_end=JUN
    )
    claim = payment_claim_submit(user=personas.applicant, claim=claim)
    with translation.override("fi"):
        html = plain(exports.claim_pdf_html(claim))
    with translation.override("en"):
        ws = workbook(exports.claim_xlsx(claim))["Payment claim 1"]
    assert "Tuki rajattu" in html
    assert "448 000 €" in html and "408 403 €" in html
    assert dec(row_by_label(ws, "Aid")[1].value) == Decimal("408403")
    assert dec(row_by_label(ws, "Aid capped")[1].value) == Decimal("448000")
    assert dec(row_by_label(ws, "Own financing")[1].value) == Decimal("560000") - Decimal("408403")
    # Approved, the cap is still shown from the approved figures.
    claim = payment_claim_approve(user=personas.officer, claim=claim)
    with translation.override("fi"):
        assert "Tuki rajattu" in plain(exports.claim_pdf_html(claim))


def test_demo_claim_says_demo(personas, costs):
    claim = payment_claim_create(
        user=personas.applicant, project=costs, period_start=JAN, period_end=JUN, is_demo=True
    )
    with translation.override("fi"):
        html = exports.claim_pdf_html(claim)
        book = workbook(exports.claim_xlsx(claim))
        document = exports.pdf_document(html)
    assert 'class="demo"' in html and "DEMO –" in html
    assert document.metadata.title.startswith("DEMO")
    for ws in book.worksheets:
        assert ws["A1"].value.startswith("DEMO")
        assert ws["A2"].value.startswith("DEMO")


def test_follow_up_xlsx_matches_the_selector(personas, claim, costs):
    payment_claim_submit(user=personas.applicant, claim=claim)
    cost(
        personas,
        costs,
        category=CostCategory.REVENUES,
        day=datetime.date(2024, 7, 10),
        description="Osallistumismaksut",
        amount=Decimal("1000.50"),
    )
    expected = budget_follow_up(costs)
    with translation.override("en"):
        book = workbook(exports.follow_up_xlsx(costs))
    ws = book["Budget follow-up"]
    header = row_by_label(ws, "Category")
    assert [c.value for c in header] == [
        "Category",
        "Budget",
        "Entered",
        "Claimed",
        "Approved",
        "% used",
        "Over budget",
    ]
    assert ws.freeze_panes == f"A{header[0].row + 1}"
    rows = table(ws, stop="Total eligible costs")
    assert len(rows) == len(expected.rows) + 1  # and the revenues deducted
    assert [r[0].value for r in rows] == [
        "Staff costs",
        "Flat rate 40.00% of staff costs",
        "Revenues (deducted)",
    ]
    for row, expected_row in zip(rows, expected.rows, strict=False):
        assert [dec(c.value) for c in row[1:5]] == [
            expected_row.budget,
            expected_row.actual,
            expected_row.claimed,
            expected_row.approved,
        ]
        assert dec(row[5].value * 100) == expected_row.used_percent
    by_label = {r[0].value: r for r in rows}
    assert dec(by_label["Revenues (deducted)"][2].value) == Decimal("-1000.50")
    total = row_by_label(ws, "Total eligible costs")
    assert [dec(c.value) for c in total[1:5]] == [
        expected.total.budget,
        expected.total.actual,
        expected.total.claimed,
        expected.total.approved,
    ]
    for column in (1, 2, 3, 4):
        assert sum(dec(r[column].value) for r in rows) == dec(total[column].value)
    assert dec(row_by_label(ws, "Aid granted")[1].value) == Decimal("408403")
    assert dec(row_by_label(ws, "Aid paid to date")[1].value) == Decimal("0")

    months = book["By month"]
    month_rows = table(months, header_first="Month")
    assert [(r[0].value.date(), dec(r[1].value), dec(r[2].value)) for r in month_rows] == [
        (datetime.date(int(m[:4]), int(m[5:]), 1), a, c) for m, a, c in expected.by_month
    ]
    assert sum(dec(r[1].value) for r in month_rows) == dec(month_rows[-1][2].value)


def test_follow_up_pdf_and_html(personas, claim, costs):
    payment_claim_submit(user=personas.applicant, claim=claim)
    cost(personas, costs, day=datetime.date(2024, 9, 1), amount=Decimal("400000"))
    with translation.override("fi"):
        data = exports.follow_up_pdf(costs)
        html = plain(exports.follow_up_pdf_html(costs))
    assert data.startswith(b"%PDF")
    for text in ["364 645 €", "510 503 €", "408 403 €", "Ylittää budjetin", "3/2024", "1.9.2023"]:
        assert text in html, text
    with translation.override("en"):
        html = plain(exports.follow_up_pdf_html(costs))
    assert "€364,645" in html and "Mar 2024" in html


def test_pdf_fetches_nothing_from_the_network():
    fetcher = exports._offline_fetcher()
    for url in ("http://example.com/logo.png", "https://example.com/x.css", "file:///etc/passwd"):
        with pytest.raises(ValueError):
            fetcher.fetch(url)
    data = exports.render_pdf(
        '<html><head><title>T</title><link rel="stylesheet" href="https://example.com/x.css">'
        '</head><body><img src="http://example.com/logo.png"><p>x</p></body></html>'
    )
    assert data.startswith(b"%PDF")
