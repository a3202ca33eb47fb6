"""Import of public project data sets: the Kohesio CSV and the EURA 2021 public search export
(XLSX or CSV, Finnish column names, as `hanke.portal.exports` writes it too).

`kohesio_import(file, user=…)` and `eura_import(file, filename=…, user=…)` return an
`ImportSummary` (created, updated, unchanged, rejected rows with the reason). They are
idempotent: a second import of the same file changes nothing (not even `updated_at`), a changed
row updates its record, nothing is ever duplicated.

**Reading, streamed.** Rows are read one at a time (openpyxl's read-only workbook, or the csv
module over a text stream) and written in chunks of `CHUNK_SIZE` rows, each chunk in its own
transaction and inside `hanke.portal.search.deferred()`, so a project is indexed once per
chunk. Each row has its own savepoint: a rejected row never rolls back the others. CSV: the
delimiter (`;`, `,` or tab) is taken from the header line; the encoding is UTF-8 (with or
without a byte-order mark) when the whole file decodes as UTF-8, else cp1252 (checked by one
streamed pass before the import). A leading `'` that a spreadsheet export puts before a text
beginning with `=`, `+`, `-` or `@` is removed.

**Headers** are matched by a normalised name (case, spaces, punctuation, "(…)" vs ", …" and
"€" do not matter) against a table of aliases: for the EURA export the headers of
`exports.COLUMNS` in Finnish, English and Swedish plus the variants real EURA files use.
Missing required columns make the whole file fail with a message naming them; unknown
columns are listed in the summary's warnings and ignored.

**Mapping decisions.**

- *Key.* EURA rows: the project code (S/A/J… + digits); a row without a code is matched by its
  name and implementer among projects without a code (never by name alone: two projects may
  share a name). Kohesio rows: when the operation identifier is a EURA code (Finnish
  operations are listed by it) it is the project code, so Kohesio and EURA imports meet in one
  record; otherwise Project has no field for an external id, and the key is
  `source_document = "kohesio:<identifier>"` (without an identifier column:
  `kohesio:<hash of name, beneficiary and start date>`). Other projects get `source_document`
  = the file name.
- *Organisations* by business ID (validated by python-stdnum; a bad one rejects the row), else
  by exact name in any language; created when missing (type guessed from the name: Oy,
  ry, kunta, ammattikorkeakoulu …). An existing organisation is never renamed.
- *Funds* by code, abbreviation or name in any language, and by the usual names of the EU
  funds (ERDF/EAKR/Euroopan aluekehitysrahasto, ESF/ESR, ESF+/ESR+, JTF/OKTR); a known EU fund
  missing from the database is created from `KNOWN_FUNDS`; anything else rejects the row.
- *Funding authorities* by name in any language; created when missing, the kind from the name
  (ELY → ELY centre, liitto/förbund/regional council → regional council, ministeriö/ministry →
  ministry, else other).
- *Programmes, priority axes and specific objectives* are reference data with codes and
  periods from the programme document: they are matched (objective by its code "7.1", narrowed
  by the priority axis number and the start year when codes repeat; programme by code or name)
  and never created. What does not match is left empty and written in the source notes.
- *Status* from Finnish, Swedish or English words (Käynnissä, Päättynyt, ongoing, closed …);
  an unknown word rejects the row; without a status column (Kohesio) the status is derived
  from the end date (ended when it has passed, else ongoing) and the notes say so.
- *Places*: EURA "Sijainti" (`Lappi (Kemi, Rovaniemi); Pohjois-Pohjanmaa`): a region with
  municipalities in brackets records the municipalities, a region alone the region; Kohesio
  NUTS3_Code → `core.Region.nuts3_code`. Unknown places go to the notes.
- *Money* → Decimal from "1 234,50", "1234.50", "1,234.50" or numeric cells; negative amounts
  reject the row. EURA financing: planned EU and state → aid; planned public − aid → other
  public (the export knows only "public": the notes say the municipal share is not itemised);
  total − public → unspecified ("Other funding, not itemised in the source"); planned total →
  `Budget.total_cost`, cost model "unknown". Kohesio: Total_Eligible_Expenditure_amount → total;
  Project_EU_Budget (or total × Cofinancing_Rate) is the EU share only: it is recorded as the
  aid line and the rest as unspecified, and the notes say the state share is not given. All
  through `finance.services.budget_set`, so its rules hold: a row whose aid is above the
  maximum rate (the call's, else 80 % / 70 %) is rejected with the service's message. An
  existing budget whose figures agree with the file at the file's granularity (same total,
  aid and public sum) is left as it is, with its finer split; an existing itemised budget keeps
  its cost lines (a total that no longer matches them rejects the row).
- Empty cells mean "not given": they never blank out a value already recorded. Realised
  funding, field of intervention / category of intervention and postcodes have no field: the
  notes record them. Imported projects are public (`is_public`), written in Finnish (EURA) or
  English (Kohesio): names, summaries and notes go to that language's fields, and the notes
  are written in that language whatever the language of the person importing.
"""

import codecs
import csv
import datetime
import hashlib
import io
import itertools
import re
import unicodedata
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

CHUNK_SIZE = 500
ENCODING_CHECK_CHUNK = 1 << 20
KOHESIO, EURA = "kohesio", "eura"
FORMATS = (KOHESIO, EURA)
CODE_RE = re.compile(r"^[A-Z]\d{3,8}$")
# a Kohesio identifier that is a EURA code (ESF S…, ERDF A…, JTF J…), not a Kohesio "Q…" id
KOHESIO_EURA_CODE_RE = re.compile(r"^[SAJ]\d{4,6}$")
NUMBERED_RE = re.compile(r"^\s*(\d+(?:\.\d+)*)\.?\s+(.*)$|^\s*(\d+(?:\.\d+)*)\.?\s*$")
FORMULA_STARTS = ("=", "+", "-", "@")
EMPTY = object()


class Note:
    """A note for the record's source notes, translated when it is written (in the record's
    language, not the importing person's): `gettext_noop("…%(x)s") % {"x": …}`."""

    def __init__(self, message: str):
        self.message, self.params = message, {}

    def __mod__(self, params: dict) -> "Note":
        self.params = params
        return self

    def render(self) -> str:
        from hanke.core.formatting import format_money

        def show(value):
            if isinstance(value, Decimal):
                return str(format_money(value))
            if isinstance(value, list):  # [(label, amount), …]
                return "; ".join(f"{label} {show(amount)}" for label, amount in value)
            return value

        text = _(self.message)
        if not self.params:
            return text
        return text % {key: show(value) for key, value in self.params.items()}


def gettext_noop(message: str) -> Note:
    """Marks a note's text for translation (makemessages reads the name) and keeps it
    untranslated until the record's language is known."""
    return Note(message)


class DatasetError(Exception):
    """The file as a whole cannot be imported (unreadable, empty, required columns missing).
    The message is translated and meant for the person importing."""


@dataclass
class ImportSummary:
    format: str
    filename: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list = field(default_factory=list)  # (row number, reason)
    warnings: list = field(default_factory=list)
    dry_run: bool = False

    @property
    def rows(self) -> int:
        return self.created + self.updated + self.unchanged + len(self.rejected)

    def as_text(self) -> str:
        lines = [
            _("%(file)s (%(format)s): %(rows)s rows.")
            % {"file": self.filename, "format": FORMAT_LABELS[self.format], "rows": self.rows},
            _(
                "Created %(created)s, updated %(updated)s, unchanged %(unchanged)s, rejected %(rejected)s."
            )
            % {
                "created": self.created,
                "updated": self.updated,
                "unchanged": self.unchanged,
                "rejected": len(self.rejected),
            },
        ]
        if self.dry_run:
            lines.append(_("Dry run: nothing was saved."))
        lines.extend(self.warnings)
        for row, reason in self.rejected:
            lines.append(_("Row %(row)s: %(reason)s") % {"row": row, "reason": reason})
        return "\n".join(lines)


