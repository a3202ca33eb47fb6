"""Download of any project search as CSV or Excel, with the columns of the EURA 2021 public
search export, so files from both line up.

**Columns** (`COLUMNS`): each has a key, a header and a kind (text, money or date). The headers
are gettext msgids in English with the context "EURA export column"; their Finnish translations
are EURA's own Finnish column names ("Hankekoodi", "Rahasto", …). The header row and the
translated values (fund, status, names of places) follow the active language.

**Where the values come from**:

- planned funding is the project's budget as it stands (`Budget.total_cost` and the financing
  plan's lines; for an approved project that is the approved plan, for one still in
  assessment the plan applied for). EU and state = the aid line; public = aid + municipal +
  other public (`finance.models.PUBLIC_SOURCES`). Empty when the plan has no financing lines;
- realised funding is what approved payment claims accepted: EU and state = the approved aid,
  total = the approved eligible costs. Demo claims are left out. Empty when no claim has been
  approved (a project recorded from its documents may well have been paid outside Hanke, so
  an empty cell is not a zero). Realised public funding stays empty: a claim records the aid
  and the eligible costs, not how much of the rest municipalities or other public bodies paid;
- field of intervention and postcodes stay empty: the data model has neither. The columns are
  kept so that the file has EURA's shape;
- location is the project's regions with their named municipalities:
  `Lappi (Kemi, Rovaniemi); Pohjois-Pohjanmaa`.

**Constant memory**: the rows come from `selectors.project_search` as plain values
(`.values(...).iterator(chunk_size=CHUNK_SIZE)`, no model instances: building them took most
of the time); the money figures are grouped subqueries of that one query, and the regions and
municipalities are read per chunk of `CHUNK_SIZE` projects (two queries), so the number of
queries depends on the number of chunks, never on rows. The CSV is streamed as it is read.
The Excel file is written row by row by openpyxl's write-only workbook (inline strings, no
shared-string table) to a temporary file on disk, which is then sent.

**CSV**: UTF-8 with a byte-order mark (so Excel reads it as UTF-8), CRLF line ends, ISO dates
(`2024-03-01`), money with two decimals and no thousands separator. With `;` between fields
the decimal separator is a comma (`1234,50`: Finnish and Swedish Excel read it as a number);
with `,` it is a point (`1234.50`, for English Excel and for programs). A text that begins
with `=`, `+`, `-` or `@` gets a leading `'` so that a spreadsheet does not run it as a formula.

**Excel**: one sheet, a bold header row kept in view, money as numeric cells with a euro
format, dates as date cells. Texts longer than Excel's cell limit (32 767 characters) are cut.
"""

