"""Seeded generators of EURA 2021 exports and Kohesio CSVs for the data set import tests."""

import csv
import datetime
import io
import random
from decimal import Decimal

EURA_HEADERS = [
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
# the same columns as a real EURA file may write them
EURA_VARIANT_HEADERS = [
    "HANKEKOODI",
    " rahasto ",
    "Toimintalinja",
    "Erityistavoite",
    "Hankkeen  nimi",
    "Toteuttaja",
    "Y-tunnus",
    "Rahoittava viranomainen",
    "Tila",
    "Aloituspäivä",
    "Päättymispäivä",
    "EU- ja valtion rahoitus (suunniteltu)",
    "EU- ja valtion rahoitus (toteutunut)",
    "Julkinen rahoitus (suunniteltu) €",
    "Julkinen rahoitus (toteutunut)",
    "Kokonaisrahoitus (suunniteltu)",
    "Kokonaisrahoitus (toteutunut)",
    "Toimenpidealue",
    "Sijainti",
    "Postinumerot",
    "Tiivistelmä",
    "Hankkeen kotisivu",
]
KOHESIO_HEADERS = [
    "Operation_Unique_Identifier",
    "Operation_Name",
    "Operation_Summary",
    "Operation_Start_Date",
    "Operation_End_Date",
    "Cofinancing_Rate",
    "Total_Eligible_Expenditure_amount",
    "Project_EU_Budget",
    "Beneficiary_Name",
    "Category_Of_Intervention",
    "Fund_Name",
    "Programme_Name",
    "NUTS3_Code",
]
FUNDS = ["EAKR", "ESR+", "JTF", "Euroopan aluekehitysrahasto"]
PREFIX = {"EAKR": "A", "ESR+": "S", "JTF": "J", "Euroopan aluekehitysrahasto": "A"}
AUTHORITIES = ["Pohjois-Pohjanmaan ELY-keskus", "Lapin liitto", "Lapin ELY-keskus"]
PLACES = ["Lappi (Rovaniemi)", "Pohjois-Pohjanmaa", "Lappi (Kemi, Rovaniemi); Pohjois-Pohjanmaa"]
STATUSES = ["Käynnissä", "Päättynyt", "käynnissä", "PÄÄTTYNYT"]


def business_id(number: int) -> str | None:
    """A valid Y-tunnus from seven digits, or None when no check digit exists for them."""
    digits = f"{number:07d}"
    remainder = sum(int(d) * w for d, w in zip(digits, (7, 9, 10, 5, 8, 4, 2), strict=True)) % 11
    if remainder == 1:
        return None
    return f"{digits}-{0 if remainder == 0 else 11 - remainder}"


def organisations(count: int, seed: int = 1) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    result = []
    while len(result) < count:
        bid = business_id(rng.randrange(1000000, 9999999))
        if bid and bid not in {b for _n, b in result}:
            result.append((f"Toteuttaja {len(result)} Oy", bid))
    return result


def eura_rows(count: int, *, seed: int = 7, code_start: int = 10000) -> list[dict]:
    """`count` valid EURA rows as {header key: Python value} (Decimal money, date dates)."""
    rng = random.Random(seed)
    orgs = organisations(40, seed)
    rows = []
    for index in range(count):
        fund = rng.choice(FUNDS)
        total = Decimal(rng.randrange(20000, 2000000)) + Decimal(rng.randrange(100)) / 100
        aid = (total * Decimal(rng.choice([50, 60, 70, 75, 80])) / 100).quantize(Decimal("1"))
        public = aid + (total - aid) * Decimal(rng.choice([0, 50, 100])) / 100
        public = public.quantize(Decimal("0.01"))
        start = datetime.date(2022, 1, 1) + datetime.timedelta(days=rng.randrange(700))
        end = start + datetime.timedelta(days=rng.randrange(180, 1200))
        name, bid = rng.choice(orgs)
        rows.append(
            {
                "code": f"{PREFIX[fund]}{code_start + index}",
                "fund": fund,
                "priority_axis": "7 Oikeudenmukainen siirtymä" if fund == "JTF" else "",
                "specific_objective": "7.1 Osaaminen" if fund == "JTF" else "",
                "name": f"Hanke {index}: {rng.choice(['Digiloikka', 'Vihreä siirtymä', 'Osaajat'])}",
                "implementer": name,
                "business_id": bid,
                "funding_authority": rng.choice(AUTHORITIES),
                "status": rng.choice(STATUSES),
                "start_date": start,
                "end_date": end,
                "eu_planned": aid,
                "eu_realised": None,
                "public_planned": public,
                "public_realised": None,
                "total_planned": total,
                "total_realised": None,
                "field_of_intervention": "",
                "location": rng.choice(PLACES),
                "postcodes": "",
                "summary": f"Tiivistelmä {index}. Hanke kehittää alueen osaamista.",
                "homepage": f"https://hanke{index}.example.fi/",
            }
        )
    return rows


KEYS = list(eura_rows(1)[0])


def _finnish_money(amount: Decimal) -> str:
    whole, cents = f"{amount:.2f}".split(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    return "\u00a0".join(groups) + "," + cents


def eura_csv(
    rows: list[dict], *, headers=EURA_HEADERS, delimiter=";", encoding="utf-8-sig"
) -> bytes:
    """CSV with Finnish dates (d.m.yyyy) and, with `;`, decimal commas and thousands spaces."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(headers)
    for row in rows:
        cells = []
        for key in KEYS:
            value = row[key]
            if value is None:
                cells.append("")
            elif isinstance(value, Decimal):
                cells.append(_finnish_money(value) if delimiter == ";" else f"{value:.2f}")
            elif isinstance(value, datetime.date):
                cells.append(f"{value.day}.{value.month}.{value.year}")
            else:
                cells.append(value)
        writer.writerow(cells)
    return buffer.getvalue().encode(encoding)


def eura_xlsx(rows: list[dict], *, headers=EURA_HEADERS) -> bytes:
    """XLSX with numeric money cells and date cells, like EURA's own download."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Hankkeet")
    sheet.append(headers)
    for row in rows:
        sheet.append([float(v) if isinstance(v, Decimal) else v for v in (row[k] for k in KEYS)])
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def kohesio_rows(count: int, *, seed: int = 11) -> list[dict]:
    rng = random.Random(seed)
    rows = []
    for index in range(count):
        total = Decimal(rng.randrange(10000, 3000000))
        rate = rng.choice([Decimal("40"), Decimal("50"), Decimal("70")])
        start = datetime.date(2015, 1, 1) + datetime.timedelta(days=rng.randrange(2000))
        end = start + datetime.timedelta(days=rng.randrange(100, 1500))
        # a third of the operations are listed by their EURA code, the rest by a Kohesio id
        identifier = f"A{70000 + index}" if index % 3 == 0 else f"Q{900000 + index}"
        rows.append(
            {
                "Operation_Unique_Identifier": identifier,
                "Operation_Name": f"Operation {index}: {rng.choice(['Smart growth', 'Skills', 'Green'])}",
                "Operation_Summary": f"Summary of operation {index}.",
                "Operation_Start_Date": start.isoformat(),
                "Operation_End_Date": end.isoformat(),
                "Cofinancing_Rate": f"{rate:.2f}",
                "Total_Eligible_Expenditure_amount": f"{total:.2f}",
                "Project_EU_Budget": f"{(total * rate / 100):.2f}",
                "Beneficiary_Name": f"Beneficiary {rng.randrange(60)} Oy",
                "Category_Of_Intervention": rng.choice(["001", "016", "099"]),
                "Fund_Name": rng.choice(
                    ["European Regional Development Fund", "European Social Fund", "ERDF"]
                ),
                "Programme_Name": "Sustainable growth and jobs 2014-2020",
                "NUTS3_Code": rng.choice(["FI1D7", "FI1D9"]),
            }
        )
    return rows


def kohesio_csv(rows: list[dict], *, headers=KOHESIO_HEADERS, encoding="utf-8") -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(headers)
    for row in rows:
        writer.writerow([row[key] for key in KOHESIO_HEADERS])
    return buffer.getvalue().encode(encoding)