FORMAT_LABELS = {KOHESIO: "Kohesio", EURA: "EURA 2021"}


# --- Headers --------------------------------------------------------------------------------


def normalise(text) -> str:
    """Casefolded, accents kept, punctuation and brackets as spaces, "EU- ja" = "EU ja"."""
    text = unicodedata.normalize("NFKC", str(text or "")).casefold().replace("\ufeff", "")
    text = text.replace("_", " ").replace("€", " ").replace("\u00a0", " ")
    text = re.sub(r"\beur\b|\beuroa?\b", " ", text)
    text = re.sub(r"-(\s|$)", r"\1", text)  # "eu- ja" -> "eu ja"
    text = re.sub(r"[()\[\]{}:;,.*/]", " ", text)
    return " ".join(text.split())


EURA_EXTRA_ALIASES = {
    "code": ["koodi", "hankkeen koodi", "hanketunnus", "project id", "eura code", "eura koodi"],
    "fund": ["rahasto", "rahastot", "fund"],
    "priority_axis": ["toimintalinja", "priority"],
    "specific_objective": ["erityistavoite", "specific objective"],
    "name": ["nimi", "hanke", "hankkeen nimi suomeksi", "project title", "otsikko"],
    "implementer": ["toteuttaja", "hankkeen toteuttaja", "toteuttajan nimi", "tuensaaja"],
    "business_id": [
        "y tunnus",
        "ytunnus",
        "toteuttajan y-tunnus",
        "toteuttajan y tunnus",
        "business id",
    ],
    "funding_authority": ["rahoittaja", "rahoittava viranomainen", "välittävä toimielin"],
    "status": ["tila", "hankkeen tila"],
    "start_date": ["aloituspäivä", "alkamispäivä", "alkamispvm", "aloituspvm", "alkaa"],
    "end_date": ["päättymispäivä", "päättymispvm", "loppumispäivä", "päättyy"],
    "eu_planned": [
        "eu ja valtion rahoitus suunniteltu",
        "suunniteltu eu ja valtion rahoitus",
        "eu ja valtion rahoitus",
        "myönnetty eu ja valtion rahoitus",
    ],
    "eu_realised": ["eu ja valtion rahoitus toteutunut", "toteutunut eu ja valtion rahoitus"],
    "public_planned": [
        "julkinen rahoitus suunniteltu",
        "suunniteltu julkinen rahoitus",
        "julkinen rahoitus",
    ],
    "public_realised": ["julkinen rahoitus toteutunut", "toteutunut julkinen rahoitus"],
    "total_planned": [
        "kokonaisrahoitus suunniteltu",
        "suunniteltu kokonaisrahoitus",
        "kokonaisrahoitus",
        "kokonaisbudjetti",
    ],
    "total_realised": ["kokonaisrahoitus toteutunut", "toteutunut kokonaisrahoitus"],
    "field_of_intervention": ["toimenpidealue", "toimenpidealueet", "interventiokenttä"],
    "location": ["sijainti", "sijainnit", "alue", "toteutusalue"],
    "postcodes": ["postinumerot", "postinumero"],
    "summary": ["tiivistelmä", "hankkeen tiivistelmä", "kuvaus", "hankkeen kuvaus"],
    "homepage": ["hankkeen kotisivu", "kotisivu", "verkkosivu", "www", "url"],
}
EURA_REQUIRED = ("code", "name")

KOHESIO_ALIASES = {
    "operation_id": [
        "operation unique identifier",
        "operation identifier",
        "operation id",
        "operation code",
        "kohesio id",
        "project id",
        "id",
    ],
    "name": ["operation name", "project name", "name"],
    "summary": ["operation summary", "project summary", "summary"],
    "start_date": ["operation start date", "project start date", "start date"],
    "end_date": ["operation end date", "project end date", "end date"],
    "cofinancing_rate": ["cofinancing rate", "co financing rate", "eu cofinancing rate"],
    "total": [
        "total eligible expenditure amount",
        "total eligible expenditure",
        "total budget",
        "project total budget",
    ],
    "eu_budget": ["project eu budget", "eu budget", "eu contribution"],
    "beneficiary": ["beneficiary name", "beneficiary"],
    "category": ["category of intervention", "category of intervention code"],
    "fund": ["fund name", "fund"],
    "programme": ["programme name", "program name", "programme"],
    "nuts3": ["nuts3 code", "nuts 3 code", "nuts3"],
    "website": ["project website", "operation website", "website"],
    "country": ["beneficiary country", "country"],
}
KOHESIO_REQUIRED = ("name",)


def _eura_aliases() -> dict[str, str]:
    from hanke.portal.exports import COLUMNS

    aliases: dict[str, str] = {}
    for key, names in EURA_EXTRA_ALIASES.items():
        for name in names:
            aliases.setdefault(normalise(name), key)
    for language in ("fi", "en", "sv"):
        with translation.override(language):
            for column in COLUMNS:
                aliases.setdefault(normalise(str(column.header)), column.key)
    return aliases


def _kohesio_aliases() -> dict[str, str]:
    return {normalise(name): key for key, names in KOHESIO_ALIASES.items() for name in names}


@dataclass(frozen=True)
class Layout:
    """Which column holds what: key -> (index, header as written in the file)."""

    columns: dict
    unknown: list

    def header(self, key: str) -> str:
        return self.columns[key][1]


def match_headers(header: list, aliases: dict[str, str], required, format_: str) -> Layout:
    columns: dict = {}
    unknown = []
    for index, text in enumerate(header):
        written = str(text or "").strip()
        if not written:
            continue
        key = aliases.get(normalise(written))
        if key is None or key in columns:
            unknown.append(written)
        else:
            columns[key] = (index, written)
    missing = [key for key in required if key not in columns]
    if missing:
        names = _required_names(format_, missing)
        raise DatasetError(
            _("Required columns are missing: %(missing)s. The header row has: %(found)s.")
            % {
                "missing": ", ".join(f"“{name}”" for name in names),
                "found": ", ".join(f"“{str(text).strip()}”" for text in header if text) or "–",
            }
        )
    return Layout(columns, unknown)


def _required_names(format_: str, keys) -> list[str]:
    if format_ == EURA:
        from hanke.portal.exports import COLUMNS

        with translation.override("fi"):
            headers = {column.key: str(column.header) for column in COLUMNS}
        return [headers[key] for key in keys]
    return [{"name": "Operation_Name"}.get(key, key) for key in keys]


def guess_format(header: list) -> str | None:
    """EURA or Kohesio by which alias table recognises more of the header row."""
    names = [normalise(text) for text in header if text]
    eura, kohesio = _eura_aliases(), _kohesio_aliases()
    scores = {
        EURA: sum(1 for name in names if name in eura),
        KOHESIO: sum(1 for name in names if name in kohesio and "operation" in name)
        + sum(2 for name in names if name in ("operation name", "beneficiary name")),
    }
    best = max(scores, key=scores.get)
    if scores[best] == 0 or scores[EURA] == scores[KOHESIO]:
        return None
    return best


# --- Reading the file -----------------------------------------------------------------------


def _is_xlsx(filename: str) -> bool:
    return Path(filename).suffix.lower() in (".xlsx", ".xlsm")


def _utf8_throughout(binary) -> bool:
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        for chunk in iter(lambda: binary.read(ENCODING_CHECK_CHUNK), b""):
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    finally:
        binary.seek(0)
    return True


