"""The ESF+ participant indicator table as CSV and Excel, from the same `selectors.esf_table` the
page shows.

CSV: UTF-8 with a byte-order mark so Excel opens it as UTF-8, `;` between fields by default
(Finnish Excel expects it, as the decimal separator is a comma), `,` on request. Excel: a title
row, the project and the period, a header and integer cells (house styles of
`hanke.finance.exports`)."""

import csv
import io

from django.utils.translation import gettext as _

from hanke.core.formatting import format_date
from hanke.finance.exports import _save, _Sheet, _workbook

from .selectors import GENDER_COLUMNS

CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DELIMITERS = {"semicolon": ";", "comma": ","}


def esf_filename(project, start, end, extension: str) -> str:
    """`esf-participants-S30355-2024-01-01-2024-12-31.csv` (the pk when there is no code)."""
    ident = "".join(c for c in (project.code or str(project.pk)) if c.isalnum() or c in "-_")
    return f"esf-participants-{ident}-{start.isoformat()}-{end.isoformat()}.{extension}"


def _header() -> list:
    return (
        [_("Code"), _("Indicator")]
        + [str(label) for _value, label in GENDER_COLUMNS]
        + [_("Total")]
    )


def _values(row) -> list:
    return [row.row.code, str(row.row.label), *row.by_gender, row.total]


def esf_csv(table, delimiter: str = ";") -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(_header())
    for row in table.shown_rows:
        writer.writerow(_values(row))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def period_text(table) -> str:
    return f"{format_date(table.start)}–{format_date(table.end)}"


def esf_xlsx(table) -> bytes:
    project = table.project
    title = _("ESF+ participant indicators: %(project)s") % {"project": project.display_name}
    workbook = _workbook(title)
    sheet = _Sheet(workbook, _("ESF+ participants"), True)
    sheet.title(title)
    sheet.append([_("Project code"), project.code or "–"])
    sheet.append([_("Period"), period_text(table)])
    sheet.append([_("Counted up to"), table.counted_until], {1: "date"})
    sheet.append(
        [
            _(
                "Participants are counted from the day they entered the project, from the registrations."
            )
        ]
    )
    header = sheet.header(_header())
    sheet.freeze_below(header)
    for row in table.shown_rows:
        number = sheet.append(_values(row), font=sheet.bold if row.key == "total" else None)
        for column in range(3, 3 + len(GENDER_COLUMNS) + 1):
            sheet.ws.cell(number, column).number_format = "0"
    sheet.widths(10, 62, 12, 12, 12, 16, 12)
    return _save(workbook)