import csv
import io
import itertools
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db.models import (
    Case,
    DecimalField,
    OuterRef,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hanke.core.i18n import LANGUAGE_CODES

from .selectors import ProjectQuery, project_search

CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DELIMITERS = {"semicolon": ";", "comma": ","}
# The delimiter when none is asked for: Finnish and Swedish Excel split on `;`, English on `,`.
DEFAULT_DELIMITER = {"fi": "semicolon", "sv": "semicolon", "en": "comma"}

CHUNK_SIZE = 1000  # projects read (and then their places) at a time
CSV_BUFFER = 64 * 1024  # characters collected before a piece of the CSV is sent
EXCEL_CELL_LIMIT = 32767
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

TEXT, MONEY, DATE = "text", "money", "date"
# the column headers carry the context "EURA export column" (written out in each call, as
# makemessages reads only literal contexts) so their Finnish names stay apart from other "Fund"s


@dataclass(frozen=True)
class Column:
    key: str
    header: object  # a lazy translation
    kind: str = TEXT
    width: int = 20  # in Excel


COLUMNS = [
    Column("code", pgettext_lazy("EURA export column", "Project code"), width=11),
    Column("fund", pgettext_lazy("EURA export column", "Fund"), width=9),
    Column("priority_axis", pgettext_lazy("EURA export column", "Priority axis"), width=30),
    Column(
        "specific_objective", pgettext_lazy("EURA export column", "Specific objective"), width=30
    ),
    Column("name", pgettext_lazy("EURA export column", "Project name"), width=40),
    Column("implementer", pgettext_lazy("EURA export column", "Implementer"), width=30),
    Column("business_id", pgettext_lazy("EURA export column", "Business ID"), width=11),
    Column("funding_authority", pgettext_lazy("EURA export column", "Funding authority"), width=30),
    Column("status", pgettext_lazy("EURA export column", "Status"), width=14),
    Column("start_date", pgettext_lazy("EURA export column", "Start date"), DATE, 12),
    Column("end_date", pgettext_lazy("EURA export column", "End date"), DATE, 12),
    Column(
        "eu_planned",
        pgettext_lazy("EURA export column", "EU and state funding, planned"),
        MONEY,
        16,
    ),
    Column(
        "eu_realised",
        pgettext_lazy("EURA export column", "EU and state funding, realised"),
        MONEY,
        16,
    ),
    Column(
        "public_planned", pgettext_lazy("EURA export column", "Public funding, planned"), MONEY, 16
    ),
    Column(
        "public_realised",
        pgettext_lazy("EURA export column", "Public funding, realised"),
        MONEY,
        16,
    ),
    Column(
        "total_planned", pgettext_lazy("EURA export column", "Total funding, planned"), MONEY, 16
    ),
    Column(
        "total_realised", pgettext_lazy("EURA export column", "Total funding, realised"), MONEY, 16
    ),
    Column("field_of_intervention", pgettext_lazy("EURA export column", "Field of intervention")),
    Column("location", pgettext_lazy("EURA export column", "Location"), width=30),
    Column("postcodes", pgettext_lazy("EURA export column", "Postcodes"), width=12),
    Column("summary", pgettext_lazy("EURA export column", "Summary"), width=60),
    Column("homepage", pgettext_lazy("EURA export column", "Project homepage"), width=30),
]


KEYS = [column.key for column in COLUMNS]


def headers() -> list[str]:
    """The header row in the active language."""
    return [str(column.header) for column in COLUMNS]


# --- Reading -----------------------------------------------------------------------------------

LANGUAGES = tuple(LANGUAGE_CODES)


def _translated(prefix: str) -> list[str]:
    return [f"{prefix}_{code}" for code in LANGUAGES]


# What the rows are made of, read as plain values (no model instances: at 100 000 projects
# building them would take most of the time).
FIELDS = [
    "pk",
    "code",
    "status",
    "start_date",
    "end_date",
    "homepage",
    "original_language",
    *_translated("name"),
    *_translated("summary"),
    "implementer__business_id",
    "implementer__original_language",
    *_translated("implementer__name"),
    "fund__code",
    *_translated("fund__abbreviation"),
    *_translated("funding_authority__name"),
    "specific_objective__code",
    *_translated("specific_objective__name"),
    "specific_objective__priority_axis__number",
    *_translated("specific_objective__priority_axis__name"),
    "total_amount",
    "export_eu_planned",
    "export_public_planned",
    "export_eu_realised",
    "export_total_realised",
]


def _pick(values: dict, prefix: str, language: str, original: str | None = None) -> str:
    """A translated field's text in `language`, else in the record's original language, else
    in any language: the order of `hanke.core.i18n.localised`, on plain values. Records without
    an original language of their own (funds, authorities, objectives, places) count as
    written in Finnish, as `localised` has it."""
    for code in (language, original or settings.LANGUAGE_CODE, *LANGUAGES):
        text = values.get(f"{prefix}_{code}")
        if text:
            return text
    return ""


def _numbered(number, name: str) -> str:
    return f"{number or ''} {name}".strip()


def project_export_queryset(query: ProjectQuery) -> QuerySet:
    """`project_search(query)` (the same projects in the same order) with the money figures as
    grouped subqueries of the one query: `export_eu_planned`, `export_public_planned` (from the
    financing plan), `export_eu_realised`, `export_total_realised` (from approved claims)."""
    from hanke.finance import claim_workflow
    from hanke.finance.models import PUBLIC_SOURCES, FinancingLine, FundingSource, PaymentClaim

    money = DecimalField(max_digits=16, decimal_places=2)
    zero = Value(Decimal("0"), output_field=money)

    def plan_sum(sources) -> Subquery:
        lines = (
            FinancingLine.objects.filter(budget__project=OuterRef("pk"))
            .order_by()
            .values("budget")
            .annotate(
                total=Sum(
                    Case(When(source__in=sources, then="amount"), default=zero, output_field=money)
                )
            )
            .values("total")
        )
        return Subquery(lines, output_field=money)

    def claims_sum(field: str) -> Subquery:
        claims = (
            PaymentClaim.objects.filter(
                project=OuterRef("pk"), status=claim_workflow.APPROVED, is_demo=False
            )
            .order_by()
            .values("project")
            .annotate(total=Sum(field))
            .values("total")
        )
        return Subquery(claims, output_field=money)

    return project_search(query).annotate(
        export_eu_planned=plan_sum([FundingSource.AID]),
        export_public_planned=plan_sum(sorted(PUBLIC_SOURCES)),
        export_eu_realised=claims_sum("approved_aid"),
        export_total_realised=claims_sum("approved_eligible"),
    )


def locations(project_ids: list[int], *, language: str) -> dict[int, str]:
    """`Lappi (Kemi, Rovaniemi); Pohjois-Pohjanmaa` per project: each region the project names
    or one of whose municipalities it names, with those municipalities, by name. Two queries,
    whatever the number of projects."""
    from hanke.projects.models import Project

    regions: dict[int, dict[int, str]] = {}  # project -> region id -> region name
    municipalities: dict[int, dict[int, list[str]]] = {}  # project -> region id -> names
    region_names = _translated("region__name")
    for values in Project.regions.through.objects.filter(project_id__in=project_ids).values(
        "project_id", "region_id", *region_names
    ):
        regions.setdefault(values["project_id"], {})[values["region_id"]] = _pick(
            values, "region__name", language
        )
    for values in Project.municipalities.through.objects.filter(project_id__in=project_ids).values(
        "project_id",
        "municipality__region_id",
        *_translated("municipality__name"),
        *_translated("municipality__region__name"),
    ):
        project, region = values["project_id"], values["municipality__region_id"]
        regions.setdefault(project, {}).setdefault(
            region, _pick(values, "municipality__region__name", language)
        )
        municipalities.setdefault(project, {}).setdefault(region, []).append(
            _pick(values, "municipality__name", language)
        )
    result = {}
    for project, names in regions.items():
        parts = []
        for region, name in sorted(names.items(), key=lambda item: item[1].casefold()):
            inside = sorted(municipalities.get(project, {}).get(region, []), key=str.casefold)
            parts.append(f"{name} ({', '.join(inside)})" if inside else name)
        result[project] = "; ".join(parts)
    return result


def _cells(values: dict, *, language: str, statuses: dict, places: dict) -> dict:
    """One project's cells by column key."""
    original = values["original_language"]
    return {
        "code": values["code"],
        "fund": _pick(values, "fund__abbreviation", language) or values["fund__code"] or "",
        "priority_axis": _numbered(
            values["specific_objective__priority_axis__number"],
            _pick(values, "specific_objective__priority_axis__name", language),
        ),
        "specific_objective": _numbered(
            values["specific_objective__code"],
            _pick(values, "specific_objective__name", language),
        ),
        "name": _pick(values, "name", language, original),
        "implementer": _pick(
            values, "implementer__name", language, values["implementer__original_language"]
        ),
        "business_id": values["implementer__business_id"] or "",
        "funding_authority": _pick(values, "funding_authority__name", language),
        "status": statuses.get(values["status"], values["status"]),
        "start_date": values["start_date"],
        "end_date": values["end_date"],
        "eu_planned": values["export_eu_planned"],
        "eu_realised": values["export_eu_realised"],
        "public_planned": values["export_public_planned"],
        # claims record the aid and the eligible costs, not the other public financing: the
        # realised public funding is not known, and is never guessed
        "public_realised": None,
        "total_planned": values["total_amount"],
        "total_realised": values["export_total_realised"],
        "field_of_intervention": "",  # not in the data model
        "location": places.get(values["pk"], ""),
        "postcodes": "",  # not in the data model
        "summary": _pick(values, "summary", language, original),
        "homepage": values["homepage"],
    }


def project_export_rows(query: ProjectQuery, *, language: str) -> Iterator[list]:
    """One list of Python values (str, Decimal, date or None) per project, in `COLUMNS` order.
    The query is built now; the rows are read when the result is iterated, `CHUNK_SIZE`
    projects at a time, each chunk with its places (two more queries)."""
    from hanke.projects import workflow

    with translation.override(language):
        statuses = {key: str(label) for key, label in workflow.STATES.items()}
        queryset = project_export_queryset(query).values(*FIELDS)

    def rows():
        chunk_size = CHUNK_SIZE
        projects = queryset.iterator(chunk_size=chunk_size)
        while chunk := list(itertools.islice(projects, chunk_size)):
            places = locations([values["pk"] for values in chunk], language=language)
            for values in chunk:
                cells = _cells(values, language=language, statuses=statuses, places=places)
                yield [cells[key] for key in KEYS]

    return rows()


# --- CSV ---------------------------------------------------------------------------------------


def _csv_money(value: Decimal, decimal_comma: bool) -> str:
    text = f"{value:.2f}"
    return text.replace(".", ",") if decimal_comma else text


def _csv_text(value: str) -> str:
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def _csv_row(row: list, decimal_comma: bool) -> list[str]:
    cells = []
    for column, value in zip(COLUMNS, row, strict=True):
        if value is None or value == "":
            cells.append("")
        elif column.kind == MONEY:
            cells.append(_csv_money(value, decimal_comma))
        elif column.kind == DATE:
            cells.append(value.isoformat())
        else:
            cells.append(_csv_text(str(value)))
    return cells


def csv_stream(rows: Iterable[list], *, delimiter: str, language: str) -> Iterator[bytes]:
    """The CSV in pieces of about `CSV_BUFFER` characters: the byte-order mark and the header
    row first, then the rows as they are read."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    with translation.override(language):
        buffer.write("\ufeff")
        writer.writerow(headers())
    decimal_comma = delimiter == ";"
    for row in rows:
        writer.writerow(_csv_row(row, decimal_comma))
        if buffer.tell() >= CSV_BUFFER:
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode("utf-8")


# --- Excel -------------------------------------------------------------------------------------


def _excel_text(sheet, value: str):
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    value = ILLEGAL_CHARACTERS_RE.sub("", value)[:EXCEL_CELL_LIMIT]
    if not value.startswith("="):
        return value
    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"  # a text, not a formula
    return cell


def xlsx_file(rows: Iterable[list], *, language: str):
    """The workbook written to an anonymous temporary file, positioned at its start (the caller
    sends and closes it; closing deletes it)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    from hanke.finance.exports import DATE_FORMAT, DATE_FORMATS, MONEY_FORMAT

    with translation.override(language):
        title = str(_("Projects"))
        header = headers()
    date_format = DATE_FORMATS.get(language, DATE_FORMAT)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title)
    sheet.freeze_panes = "A2"
    for index, column in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="E8EEF7")
    wrap = Alignment(wrap_text=True, vertical="bottom")
    header_cells = []
    for text in header:
        cell = WriteOnlyCell(sheet, value=text)
        cell.font, cell.fill, cell.alignment = bold, fill, wrap
        header_cells.append(cell)
    sheet.append(header_cells)
    kinds = [column.kind for column in COLUMNS]
    try:
        for row in rows:
            cells = []
            for kind, value in zip(kinds, row, strict=True):
                if value is None or value == "":
                    cells.append(None)
                elif kind == MONEY:
                    cell = WriteOnlyCell(sheet, value=value)
                    cell.number_format = MONEY_FORMAT
                    cells.append(cell)
                elif kind == DATE:
                    cell = WriteOnlyCell(sheet, value=value)
                    cell.number_format = date_format
                    cells.append(cell)
                else:
                    cells.append(_excel_text(sheet, str(value)))
            sheet.append(cells)
        # closed (and so deleted) by the response once it has been sent
        output = tempfile.TemporaryFile(suffix=".xlsx")  # noqa: SIM115
        try:
            workbook.save(output)
        except BaseException:
            output.close()
            raise
    except BaseException:
        _discard(sheet)
        raise
    output.seek(0)
    return output


def _discard(sheet) -> None:
    """Remove the rows openpyxl has written to its own temporary file when the export fails
    half-way (otherwise that file stays until the process ends)."""
    import os

    path = getattr(getattr(sheet, "_writer", None), "out", None)
    if isinstance(path, str) and os.path.exists(path):
        os.remove(path)


def export_filename(extension: str, *, day) -> str:
    """`projects-2025-01-31.csv`."""
    return f"projects-{day.isoformat()}.{extension}"