def _csv_rows(binary) -> Iterator[tuple[int, list]]:
    encoding = "utf-8-sig" if _utf8_throughout(binary) else "cp1252"
    text = io.TextIOWrapper(binary, encoding=encoding, errors="replace", newline="")
    first = text.readline()
    if not first.strip():
        return
    counts = {delimiter: first.count(delimiter) for delimiter in (";", ",", "\t")}
    delimiter = max(counts, key=counts.get)
    csv.field_size_limit(max(csv.field_size_limit(), 64 * 1024 * 1024))
    reader = csv.reader(itertools.chain([first], text), delimiter=delimiter)
    for number, row in enumerate(reader, start=1):
        yield number, [_unprotect(cell) for cell in row]


def _unprotect(cell: str) -> str:
    """`'=SUM` (a text that a spreadsheet export protected from being run) → `=SUM`."""
    if cell.startswith("'") and cell[1:2] in FORMULA_STARTS:
        return cell[1:]
    return cell


def _xlsx_rows(binary, stack: ExitStack) -> Iterator[tuple[int, list]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(binary, read_only=True, data_only=True)
    except Exception as exc:  # zipfile.BadZipFile, KeyError, InvalidFileException, XML errors
        raise DatasetError(
            _("The file is not an Excel workbook (.xlsx) or it is damaged: %(error)s")
            % {"error": exc}
        ) from exc
    stack.callback(workbook.close)
    if not workbook.worksheets:
        return
    for number, row in enumerate(workbook.worksheets[0].iter_rows(values_only=True), start=1):
        yield number, list(row)


def _blank(row: list) -> bool:
    return all(cell is None or (isinstance(cell, str) and not cell.strip()) for cell in row)


def _table(binary, filename: str, stack: ExitStack):
    """(header, rows) where rows yields (row number, cells) after the header row."""
    rows = _xlsx_rows(binary, stack) if _is_xlsx(filename) else _csv_rows(binary)
    try:
        for _number, row in rows:
            if not _blank(row):
                return row, rows
    except UnicodeError as exc:
        raise DatasetError(_("The file could not be read: %(error)s") % {"error": exc}) from exc
    except csv.Error as exc:
        raise DatasetError(_("The file could not be read: %(error)s") % {"error": exc}) from exc
    raise DatasetError(_("The file is empty: it has no header row."))


def _open(file, stack: ExitStack):
    if isinstance(file, (str, Path)):
        try:
            return stack.enter_context(open(file, "rb"))  # noqa: SIM115
        except OSError as exc:
            raise DatasetError(
                _("The file could not be read: %(error)s") % {"error": exc.strerror or exc}
            ) from exc
    if isinstance(file, bytes):
        return io.BytesIO(file)
    return file


def read_header(file, *, filename: str) -> list:
    """The header row only (to guess the format)."""
    with ExitStack() as stack:
        header, _rows = _table(_open(file, stack), filename, stack)
        if hasattr(file, "seek"):
            file.seek(0)
        return header


# --- Values ---------------------------------------------------------------------------------


class RowError(Exception):
    pass


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return (
        " ".join(str(value).replace("\u00a0", " ").split())
        if "\n" not in str(value)
        else (str(value).strip())
    )


DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y", "%d/%m/%Y", "%Y/%m/%d")


def parse_date(value, column: str) -> datetime.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        from openpyxl.utils.datetime import from_excel

        try:
            return from_excel(value).date()
        except (ValueError, OverflowError, TypeError):
            pass
    else:
        text = _text(value)
        if not text:
            return None
        candidate = re.sub(r"[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$", "", text)
        for form in DATE_FORMATS:
            try:
                day = datetime.datetime.strptime(candidate, form).date()
            except ValueError:
                continue
            if 1900 <= day.year <= 2100:
                return day
    raise RowError(
        _("%(column)s: “%(value)s” is not a date (write 31.12.2024 or 2024-12-31).")
        % {"column": column, "value": _text(value)}
    )


def parse_money(value, column: str) -> Decimal | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        amount = None
    elif isinstance(value, int):
        amount = Decimal(value)
    elif isinstance(value, float):
        amount = Decimal(repr(value))
    elif isinstance(value, Decimal):
        amount = value
    else:
        amount = _money_text(str(value))
    if amount is None or not amount.is_finite():
        raise RowError(
            _("%(column)s: “%(value)s” is not an amount of money.")
            % {"column": column, "value": _text(value)}
        )
    if amount < 0:
        raise RowError(
            _("%(column)s: the amount cannot be negative (“%(value)s”).")
            % {"column": column, "value": _text(value)}
        )
    return amount.quantize(Decimal("0.01"))


def _money_text(text: str) -> Decimal | None:
    text = re.sub(r"[\s\u00a0\u202f']", "", text)
    text = re.sub(r"(?i)^(€|eur)|(€|eur|euroa?)$", "", text)
    if not text:
        return None
    negative = text.startswith(("-", "−"))
    text = text.lstrip("-−+")
    if "," in text and "." in text:
        decimal_mark = "," if text.rfind(",") > text.rfind(".") else "."
        thousands = "." if decimal_mark == "," else ","
        text = text.replace(thousands, "").replace(decimal_mark, ".")
    elif "," in text:
        parts = text.split(",")
        if len(parts) == 2 and len(parts[1]) <= 2:
            text = text.replace(",", ".")
        elif all(len(part) == 3 for part in parts[1:]):
            text = text.replace(",", "")
        else:
            return None
    elif text.count(".") > 1:
        parts = text.split(".")
        if not all(len(part) == 3 for part in parts[1:]):
            return None
        text = text.replace(".", "")
    if not re.fullmatch(r"\d+(\.\d+)?", text):
        return None
    try:
        amount = Decimal(text)
    except InvalidOperation:
        return None
    return -amount if negative else amount


def parse_rate(value) -> Decimal | None:
    """A co-financing rate as a percentage: 50, "50 %", "50,00" or 0.5."""
    if value is None or value == "":
        return None
    text = str(value).replace("%", "").strip()
    try:
        rate = parse_money(text if not isinstance(value, (int, float)) else value, "")
    except RowError:
        return None
    if rate is None:
        return None
    if rate <= 1:
        rate = rate * 100
    return rate if rate <= 100 else None


def _money_text_out(amount: Decimal) -> str:
    from hanke.core.formatting import format_money

    return str(format_money(amount))


# --- Reference data, read once per import ---------------------------------------------------

KNOWN_FUNDS = {
    "ERDF": {
        "aliases": [
            "erdf",
            "eakr",
            "eruf",
            "euroopan aluekehitysrahasto",
            "european regional development fund",
            "europeiska regionala utvecklingsfonden",
        ],
        "prefix": "A",
        "abbreviation": ("EAKR", "ERDF", "ERUF"),
        "name": (
            "Euroopan aluekehitysrahasto",
            "European Regional Development Fund",
            "Europeiska regionala utvecklingsfonden",
        ),
    },
    "ESF": {
        "aliases": [
            "esf",
            "esr",
            "euroopan sosiaalirahasto",
            "european social fund",
            "europeiska socialfonden",
        ],
        "prefix": "S",
        "abbreviation": ("ESR", "ESF", "ESF"),
        "name": ("Euroopan sosiaalirahasto", "European Social Fund", "Europeiska socialfonden"),
    },
    "ESF+": {
        "aliases": [
            "esf+",
            "esr+",
            "esf plus",
            "esr plus",
            "euroopan sosiaalirahasto plus",
            "european social fund plus",
            "europeiska socialfonden plus",
        ],
        "prefix": "S",
        "abbreviation": ("ESR+", "ESF+", "ESF+"),
        "name": (
            "Euroopan sosiaalirahasto plus",
            "European Social Fund Plus",
            "Europeiska socialfonden plus",
        ),
    },
    "JTF": {
        "aliases": [
            "jtf",
            "oktr",
            "fro",
            "oikeudenmukaisen siirtymän rahasto",
            "just transition fund",
            "fonden för en rättvis omställning",
        ],
        "prefix": "J",
        "abbreviation": ("JTF", "JTF", "FRO"),
        "name": (
            "Oikeudenmukaisen siirtymän rahasto",
            "Just Transition Fund",
            "Fonden för en rättvis omställning",
        ),
    },
}

STATUS_WORDS = {
    "ongoing": [
        "käynnissä",
        "käynnissä oleva",
        "toteutuksessa",
        "ongoing",
        "in progress",
        "active",
        "running",
        "pågående",
        "pågår",
    ],
    "ended": [
        "päättynyt",
        "päättyneet",
        "päätetty",
        "loppuunsaatettu",
        "suljettu",
        "ended",
        "closed",
        "completed",
        "finished",
        "avslutad",
        "avslutat",
    ],
    "approved": ["hyväksytty", "myönnetty", "rahoitettu", "approved", "selected", "godkänd"],
    "in_assessment": ["arvioitavana", "käsittelyssä", "in assessment", "under bedömning"],
    "rejected": ["hylätty", "rejected", "avslagen"],
    "submitted": ["jätetty", "submitted", "inlämnad"],
    "draft": ["luonnos", "draft", "utkast"],
    "returned": ["palautettu täydennettäväksi", "returned for additions"],
}


def _fund_kind_of_authority(name: str) -> str:
    from hanke.programmes.models import FundingAuthority

    text = name.casefold()
    if "ely" in text or "ntm" in text or "centre for economic development" in text:
        return FundingAuthority.Kind.ELY_CENTRE
    if "liitto" in text or "förbund" in text or "regional council" in text:
        return FundingAuthority.Kind.REGIONAL_COUNCIL
    if "ministeriö" in text or "ministry" in text or "ministeriet" in text:
        return FundingAuthority.Kind.MINISTRY
    return FundingAuthority.Kind.OTHER


def _organisation_type(name: str) -> str:
    from hanke.accounts.models import Organisation

    text = f" {name.casefold()} "
    rules = (
        ("ammattikorkeakoulu", Organisation.Type.UNIVERSITY_OF_APPLIED_SCIENCES),
        ("university of applied sciences", Organisation.Type.UNIVERSITY_OF_APPLIED_SCIENCES),
        ("yliopisto", Organisation.Type.UNIVERSITY),
        ("university", Organisation.Type.UNIVERSITY),
        ("kuntayhtymä", Organisation.Type.MUNICIPALITY_CONSORTIUM),
        ("kauppakamari", Organisation.Type.CHAMBER_OF_COMMERCE),
        ("liitto", Organisation.Type.REGIONAL_COUNCIL),
        ("ely-keskus", Organisation.Type.STATE_AUTHORITY),
        (" kunta ", Organisation.Type.MUNICIPALITY),
        (" kaupunki ", Organisation.Type.MUNICIPALITY),
        (" ry ", Organisation.Type.ASSOCIATION),
        (" oy ", Organisation.Type.COMPANY),
        (" oyj ", Organisation.Type.COMPANY),
        (" ab ", Organisation.Type.COMPANY),
    )
    for word, kind in rules:
        if word in text:
            return kind
    return Organisation.Type.OTHER


class Reference:
    """Lookups of funds, authorities, programmes, objectives and places, read once per import,
    and of organisations, read per chunk and kept."""

    def __init__(self, *, language: str, filename: str):
        from hanke.core.models import Municipality, Region
        from hanke.programmes.models import Fund, FundingAuthority, Programme, SpecificObjective
        from hanke.projects import workflow

        self.language = language
        self.filename = filename
        self.funds: dict[str, int] = {}
        funds = list(Fund.objects.all())
        for attrs in (("code",), _fields("abbreviation"), _fields("name")):
            for fund in funds:
                for attr in attrs:
                    value = normalise(getattr(fund, attr, ""))
                    if value:
                        self.funds.setdefault(value, fund.pk)
        self.fund_codes = {fund.code: fund.pk for fund in funds}
        self.authorities: dict[str, int] = {}
        for authority in FundingAuthority.objects.all():
            for attr in _fields("name"):
                value = normalise(getattr(authority, attr))
                if value:
                    self.authorities.setdefault(value, authority.pk)
        self.programmes: dict[str, int] = {}
        self.programme_periods: dict[int, tuple[int, int]] = {}
        for programme in Programme.objects.all():
            self.programme_periods[programme.pk] = (programme.period_start, programme.period_end)
            for value in (programme.code, *(getattr(programme, a) for a in _fields("name"))):
                if normalise(value):
                    self.programmes.setdefault(_programme_key(value), programme.pk)
        self.objectives = []  # (id, code, axis number, programme id, names, axis names)
        for objective in SpecificObjective.objects.select_related("priority_axis"):
            axis = objective.priority_axis
            self.objectives.append(
                (
                    objective.pk,
                    objective.code,
                    axis.number,
                    axis.programme_id,
                    {normalise(getattr(objective, a)) for a in _fields("name")} - {""},
                )
            )
        self.regions_by_nuts: dict[str, int] = {}
        self.regions_by_name: dict[str, int] = {}
        for region in Region.objects.all():
            if region.nuts3_code:
                self.regions_by_nuts[region.nuts3_code.upper()] = region.pk
            for attr in _fields("name"):
                if normalise(getattr(region, attr)):
                    self.regions_by_name.setdefault(normalise(getattr(region, attr)), region.pk)
        self.municipalities: dict[str, int] = {}
        for municipality in Municipality.objects.all():
            for attr in _fields("name"):
                if normalise(getattr(municipality, attr)):
                    self.municipalities.setdefault(
                        normalise(getattr(municipality, attr)), municipality.pk
                    )
        self.statuses: dict[str, str] = {}
        for state, words in STATUS_WORDS.items():
            for word in words:
                self.statuses[normalise(word)] = state
        for code in ("fi", "en", "sv"):
            with translation.override(code):
                for state, label in workflow.STATES.items():
                    self.statuses.setdefault(normalise(str(label)), state)
        for state in workflow.STATES:
            self.statuses.setdefault(normalise(state), state)
        self.organisations: dict[tuple, int] = {}

    # Funds, authorities and organisations a row names are created when missing. A row that
    # fails after that is rolled back to its savepoint: `undo_row` forgets what it created.

    def begin_row(self) -> None:
        self._journal: list = []

    def undo_row(self) -> None:
        for table, key, old in reversed(getattr(self, "_journal", [])):
            if old is EMPTY:
                table.pop(key, None)
            else:
                table[key] = old
        self._journal = []

    def _remember(self, table: dict, key, value) -> None:
        journal = getattr(self, "_journal", None)
        if journal is not None:
            journal.append((table, key, table.get(key, EMPTY)))
        table[key] = value

    def _forget(self, table: dict, key) -> None:
        journal = getattr(self, "_journal", None)
        if journal is not None and key in table:
            journal.append((table, key, table[key]))
        table.pop(key, None)

    def _known_fund(self, key: str) -> str | None:
        for code, known in KNOWN_FUNDS.items():
            if key == normalise(code) or key in {normalise(alias) for alias in known["aliases"]}:
                return code
        return None

    def fund_check(self, text: str, column: str) -> None:
        key = normalise(text)
        if key not in self.funds and self._known_fund(key) is None:
            raise RowError(
                _("%(column)s: “%(value)s” is not a known fund (e.g. EAKR, ESR+, JTF).")
                % {"column": column, "value": text}
            )

    def fund(self, text: str, column: str) -> int:
        from hanke.programmes.models import Fund

        key = normalise(text)
        if key in self.funds:
            return self.funds[key]
        self.fund_check(text, column)
        code = self._known_fund(key)
        if code not in self.fund_codes:
            known = KNOWN_FUNDS[code]
            fi, en, sv = known["abbreviation"]
            name_fi, name_en, name_sv = known["name"]
            fund = Fund.objects.create(
                code=code,
                project_code_prefix=known["prefix"],
                abbreviation_fi=fi,
                abbreviation_en=en,
                abbreviation_sv=sv,
                name_fi=name_fi,
                name_en=name_en,
                name_sv=name_sv,
            )
            self._remember(self.fund_codes, code, fund.pk)
        self._remember(self.funds, key, self.fund_codes[code])
        return self.funds[key]

    def authority(self, name: str) -> int:
        from hanke.programmes.models import FundingAuthority

        key = normalise(name)
        if key not in self.authorities:
            authority = FundingAuthority(kind=_fund_kind_of_authority(name), name_fi=name)
            setattr(authority, f"name_{self.language}", name)  # a proper name
            authority.save()
            self._remember(self.authorities, key, authority.pk)
        return self.authorities[key]

    def status(self, text: str, column: str) -> str:
        key = normalise(text)
        if key in self.statuses:
            return self.statuses[key]
        raise RowError(
            _("%(column)s: “%(value)s” is not a known status (e.g. Käynnissä, Päättynyt).")
            % {"column": column, "value": text}
        )

    def programme(self, text: str) -> int | None:
        return self.programmes.get(_programme_key(text))

    def objective(self, code: str, name: str, axis: str, year: int | None) -> int | None:
        candidates = [o for o in self.objectives if code and o[1] == code]
        if not candidates and name:
            candidates = [o for o in self.objectives if normalise(name) in o[4]]
        if len(candidates) > 1 and axis:
            candidates = [o for o in candidates if o[2] == axis] or candidates
        if len(candidates) > 1 and year:
            candidates = [
                o
                for o in candidates
                if self.programme_periods[o[3]][0] <= year <= self.programme_periods[o[3]][1]
            ] or candidates
        if len(candidates) > 1 and name:
            candidates = [o for o in candidates if normalise(name) in o[4]] or candidates
        return candidates[0] if len(candidates) == 1 else None

    def prefetch_organisations(self, rows: list) -> None:
        from hanke.accounts.models import Organisation

        business_ids = {
            row.business_id
            for row in rows
            if row.business_id and ("bid", row.business_id) not in self.organisations
        }
        names = {
            row.implementer
            for row in rows
            if row.implementer and ("name", row.implementer) not in self.organisations
        }
        if business_ids:
            for pk, business_id in Organisation.objects.filter(
                business_id__in=business_ids
            ).values_list("pk", "business_id"):
                self.organisations[("bid", business_id)] = pk
        if names:
            query = Q()
            for attr in _fields("name"):
                query |= Q(**{f"{attr}__in": names})
            for values in (
                Organisation.objects.filter(query)
                .order_by("pk")
                .values("pk", "business_id", *_fields("name"))
            ):
                for attr in _fields("name"):
                    if values[attr] in names:
                        self.organisations.setdefault(("name", values[attr]), values["pk"])
                        if not values["business_id"]:
                            self.organisations.setdefault(("free", values[attr]), values["pk"])

    def organisation(self, name: str, business_id: str, *, create: bool = True) -> int | None:
        """The organisation's id, found by business ID, else by name; created when missing
        (unless `create` is false)."""
        from hanke.accounts.models import Organisation

        organisations = self.organisations
        if business_id and ("bid", business_id) in organisations:
            return organisations[("bid", business_id)]
        if business_id and name and ("free", name) in organisations:
            # known by name but without a business ID yet: the file gives it
            pk = organisations[("free", name)]
            if not create:
                return pk
            self._forget(organisations, ("free", name))
            Organisation.objects.filter(pk=pk, business_id="").update(business_id=business_id)
            self._remember(organisations, ("bid", business_id), pk)
            return pk
        if not business_id and ("name", name) in organisations:
            return organisations[("name", name)]
        if not name or not create:
            return None
        organisation = Organisation(
            business_id=business_id,
            org_type=_organisation_type(name),
            original_language=self.language,
            source_document=self.filename[:255],
            name_fi=name,  # a proper name: the same in every language
        )
        setattr(organisation, f"name_{self.language}", name)
        organisation.save()
        if business_id:
            self._remember(organisations, ("bid", business_id), organisation.pk)
        if ("name", name) not in organisations:
            self._remember(organisations, ("name", name), organisation.pk)
        return organisation.pk


def _fields(name: str) -> tuple[str, ...]:
    return tuple(f"{name}_{code}" for code in ("fi", "en", "sv"))


def _programme_key(text: str) -> str:
    return normalise(str(text or "").replace("–", "-").replace("—", "-")).replace("-", " ")


# --- One row --------------------------------------------------------------------------------


@dataclass
class Row:
    number: int
    language: str
    code: str = ""
    kohesio_key: str = ""
    name: str = ""
    implementer: str = ""
    business_id: str = ""
    fields: dict = field(default_factory=dict)  # project field -> value (given in the file)
    fund: tuple | None = None  # (text, column)
    authority: str = ""
    status: tuple | None = None  # (text, column)
    derive_status: bool = False
    regions: set | None = None
    municipalities: set | None = None
    financing: dict | None = None  # {"total", "aid", "public", "aid_at_least"}
    money_columns: dict = field(default_factory=dict)
    notes: list = field(default_factory=list)
    errors: list = field(default_factory=list)


def _cell(cells: list, layout: Layout, key: str):
    if key not in layout.columns:
        return None
    index = layout.columns[key][0]
    value = cells[index] if index < len(cells) else None
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def _collect(row: Row, function, *args):
    try:
        return function(*args)
    except RowError as exc:
        row.errors.append(str(exc))
    except ValidationError as exc:
        row.errors.extend(exc.messages)
    return None


def _limit(row: Row, value: str, max_length: int, column: str) -> str:
    if len(value) > max_length:
        row.errors.append(
            _("%(column)s: the text is longer than %(max)s characters.")
            % {"column": column, "max": max_length}
        )
        return ""
    return value


def _business_id(row: Row, value, column: str) -> str:
    from hanke.core.business_id import normalise_business_id

    text = _text(value)
    if not text:
        return ""
    try:
        return normalise_business_id(text)
    except ValidationError as exc:
        row.errors.append(f"{column}: {exc.messages[0]}")
        return ""


def _places(row: Row, text: str, reference: Reference) -> None:
    regions, municipalities, unknown = set(), set(), []
    parts = [part.strip() for part in re.split(r"[;,](?![^()]*\))", text) if part.strip()]
    for part in parts:
        match = re.match(r"^(.*?)\s*\((.*)\)\s*$", part)
        outer, inner = (match.group(1), match.group(2)) if match else (part, "")
        inner_names = [name.strip() for name in inner.split(",") if name.strip()]
        found_inner = False
        for name in inner_names:
            pk = reference.municipalities.get(normalise(name))
            if pk:
                municipalities.add(pk)
                found_inner = True
            else:
                unknown.append(name)
        key = normalise(outer)
        if key in reference.regions_by_name:
            if not found_inner:
                regions.add(reference.regions_by_name[key])
        elif key in reference.municipalities:
            municipalities.add(reference.municipalities[key])
        elif outer:
            unknown.append(outer)
    row.regions, row.municipalities = regions, municipalities
    if unknown:
        row.notes.append(
            gettext_noop("Places named in the source but not found in Hanke: %(places)s.")
            % {"places": ", ".join(unknown)}
        )


def _numbered(text: str) -> tuple[str, str]:
    """ "7.1 Osaaminen" → ("7.1", "Osaaminen"); "Osaaminen" → ("", "Osaaminen")."""
    match = NUMBERED_RE.match(text)
    if not match:
        return "", text.strip()
    if match.group(3):
        return match.group(3), ""
    return match.group(1), match.group(2).strip()


def _eura_row(number: int, cells: list, layout: Layout, reference: Reference) -> Row:
    row = Row(number=number, language="fi")
    value = lambda key: _cell(cells, layout, key)  # noqa: E731
    header = layout.header
    code = _text(value("code")).upper().replace(" ", "")
    if code and not CODE_RE.match(code):
        row.errors.append(
            _("%(column)s: “%(value)s” is not a project code (a letter and digits, e.g. S30355).")
            % {"column": header("code"), "value": _text(value("code"))}
        )
    row.code = code
    row.name = _limit(
        row, _text(value("name")), 300, header("name") if "name" in layout.columns else ""
    )
    if not row.code and not row.name:
        row.errors.append(_("The row has neither a project code nor a project name."))
    if row.name:
        row.fields["name_fi"] = row.name
    if value("implementer"):
        row.implementer = _limit(row, _text(value("implementer")), 255, header("implementer"))
    if value("business_id") is not None:
        row.business_id = _business_id(row, value("business_id"), header("business_id"))
    if value("fund"):
        row.fund = (_text(value("fund")), header("fund"))
    if value("funding_authority"):
        row.authority = _limit(
            row, _text(value("funding_authority")), 200, header("funding_authority")
        )
    if value("status"):
        row.status = (_text(value("status")), header("status"))
    else:
        row.derive_status = True
    for key in ("start_date", "end_date"):
        if value(key) is not None:
            day = _collect(row, parse_date, value(key), header(key))
            if day:
                row.fields[key] = day
    summary = value("summary")
    if summary:
        row.fields["summary_fi"] = str(summary).strip()
    homepage = _text(value("homepage"))
    if homepage:
        _homepage(row, homepage)
    # programme structure
    year = row.fields["start_date"].year if "start_date" in row.fields else None
    axis_number = ""
    if value("priority_axis"):
        axis_number, _axis_name = _numbered(_text(value("priority_axis")))
    if value("specific_objective"):
        text = _text(value("specific_objective"))
        objective_code, objective_name = _numbered(text)
        objective = reference.objective(objective_code, objective_name, axis_number, year)
        if objective:
            row.fields["specific_objective_id"] = objective[0]
            row.fields["programme_id"] = objective[3]
        else:
            row.notes.append(
                gettext_noop("Specific objective in the source, not found in Hanke: %(value)s.")
                % {"value": text}
            )
    elif value("priority_axis"):
        row.notes.append(
            gettext_noop("Priority axis in the source: %(value)s.")
            % {"value": _text(value("priority_axis"))}
        )
    if value("location"):
        _places(row, _text(value("location")), reference)
    # money
    money = {}
    for key in (
        "eu_planned",
        "public_planned",
        "total_planned",
        "eu_realised",
        "public_realised",
        "total_realised",
    ):
        if value(key) is not None:
            money[key] = _collect(row, parse_money, value(key), header(key))
            row.money_columns[key] = header(key)
    if money.get("total_planned") is not None:
        row.financing = {
            "total": money["total_planned"],
            "aid": money.get("eu_planned"),
            "public": money.get("public_planned"),
        }
        public, aid = money.get("public_planned"), money.get("eu_planned")
        if public is not None and aid is not None and public > aid:
            row.notes.append(
                gettext_noop(
                    "Public funding other than EU and state funding is recorded as other "
                    "public funding: the source does not say how much of it is municipal."
                )
            )
    elif money.get("eu_planned") is not None or money.get("public_planned") is not None:
        row.notes.append(
            gettext_noop("The source gives no total funding: the financing plan is not recorded.")
        )
    realised = [
        (header(key), money[key])
        for key in ("eu_realised", "public_realised", "total_realised")
        if money.get(key) is not None
    ]
    if realised:
        row.notes.append(
            gettext_noop("Realised funding in the source: %(figures)s.") % {"figures": realised}
        )
    for key, message in (
        ("field_of_intervention", gettext_noop("Field of intervention in the source: %(value)s.")),
        ("postcodes", gettext_noop("Postcodes in the source: %(value)s.")),
    ):
        if value(key):
            row.notes.append(message % {"value": _text(value(key))})
    return row


def _homepage(row: Row, homepage: str) -> None:
    if not re.match(r"(?i)^https?://", homepage):
        homepage = f"https://{homepage}"
    try:
        URLValidator()(homepage)
    except ValidationError:
        row.notes.append(
            gettext_noop("Homepage in the source, not a web address: %(value)s.")
            % {"value": homepage}
        )
        return
    if len(homepage) <= 200:
        row.fields["homepage"] = homepage


def _kohesio_row(number: int, cells: list, layout: Layout, reference: Reference) -> Row:
    row = Row(number=number, language="en")
    value = lambda key: _cell(cells, layout, key)  # noqa: E731
    header = layout.header
    row.name = _limit(row, _text(value("name")), 300, header("name"))
    if not row.name:
        row.errors.append(_("%(column)s: the operation has no name.") % {"column": header("name")})
    row.fields["name_en"] = row.name
    identifier = _text(value("operation_id"))
    if KOHESIO_EURA_CODE_RE.match(identifier.upper()):
        row.code = identifier.upper()
    elif identifier:
        row.kohesio_key = f"kohesio:{identifier}"[:255]
    else:
        digest = hashlib.sha1(
            "|".join([row.name, _text(value("beneficiary")), _text(value("start_date"))]).encode()
        ).hexdigest()[:16]
        row.kohesio_key = f"kohesio:{digest}"
    if value("beneficiary"):
        row.implementer = _limit(row, _text(value("beneficiary")), 255, header("beneficiary"))
    if value("fund"):
        row.fund = (_text(value("fund")), header("fund"))
    for key in ("start_date", "end_date"):
        if value(key) is not None:
            day = _collect(row, parse_date, value(key), header(key))
            if day:
                row.fields[key] = day
    row.derive_status = True
    if value("summary"):
        row.fields["summary_en"] = str(value("summary")).strip()
    if value("website"):
        _homepage(row, _text(value("website")))
    if value("programme"):
        text = _text(value("programme"))
        programme = reference.programme(text)
        if programme:
            row.fields["programme_id"] = programme
        else:
            row.notes.append(
                gettext_noop("Programme in the source, not found in Hanke: %(value)s.")
                % {"value": text}
            )
    if value("nuts3"):
        codes = [
            code.strip().upper()
            for code in re.split(r"[;,|\s]+", _text(value("nuts3")))
            if code.strip()
        ]
        found = {
            reference.regions_by_nuts[code] for code in codes if code in reference.regions_by_nuts
        }
        unknown = [code for code in codes if code not in reference.regions_by_nuts]
        row.regions, row.municipalities = found, None
        if unknown:
            row.notes.append(
                gettext_noop("NUTS 3 regions in the source, not found in Hanke: %(codes)s.")
                % {"codes": ", ".join(unknown)}
            )
    if value("category"):
        row.notes.append(
            gettext_noop("Category of intervention in the source: %(value)s.")
            % {"value": _text(value("category"))}
        )
    total = eu = None
    if value("total") is not None:
        total = _collect(row, parse_money, value("total"), header("total"))
        row.money_columns["total_planned"] = header("total")
    if value("eu_budget") is not None:
        eu = _collect(row, parse_money, value("eu_budget"), header("eu_budget"))
        row.money_columns["eu_planned"] = header("eu_budget")
    rate = parse_rate(value("cofinancing_rate"))
    if value("cofinancing_rate") is not None and rate is None:
        row.errors.append(
            _("%(column)s: “%(value)s” is not a percentage.")
            % {"column": header("cofinancing_rate"), "value": _text(value("cofinancing_rate"))}
        )
    if eu is None and total is not None and rate is not None:
        eu = (total * rate / 100).quantize(Decimal("0.01"))
        row.money_columns["eu_planned"] = header("cofinancing_rate")
    if total is not None:
        row.financing = {"total": total, "aid": eu, "public": None, "aid_is_eu_only": True}
        if eu is not None:
            row.notes.append(
                gettext_noop(
                    "Kohesio gives the EU share of the funding (%(eu)s), not the state share: "
                    "the aid line is the EU share, and the rest of the total is other funding, "
                    "not itemised."
                )
                % {"eu": eu}
            )
    if rate is not None:
        row.notes.append(
            gettext_noop("EU co-financing rate in the source: %(rate)s %%.")
            % {"rate": f"{rate.normalize():f}".replace(".", ",")}
        )
    row.notes.append(
        gettext_noop(
            "Kohesio does not give the funding authority or the implementer's business ID."
        )
    )
    return row


def _financing_plan(row: Row) -> dict | None:
    """{source: amount} for budget_set, or None when the file gives no total."""
    from hanke.finance.models import FundingSource

    figures = row.financing
    if figures is None:
        return None
    total, aid, public = figures["total"], figures.get("aid"), figures.get("public")
    columns = row.money_columns
    if aid is None and public is None:
        return {}
    plan = {}
    if aid is not None:
        plan[FundingSource.AID] = aid
    covered = aid or Decimal("0")
    if public is not None:
        if aid is not None and public < aid:
            raise RowError(
                _("%(public_column)s (%(public)s) is less than %(aid_column)s (%(aid)s).")
                % {
                    "public_column": columns["public_planned"],
                    "public": _money_text_out(public),
                    "aid_column": columns["eu_planned"],
                    "aid": _money_text_out(aid),
                }
            )
        if public - covered > 0:
            plan[FundingSource.OTHER_PUBLIC] = public - covered
        covered = public
    if covered > total:
        raise RowError(
            _("%(column)s (%(total)s) is less than the public funding (%(public)s).")
            % {
                "column": columns["total_planned"],
                "total": _money_text_out(total),
                "public": _money_text_out(covered),
            }
        )
    if total - covered > 0:
        plan[FundingSource.UNSPECIFIED] = total - covered
    return plan


# --- Writing --------------------------------------------------------------------------------


@dataclass
class Existing:
    """What a chunk's projects have now, read in a few queries."""

    projects: dict  # key -> Project
    budgets: dict  # project id -> (total, {source: amount}, has cost lines, cost model, approved)
    regions: dict  # project id -> set
    municipalities: dict
    new_places: list = field(default_factory=list)  # through rows of new projects

    def write_new_places(self) -> None:
        """One insert per table for the chunk's new projects (the index is written after)."""
        by_model: dict = {}
        for through in self.new_places:
            by_model.setdefault(type(through), []).append(through)
        for model, objects in by_model.items():
            model.objects.bulk_create(objects)
        self.new_places = []


def _key(row: Row) -> tuple:
    if row.code:
        return ("code", row.code)
    if row.kohesio_key:
        return ("source", row.kohesio_key)
    return ("name", row.name, row.implementer, row.business_id)


def _read_existing(rows: list) -> Existing:
    from hanke.finance.models import Budget
    from hanke.projects.models import Project

    codes = [row.code for row in rows if row.code]
    sources = [row.kohesio_key for row in rows if not row.code and row.kohesio_key]
    projects = {}
    if codes:
        for project in Project.objects.filter(code__in=codes):
            projects[("code", project.code)] = project
    if sources:
        for project in Project.objects.filter(code="", source_document__in=sources):
            projects.setdefault(("source", project.source_document), project)
    ids = [project.pk for project in projects.values()]
    budgets = {}
    if ids:
        for budget in Budget.objects.filter(project_id__in=ids).prefetch_related(
            "financing_lines", "cost_lines"
        ):
            budgets[budget.project_id] = budget
    regions: dict = {pk: set() for pk in ids}
    municipalities: dict = {pk: set() for pk in ids}
    if ids:
        for project_id, region_id in Project.regions.through.objects.filter(
            project_id__in=ids
        ).values_list("project_id", "region_id"):
            regions[project_id].add(region_id)
        for project_id, municipality_id in Project.municipalities.through.objects.filter(
            project_id__in=ids
        ).values_list("project_id", "municipality_id"):
            municipalities[project_id].add(municipality_id)
    return Existing(projects, budgets, regions, municipalities)


def _find_by_name(row: Row, implementer_id):
    from hanke.projects.models import Project

    if not row.name:
        return None
    return (
        Project.objects.filter(
            code="", implementer_id=implementer_id, **{f"name_{row.language}": row.name}
        )
        .order_by("pk")
        .first()
    )


def _budget_agrees(budget, row: Row, plan: dict) -> bool:
    from hanke.finance.models import PUBLIC_SOURCES, FundingSource

    if budget is None:
        return False
    lines = {line.source: line.amount for line in budget.financing_lines.all()}
    figures = row.financing
    if budget.total_cost != figures["total"]:
        return False
    if not plan:
        return True  # the file gives the total only, and it agrees
    aid = lines.get(FundingSource.AID, Decimal("0"))
    if figures.get("aid") is not None:
        if figures.get("aid_is_eu_only"):
            if aid < figures["aid"]:
                return False
        elif aid != figures["aid"]:
            return False
    if figures.get("public") is not None:
        public = sum(
            (amount for source, amount in lines.items() if source in PUBLIC_SOURCES), Decimal("0")
        )
        if public != figures["public"]:
            return False
    return sum(lines.values(), Decimal("0")) == budget.total_cost


def _write_row(row: Row, reference: Reference, existing: Existing, *, user, filename: str) -> str:
    """Create or update the row's project. Returns "created", "updated" or "unchanged"; raises
    RowError (the reason, in the importing person's language) when the row cannot be written.
    Everything is checked before anything is written."""
    from hanke.finance.models import CostModel
    from hanke.finance.services import budget_set, budget_validate
    from hanke.projects import workflow
    from hanke.projects.models import Project

    values = dict(row.fields)
    # checks first
    if row.fund:
        reference.fund_check(*row.fund)
    if row.status:
        values["status"] = reference.status(*row.status)
    plan = _financing_plan(row)
    project = existing.projects.get(_key(row))
    implementer_id = None
    if project is None and not row.code and not row.kohesio_key:
        implementer_id = reference.organisation(row.implementer, row.business_id, create=False)
        project = _find_by_name(row, implementer_id)
    start = values.get("start_date", project.start_date if project else None)
    end = values.get("end_date", project.end_date if project else None)
    if start and end and end < start:
        raise RowError(
            _("The end date %(end)s is before the start date %(start)s.")
            % {"end": end.strftime("%d.%m.%Y"), "start": start.strftime("%d.%m.%Y")}
        )
    created = project is None
    notes = list(row.notes)
    derive = row.derive_status and "status" not in values
    if derive and (created or project.original_language == row.language):
        if end is not None:
            values["status"] = workflow.ENDED if end < timezone.localdate() else workflow.ONGOING
            notes.append(
                gettext_noop("The source gives no status: it is derived from the end date.")
            )
        elif created:
            values["status"] = workflow.ONGOING
            notes.append(
                gettext_noop(
                    "The source gives no status or end date: the project is recorded as ongoing."
                )
            )
    if row.kohesio_key:
        values["source_document"] = row.kohesio_key
        notes.insert(
            0, gettext_noop("Imported from the Kohesio file %(file)s.") % {"file": filename}
        )
    else:
        values["source_document"] = filename[:255]
    if row.code:
        values["code"] = row.code
    with translation.override(row.language):
        values[f"source_notes_{row.language}"] = "\n".join(note.render() for note in notes)
    values["is_public"] = True
    values["date_precision"] = Project.DatePrecision.DAY
    probe = project or Project(original_language=row.language, **values)

    budget = None if created else existing.budgets.get(project.pk)
    budget_changes = plan is not None and not _budget_agrees(budget, row, plan)
    budget_args = {}
    if budget_changes:
        if budget is not None and budget.approved_at is not None:
            raise RowError(
                _(
                    "The budget was approved in the funding decision; it changes only through a change request."
                )
            )
        cost_lines = (
            {line.category: line.amount for line in budget.cost_lines.all()} if budget else {}
        )
        budget_args = {
            "cost_model": budget.cost_model if cost_lines else CostModel.NOT_KNOWN,
            "cost_lines": cost_lines or None,
            "total_cost": row.financing["total"],
            "financing": plan,
        }
        try:
            budget_validate(project=probe, **budget_args)
        except ValidationError as exc:
            raise RowError(_budget_message(exc, row)) from exc

    # then the references the row names, created when missing
    if row.fund:
        values["fund_id"] = reference.fund(*row.fund)
    if row.implementer or row.business_id:
        implementer_id = reference.organisation(row.implementer, row.business_id)
        if implementer_id:
            values["implementer_id"] = implementer_id
    if row.authority:
        values["funding_authority_id"] = reference.authority(row.authority)

    if created:
        project = Project(original_language=row.language, **values)
        changed = True
    else:
        changed = [name for name, value in values.items() if getattr(project, name) != value]
    regions_change = row.regions is not None and (
        created or existing.regions.get(project.pk, set()) != row.regions
    )
    municipalities_change = row.municipalities is not None and (
        created or existing.municipalities.get(project.pk, set()) != row.municipalities
    )
    if not (changed or budget_changes or regions_change or municipalities_change):
        return "unchanged"
    if not created and changed:
        for name in changed:
            setattr(project, name, values[name])
    if changed:
        project.save()
    if not created and regions_change:
        project.regions.set(row.regions)
    if not created and municipalities_change:
        project.municipalities.set(row.municipalities)
    if budget_changes:
        try:
            budget_set(user=user, project=project, **budget_args)
        except ValidationError as exc:
            raise RowError(_budget_message(exc, row)) from exc
    if created:  # a new project's places are written for the whole chunk at once
        Through = Project.regions.through  # noqa: N806
        existing.new_places.extend(
            Through(project_id=project.pk, region_id=pk) for pk in row.regions or ()
        )
        Through = Project.municipalities.through  # noqa: N806
        existing.new_places.extend(
            Through(project_id=project.pk, municipality_id=pk) for pk in row.municipalities or ()
        )
    return "created" if created else "updated"


def _budget_message(exc: ValidationError, row: Row) -> str:
    messages = []
    errors = exc.message_dict if hasattr(exc, "error_dict") else {"": exc.messages}
    for key, texts in errors.items():
        if key == "source_aid":
            column = row.money_columns.get("eu_planned", "")
        else:
            column = row.money_columns.get("total_planned", "")
        for text in texts:
            messages.append(f"{column}: {text}" if column else text)
    return " ".join(messages)


# --- The imports ----------------------------------------------------------------------------


def kohesio_import(
    file, *, user=None, filename: str | None = None, dry_run: bool = False
) -> ImportSummary:
    """Import a Kohesio CSV (a path, bytes or a binary file)."""
    filename = filename or _name_of(file)
    return _import(file, filename=filename, format_=KOHESIO, user=user, dry_run=dry_run)


def eura_import(file, *, filename: str, user=None, dry_run: bool = False) -> ImportSummary:
    """Import a EURA 2021 public search export, .xlsx or CSV (a path, bytes or a binary file)."""
    return _import(file, filename=filename, format_=EURA, user=user, dry_run=dry_run)


def dataset_import(
    file, *, filename: str, format_: str | None = None, user=None, dry_run: bool = False
) -> ImportSummary:
    """Either import, the format guessed from the header row when not given."""
    if format_ is None:
        format_ = guess_format(read_header(file, filename=filename))
        if format_ is None:
            raise DatasetError(
                _(
                    "Could not tell from the header row whether the file is a Kohesio or a "
                    "EURA export; give the format."
                )
            )
    return _import(file, filename=filename, format_=format_, user=user, dry_run=dry_run)


def _name_of(file) -> str:
    if isinstance(file, (str, Path)):
        return Path(file).name
    return Path(getattr(file, "name", "") or "kohesio.csv").name


def _import(file, *, filename: str, format_: str, user, dry_run: bool) -> ImportSummary:
    filename = Path(filename).name
    summary = ImportSummary(format=format_, filename=filename, dry_run=dry_run)
    with ExitStack() as stack:
        binary = _open(file, stack)
        header, rows = _table(binary, filename, stack)
        if format_ == EURA:
            layout = match_headers(header, _eura_aliases(), EURA_REQUIRED, EURA)
            language, parse = "fi", _eura_row
        elif format_ == KOHESIO:
            layout = match_headers(header, _kohesio_aliases(), KOHESIO_REQUIRED, KOHESIO)
            language, parse = "en", _kohesio_row
        else:
            raise DatasetError(_("Unknown format “%(format)s”.") % {"format": format_})
        if layout.unknown:
            summary.warnings.append(
                _("Columns not recognised and ignored: %(columns)s.")
                % {"columns": ", ".join(f"“{name}”" for name in layout.unknown)}
            )
        if dry_run:  # one transaction, rolled back at the end
            stack.enter_context(transaction.atomic())
        reference = Reference(language=language, filename=filename)
        seen: dict = {}
        try:
            while chunk := list(itertools.islice(_rows_of(rows), CHUNK_SIZE)):
                _import_chunk(
                    chunk, parse, layout, reference, seen, summary, user=user, filename=filename
                )
        except (UnicodeError, csv.Error) as exc:
            raise DatasetError(
                _("The file could not be read after row %(row)s: %(error)s")
                % {"row": summary.rows + 1, "error": exc}
            ) from exc
        if dry_run:
            transaction.set_rollback(True)
    return summary


def _rows_of(rows):
    for number, cells in rows:
        if not _blank(cells):
            yield number, cells


def _import_chunk(chunk, parse, layout, reference, seen, summary, *, user, filename):
    """One chunk of rows: one transaction, the search index written once at its end, a
    savepoint per row so that a rejected row leaves the others in."""
    from hanke.portal.search import deferred

    parsed = [parse(number, cells, layout, reference) for number, cells in chunk]
    with transaction.atomic(), deferred():
        good = [row for row in parsed if not row.errors]
        reference.prefetch_organisations(good)
        existing = _read_existing(good)
        for row in parsed:
            reason = None
            if row.errors:
                reason = " ".join(row.errors)
            else:
                key = _key(row)
                if key in seen:
                    reason = _("The same project is already on row %(row)s.") % {"row": seen[key]}
                else:
                    seen[key] = row.number
            if reason is None:
                reference.begin_row()
                try:
                    with transaction.atomic():
                        outcome = _write_row(row, reference, existing, user=user, filename=filename)
                except RowError as exc:
                    reason = str(exc)
                except IntegrityError as exc:
                    reason = _("The row could not be saved: %(error)s") % {"error": exc}
                if reason is not None:
                    reference.undo_row()
            if reason is not None:
                summary.rejected.append((row.number, reason))
                continue
            setattr(summary, outcome, getattr(summary, outcome) + 1)
        existing.write_new_places()


__all__ = [
    "DatasetError",
    "ImportSummary",
    "dataset_import",
    "eura_import",
    "guess_format",
    "kohesio_import",
]
