"""PDF and Excel exports of a payment claim (maksatushakemus) and of the budget follow-up.

Both formats are built from the same figures (`claim_report`, `follow_up_report`), which come
from the services' own numbers and are never recomputed differently here:

- a submitted claim shows the figures stored when it was submitted (`claim.figures`);
- an approved claim shows the approved eligible costs and aid (`approved_eligible`,
  `approved_aid`) with the officer's reductions per category;
- a draft or returned claim shows `selectors.claim_compute(claim)`, the figures it would have if
  it were submitted now.

Money is Decimal throughout. Excel cells get Decimal values (stored as numbers), percentages as
fractions with a percent format. Labels are gettext msgids in English, in the active language.
The PDF is rendered by WeasyPrint from templates under `finance/pdf/` and fetches nothing from
the network: only `data:` URLs are allowed, and the stylesheet is read from this app's static
folder.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from io import BytesIO
from pathlib import Path

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from hanke.core.formatting import format_date, format_money, format_number, format_percent
from hanke.core.i18n import localised
from hanke.core.money import HUNDRED, percent_of, share_percent, to_decimal

from . import claim_workflow, selectors
from .calculations import compute_costs
from .models import (
    FLAT_RATES,
    CostCategory,
    CostEntry,
    CostModel,
    PaymentClaim,
)

ZERO = Decimal("0")
STATIC_DIR = Path(__file__).resolve().parent / "static" / "finance"
PRINT_CSS = STATIC_DIR / "print.css"

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PDF_CONTENT_TYPE = "application/pdf"


# --- The figures -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ClaimCategoryRow:
    key: str
    label: str
    claimed: Decimal
    reduction: Decimal
    accepted: Decimal
    reason: str = ""


@dataclass(frozen=True)
class PositionRow:
    """One line of the cumulative position: the budget against what earlier approved claims and
    this claim add up to. Revenues are negative so that the rows add up to the total."""

    key: str
    label: str
    budget: Decimal
    previous: Decimal
    this_claim: Decimal

    @property
    def cumulative(self) -> Decimal:
        return self.previous + self.this_claim

    @property
    def used_percent(self) -> Decimal | None:
        return share_percent(self.cumulative, self.budget)

    @property
    def remaining(self) -> Decimal:
        return self.budget - self.cumulative


@dataclass(frozen=True)
class ClaimReport:
    claim: object
    project_name: str
    project_code: str
    implementer: str
    number: int
    period_start: datetime.date
    period_end: datetime.date
    status: str
    status_label: str
    basis: str  # where the figures come from, in words
    is_demo: bool
    cost_model_label: str
    category_rows: list
    revenues_claimed: Decimal
    revenues_reduction: Decimal
    revenues: Decimal
    costs_claimed: Decimal
    costs_reduction: Decimal
    costs_accepted: Decimal
    flat_rate_percent: Decimal | None
    flat_rate_base: Decimal
    flat_rate_amount: Decimal
    eligible: Decimal
    aid_rate: Decimal
    aid_before_cap: Decimal
    aid: Decimal
    aid_remaining_before: Decimal | None
    capped: bool
    own_financing: Decimal
    position_rows: list
    position_total: PositionRow
    aid_position: PositionRow
    previous_claims: list = field(default_factory=list)  # numbers of the earlier approved claims

    @property
    def period_text(self) -> str:
        return f"{format_date(self.period_start)}–{format_date(self.period_end)}"

    @property
    def title(self) -> str:
        title = _("Payment claim %(number)s: %(project)s") % {
            "number": self.number,
            "project": self.project_name,
        }
        return f"DEMO – {title}" if self.is_demo else title

    @property
    def flat_rate_text(self) -> str:
        """`40,00 % × 60 000 € = 24 000 €`: the flat rate written so a reader can check it."""
        if self.flat_rate_percent is None:
            return ""
        return _("%(rate)s × staff costs %(base)s = %(amount)s") % {
            "rate": format_percent(self.flat_rate_percent),
            "base": format_money(self.flat_rate_base),
            "amount": format_money(self.flat_rate_amount),
        }

    @property
    def eligible_text(self) -> str:
        text = format_money(self.costs_accepted)
        if self.flat_rate_percent is not None:
            text += " + " + format_money(self.flat_rate_amount)
        if self.revenues:
            text += " − " + format_money(self.revenues)
        return f"{text} = {format_money(self.eligible)}"

    @property
    def aid_text(self) -> str:
        rate, eligible = format_percent(self.aid_rate), format_money(self.eligible)
        return f"{rate} × {eligible} = {format_money(self.aid_before_cap)}"

    @property
    def cap_notice(self) -> str:
        if not self.capped:
            return ""
        return _(
            "The aid at %(rate)s would be %(before)s, but only %(remaining)s of the granted aid "
            "was left after the earlier approved claims: the aid is capped at %(aid)s."
        ) % {
            "rate": format_percent(self.aid_rate),
            "before": format_money(self.aid_before_cap),
            "remaining": format_money(self.aid_remaining_before),
            "aid": format_money(self.aid),
        }

    @property
    def own_financing_text(self) -> str:
        return f"{format_money(self.eligible)} − {format_money(self.aid)} = " + format_money(
            self.own_financing
        )

    def entries(self):
        return (
            CostEntry.objects.filter(claim=self.claim)
            .select_related("staff_member")
            .order_by("entry_date", "pk")
        )


def _decimals(mapping) -> dict:
    return {key: to_decimal(value) for key, value in (mapping or {}).items()}


def _category_label(key) -> str:
    try:
        return str(CostCategory(key).label)
    except ValueError:
        return str(key)


def _stored_figures(claim) -> dict:
    """The claim's figures as Decimals: as submitted, or computed now for a draft."""
    if claim.status in claim_workflow.EDITABLE_STATES or not claim.figures:
        raw = selectors.claim_compute(claim).as_json()
    else:
        raw = claim.figures
    return {
        "by_category": _decimals(raw["by_category"]),
        "reductions": _decimals(raw.get("reductions")),
        "flat_rate_percent": None
        if raw.get("flat_rate_percent") is None
        else to_decimal(raw["flat_rate_percent"]),
        "flat_rate_amount": to_decimal(raw["flat_rate_amount"]),
        "revenues": to_decimal(raw["revenues"]),
        "eligible": to_decimal(raw["eligible"]),
        "aid_rate": to_decimal(raw["aid_rate"]),
        "aid_before_cap": to_decimal(raw["aid_before_cap"]),
        "aid": to_decimal(raw["aid"]),
        "aid_remaining_before": to_decimal(raw["aid_remaining_before"]),
        "capped": bool(raw["capped"]),
        "own_financing": to_decimal(raw["own_financing"]),
    }


def claim_report(claim) -> ClaimReport:
    """Every figure of the claim export, from the service's stored or computed figures."""
    # Read the claim afresh: a caller's instance may hold an outdated status or budget.
    claim = PaymentClaim.objects.select_related("project__budget", "project__implementer").get(
        pk=claim.pk
    )
    project = claim.project
    budget = project.budget
    stored = _stored_figures(claim)
    # What was claimed before any reduction; the figures keep the amounts after reductions.
    claimed = dict(stored["by_category"])
    for key, amount in stored["reductions"].items():
        claimed[key] = claimed.get(key, ZERO) + amount
    reasons = {}
    if claim.status == claim_workflow.APPROVED:
        reductions = {}
        for reduction in claim.reductions.all():
            reductions[reduction.category] = reduction.amount
            reasons[reduction.category] = reduction.reason
    else:
        reductions = stored["reductions"]
    accepted = {
        key: max(amount - reductions.get(key, ZERO), ZERO) for key, amount in claimed.items()
    }
    rate = stored["flat_rate_percent"]
    staff = accepted.get(CostCategory.STAFF, ZERO)
    if claim.status == claim_workflow.APPROVED and claim.approved_eligible is not None:
        flat = percent_of(staff, rate) if rate is not None else ZERO
        eligible = claim.approved_eligible
        aid = claim.approved_aid if claim.approved_aid is not None else ZERO
        aid_before_cap = percent_of(eligible, stored["aid_rate"])
        capped = aid < aid_before_cap
        remaining = aid if capped else stored["aid_remaining_before"]
        own = eligible - aid
        basis = _("Figures as approved on %(date)s") % {"date": format_date(claim.decided_at)}
    else:
        flat = stored["flat_rate_amount"]
        eligible, aid = stored["eligible"], stored["aid"]
        aid_before_cap, capped = stored["aid_before_cap"], stored["capped"]
        remaining, own = stored["aid_remaining_before"], stored["own_financing"]
        if claim.status in claim_workflow.EDITABLE_STATES or not claim.figures:
            basis = _("Not submitted: the figures are computed from the costs entered so far.")
        else:
            basis = _("Figures as submitted on %(date)s") % {
                "date": format_date(claim.submitted_at)
            }
    rows = [
        ClaimCategoryRow(
            key=str(category),
            label=str(category.label),
            claimed=claimed[category],
            reduction=reductions.get(category, ZERO),
            accepted=accepted[category],
            reason=reasons.get(category, ""),
        )
        for category in CostCategory
        if category != CostCategory.REVENUES and category in claimed
    ]
    revenues_claimed = claimed.get(CostCategory.REVENUES, ZERO)
    position_rows, position_total, aid_position, previous_numbers = _position(
        claim, budget, rows, flat, accepted.get(CostCategory.REVENUES, ZERO), eligible, aid
    )
    return ClaimReport(
        claim=claim,
        project_name=project.display_name,
        project_code=project.code,
        implementer=localised(project.implementer, "name").text if project.implementer else "",
        number=claim.number,
        period_start=claim.period_start,
        period_end=claim.period_end,
        status=claim.status,
        status_label=str(claim_workflow.STATES[claim.status]),
        basis=basis,
        is_demo=claim.is_demo,
        cost_model_label=str(CostModel(budget.cost_model).label),
        category_rows=rows,
        revenues_claimed=revenues_claimed,
        revenues_reduction=reductions.get(CostCategory.REVENUES, ZERO),
        revenues=accepted.get(CostCategory.REVENUES, ZERO),
        costs_claimed=sum((r.claimed for r in rows), ZERO),
        costs_reduction=sum((r.reduction for r in rows), ZERO),
        costs_accepted=sum((r.accepted for r in rows), ZERO),
        flat_rate_percent=rate,
        flat_rate_base=staff,
        flat_rate_amount=flat,
        eligible=eligible,
        aid_rate=stored["aid_rate"],
        aid_before_cap=aid_before_cap,
        aid=aid,
        aid_remaining_before=remaining,
        capped=capped,
        own_financing=own,
        position_rows=position_rows,
        position_total=position_total,
        aid_position=aid_position,
        previous_claims=previous_numbers,
    )


def _position(claim, budget, rows, flat, revenues, eligible, aid):
    lines = {line.category: line.amount for line in budget.cost_lines.all()}
    rate = FLAT_RATES.get(budget.cost_model)
    before = selectors.approved_before(claim)
    prev, prev_flat, prev_eligible, prev_aid, numbers = (
        before.by_category,
        before.flat_rate,
        before.eligible,
        before.aid,
        before.numbers,
    )
    this = {row.key: row.accepted for row in rows}
    position = []
    for category in CostCategory:
        if category == CostCategory.REVENUES:
            continue
        if category in lines or category in prev or category in this:
            position.append(
                PositionRow(
                    str(category),
                    str(category.label),
                    lines.get(category, ZERO),
                    prev.get(category, ZERO),
                    this.get(category, ZERO),
                )
            )
    if rate is not None:
        position.append(
            PositionRow(
                "flat_rate",
                flat_rate_label(rate),
                compute_costs(budget.cost_model, lines).flat_rate_amount if lines else ZERO,
                prev_flat,
                flat,
            )
        )
    budget_revenues = lines.get(CostCategory.REVENUES, ZERO)
    prev_revenues = prev.get(CostCategory.REVENUES, ZERO)
    if budget_revenues or prev_revenues or revenues:
        position.append(
            PositionRow(
                "revenues",
                _("Revenues (deducted)"),
                -budget_revenues,
                -prev_revenues,
                -revenues,
            )
        )
    total = PositionRow(
        "total", _("Total eligible costs"), budget.total_cost, prev_eligible, eligible
    )
    # A budget given only as a total, or a claim whose revenues exceeded its costs (eligible
    # costs are never negative), leaves a difference: show it so the rows still add up.
    difference = [
        total.budget - sum((r.budget for r in position), ZERO),
        total.previous - sum((r.previous for r in position), ZERO),
        total.this_claim - sum((r.this_claim for r in position), ZERO),
    ]
    if any(difference):
        position.append(PositionRow("not_itemised", _("Not itemised"), *difference))
    aid_row = PositionRow(
        "aid",
        _("Aid (EU and state)"),
        selectors.aid_granted(claim.project),
        prev_aid,
        aid,
    )
    return position, total, aid_row, numbers


@dataclass(frozen=True)
class FollowUpReport:
    project: object
    project_name: str
    project_code: str
    implementer: str
    start_date: datetime.date | None
    end_date: datetime.date | None
    cost_model_label: str
    today: datetime.date
    rows: list  # selectors.FollowUpRow, plus an adjusting row when revenues are deducted
    total: object
    elapsed_percent: Decimal | None
    paid_to_date: Decimal
    aid_granted: Decimal
    by_month: list  # (date of the month's first day, amount, cumulative)
    warnings: list

    @property
    def paid_percent(self) -> Decimal | None:
        return share_percent(self.paid_to_date, self.aid_granted)

    @property
    def title(self) -> str:
        return _("Budget follow-up: %(project)s") % {"project": self.project_name}

    @property
    def period_text(self) -> str:
        if not (self.start_date or self.end_date):
            return ""
        return f"{format_date(self.start_date)}–{format_date(self.end_date)}"


def follow_up_report(project, today=None) -> FollowUpReport | None:
    today = today or timezone.localdate()
    project = type(project).objects.select_related("budget", "implementer").get(pk=project.pk)
    follow_up = selectors.budget_follow_up(project, today=today)
    if follow_up is None:
        return None
    rate = FLAT_RATES.get(project.budget.cost_model)
    rows = [
        selectors.FollowUpRow(
            row.key,
            flat_rate_label(rate) if row.key == "flat_rate" else str(row.label),
            row.budget,
            row.actual,
            row.claimed,
            row.approved,
            has_budget=row.has_budget,
        )
        for row in follow_up.rows
    ]
    total = follow_up.total
    difference = [
        total.budget - sum((r.budget for r in rows), ZERO),
        total.actual - sum((r.actual for r in rows), ZERO),
        total.claimed - sum((r.claimed for r in rows), ZERO),
        total.approved - sum((r.approved for r in rows), ZERO),
    ]
    if any(difference):
        has_revenues = project.budget.cost_lines.filter(
            category=CostCategory.REVENUES
        ).exists() or any(difference[1:])
        label = _("Revenues (deducted)") if has_revenues else _("Not itemised")
        rows.append(
            selectors.FollowUpRow(
                "revenues" if has_revenues else "not_itemised", label, *difference
            )
        )
    by_month = [
        (datetime.date(int(month[:4]), int(month[5:7]), 1), amount, cumulative)
        for month, amount, cumulative in follow_up.by_month
    ]
    budget = project.budget
    return FollowUpReport(
        project=project,
        project_name=project.display_name,
        project_code=project.code,
        implementer=localised(project.implementer, "name").text if project.implementer else "",
        start_date=project.start_date,
        end_date=project.end_date,
        cost_model_label=str(CostModel(budget.cost_model).label),
        today=today,
        rows=rows,
        total=total,
        elapsed_percent=follow_up.elapsed_percent,
        paid_to_date=follow_up.paid_to_date,
        aid_granted=follow_up.aid_granted,
        by_month=by_month,
        warnings=[
            row for row in rows if row.over_budget and row.key not in ("revenues", "not_itemised")
        ],
    )


def flat_rate_label(rate) -> str:
    """`Flat rate 40,00 % of staff costs`: short enough for a table row."""
    return _("Flat rate %(rate)s of staff costs") % {"rate": format_percent(rate)}


def entry_basis(entry) -> str:
    """How a staff cost was worked out: `12,50 h × 30 €` or `4 000 € + on-costs 21,00 %`."""
    if entry.hours is not None and entry.hourly_rate is not None:
        return _("%(hours)s h × %(rate)s") % {
            "hours": format_number(entry.hours, 2),
            "rate": format_money(entry.hourly_rate),
        }
    if entry.salary is not None:
        return _("%(salary)s + on-costs %(percent)s") % {
            "salary": format_money(entry.salary),
            "percent": format_percent(entry.on_cost_percent or ZERO),
        }
    return ""


def export_filename(kind: str, project, claim=None, extension: str = "pdf") -> str:
    """A safe download name: `payment-claim-S30355-1.pdf`, `budget-follow-up-12.xlsx`."""
    ident = project.code or str(project.pk)
    if claim is not None:
        return f"payment-claim-{ident}-{claim.number}{'-demo' if claim.is_demo else ''}.{extension}"
    return f"{kind}-{ident}.{extension}"


# --- Excel -------------------------------------------------------------------------------------

MONEY_FORMAT = '#,##0.00 "€"'
PERCENT_FORMAT = "0.00%"
DATE_FORMATS = {"en": "d mmm yyyy"}
DATE_FORMAT = "d.m.yyyy"
MONTH_FORMAT = "yyyy-mm"


def _fraction(percent) -> Decimal | None:
    """80.00 (%) → 0.8 for a percent-formatted cell."""
    if percent is None:
        return None
    return to_decimal(percent) / HUNDRED


class _Sheet:
    """A worksheet written row by row with the house styles."""

    def __init__(self, workbook, title: str, first: bool = False):
        from openpyxl.styles import Font

        self.ws = workbook.active if first else workbook.create_sheet()
        self.ws.title = _sheet_title(title)
        self.bold = Font(bold=True)
        self.title_font = Font(bold=True, size=14, color="003580")
        self.demo_font = Font(bold=True, size=14, color="C00000")
        self.row = 0
        lang = (translation.get_language() or "fi")[:2]
        self.date_format = DATE_FORMATS.get(lang, DATE_FORMAT)

    def title(self, text: str, demo: bool = False) -> None:
        self.append([text], font=self.title_font)
        if demo:
            self.append([_("DEMO – invented figures for demonstration, not a real claim")])
            self.ws.cell(self.row, 1).font = self.demo_font

    def append(self, values, formats=None, font=None) -> int:
        """Write a row; `formats` maps a column index (0-based) to money/percent/date/month."""
        from openpyxl.styles import Alignment

        self.row += 1
        for index, value in enumerate(values):
            if value is None or value == "":
                continue
            cell = self.ws.cell(self.row, index + 1, value)
            kind = (formats or {}).get(index)
            if kind == "money":
                cell.number_format = MONEY_FORMAT
            elif kind == "percent":
                cell.number_format = PERCENT_FORMAT
            elif kind == "date":
                cell.number_format = self.date_format
                cell.alignment = Alignment(horizontal="left")
            elif kind == "month":
                cell.number_format = MONTH_FORMAT
                cell.alignment = Alignment(horizontal="left")
            if font is not None:
                cell.font = font
        return self.row

    def header(self, labels) -> int:
        from openpyxl.styles import Alignment, Border, PatternFill, Side

        row = self.append(labels, font=self.bold)
        fill = PatternFill("solid", fgColor="E8EEF7")
        for index in range(len(labels)):
            cell = self.ws.cell(row, index + 1)
            cell.fill = fill
            cell.border = Border(bottom=Side(style="thin", color="003580"))
            cell.alignment = Alignment(wrap_text=True, vertical="bottom")
        return row

    def blank(self) -> None:
        self.row += 1

    def widths(self, *widths) -> None:
        from openpyxl.utils import get_column_letter

        for index, width in enumerate(widths):
            self.ws.column_dimensions[get_column_letter(index + 1)].width = width

    def freeze_below(self, row: int) -> None:
        self.ws.freeze_panes = self.ws.cell(row + 1, 1)


def _sheet_title(text: str) -> str:
    for char in "[]:*?/\\":
        text = text.replace(char, " ")
    return text[:31]


def _workbook(title: str):
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.properties.title = title
    workbook.properties.creator = "Hanke"
    workbook.properties.language = (translation.get_language() or "fi")[:2]
    return workbook


def _save(workbook) -> bytes:
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def claim_xlsx(claim) -> bytes:
    """The payment claim as an Excel workbook: the claim and its figures, the categories, the
    cumulative position against the budget and the cost entries."""
    report = claim_report(claim)
    workbook = _workbook(report.title)
    money, percent = "money", "percent"

    # Sheet 1: the claim and its figures
    sheet = _Sheet(workbook, _("Payment claim %(number)s") % {"number": report.number}, True)
    sheet.title(report.title, demo=report.is_demo)
    sheet.freeze_below(sheet.row)
    sheet.blank()
    for label, value, kind in [
        (_("Project"), report.project_name, None),
        (_("Project code"), report.project_code, None),
        (_("Implementer"), report.implementer, None),
        (_("Claim number"), report.number, None),
        (_("Period starts"), report.period_start, "date"),
        (_("Period ends"), report.period_end, "date"),
        (_("Status"), report.status_label, None),
        (_("Figures"), report.basis, None),
        (_("Cost model"), report.cost_model_label, None),
    ]:
        sheet.append([label, value], formats={1: kind}, font=None)
        sheet.ws.cell(sheet.row, 1).font = sheet.bold
    sheet.blank()
    sheet.header([_("Item"), _("Amount"), _("Calculation")])
    sheet.append([_("Costs accepted"), report.costs_accepted], {1: money})
    if report.flat_rate_percent is not None:
        sheet.append([_("Flat rate"), report.flat_rate_amount, report.flat_rate_text], {1: money})
        sheet.append([_("Flat rate (%)"), _fraction(report.flat_rate_percent)], {1: percent})
        sheet.append(
            [_("Staff costs the flat rate is based on"), report.flat_rate_base], {1: money}
        )
    if report.revenues:
        sheet.append([_("Revenues"), -report.revenues], {1: money})
    sheet.append(
        [_("Eligible costs"), report.eligible, report.eligible_text], {1: money}, font=sheet.bold
    )
    sheet.append([_("Aid rate"), _fraction(report.aid_rate)], {1: percent})
    sheet.append([_("Aid"), report.aid, report.aid_text], {1: money}, font=sheet.bold)
    if report.capped:
        sheet.append([_("Aid capped"), report.aid_before_cap, report.cap_notice], {1: money})
    sheet.append(
        [_("Own financing"), report.own_financing, report.own_financing_text],
        {1: money},
        font=sheet.bold,
    )
    sheet.widths(38, 18, 90)

    # Sheet 2: categories
    sheet = _Sheet(workbook, _("Categories"))
    sheet.title(report.title, demo=report.is_demo)
    header = sheet.header([_("Category"), _("Claimed"), _("Reduction"), _("Accepted"), _("Reason")])
    sheet.freeze_below(header)
    fm = {1: money, 2: money, 3: money}
    for row in report.category_rows:
        sheet.append([row.label, row.claimed, row.reduction, row.accepted, row.reason], fm)
    sheet.append(
        [_("Costs total"), report.costs_claimed, report.costs_reduction, report.costs_accepted],
        fm,
        font=sheet.bold,
    )
    if report.flat_rate_percent is not None:
        sheet.append(
            [_("Flat rate"), None, None, report.flat_rate_amount, report.flat_rate_text], fm
        )
    if report.revenues_claimed:
        sheet.append(
            [
                _("Revenues (deducted)"),
                -report.revenues_claimed,
                -report.revenues_reduction,
                -report.revenues,
            ],
            fm,
        )
    sheet.append(
        [_("Eligible costs"), None, None, report.eligible, report.eligible_text],
        fm,
        font=sheet.bold,
    )
    sheet.widths(38, 16, 16, 16, 60)

    # Sheet 3: cumulative position
    sheet = _Sheet(workbook, _("Cumulative position"))
    sheet.title(report.title, demo=report.is_demo)
    header = sheet.header(
        [
            _("Category"),
            _("Budget"),
            _("Previously approved"),
            _("This claim"),
            _("Cumulative"),
            # xgettext:no-python-format
            _("% of budget"),
            _("Remaining"),
        ]
    )
    sheet.freeze_below(header)
    fm = {1: money, 2: money, 3: money, 4: money, 5: percent, 6: money}
    for row in [*report.position_rows, report.position_total, report.aid_position]:
        sheet.append(
            [
                row.label,
                row.budget,
                row.previous,
                row.this_claim,
                row.cumulative,
                _fraction(row.used_percent),
                row.remaining,
            ],
            fm,
            font=sheet.bold if row.key in ("total", "aid") else None,
        )
    sheet.widths(38, 16, 18, 16, 16, 12, 16)

    # Sheet 4: cost entries
    sheet = _Sheet(workbook, _("Cost entries"))
    sheet.title(report.title, demo=report.is_demo)
    header = sheet.header(
        [
            _("Date"),
            _("Category"),
            _("Description"),
            _("Staff member"),
            _("Hours"),
            _("Hourly rate"),
            _("Salary"),
            _("On-costs (%)"),
            _("Amount"),
        ]
    )
    sheet.freeze_below(header)
    fm = {0: "date", 5: money, 6: money, 7: percent, 8: money}
    costs = revenues = ZERO
    for entry in report.entries().iterator(chunk_size=500):
        sheet.append(
            [
                entry.entry_date,
                _category_label(entry.category),
                entry.description,
                entry.staff_member.name if entry.staff_member else "",
                entry.hours,
                entry.hourly_rate,
                entry.salary,
                _fraction(entry.on_cost_percent),
                entry.amount,
            ],
            fm,
        )
        sheet.ws.cell(sheet.row, 5).number_format = "0.00"
        if entry.category == CostCategory.REVENUES:
            revenues += entry.amount
        else:
            costs += entry.amount
    sheet.append([_("Costs total")] + [None] * 7 + [costs], {8: money}, font=sheet.bold)
    if revenues:
        sheet.append([_("Revenues total")] + [None] * 7 + [revenues], {8: money}, font=sheet.bold)
    sheet.widths(12, 22, 44, 26, 9, 13, 14, 13, 16)
    return _save(workbook)


def follow_up_xlsx(project) -> bytes:
    """The budget follow-up as an Excel workbook: categories with a total row, the pace of
    spending and paid aid, and monthly costs with the cumulative sum."""
    report = follow_up_report(project)
    if report is None:
        raise ValueError("The project has no budget.")
    workbook = _workbook(report.title)
    money, percent = "money", "percent"

    sheet = _Sheet(workbook, _("Budget follow-up"), True)
    sheet.title(report.title)
    sheet.append(
        [
            _("Project code"),
            report.project_code,
            _("Implementer"),
            report.implementer,
        ]
    )
    sheet.append(
        [_("Project period"), report.period_text, _("Situation on"), report.today],
        {3: "date"},
    )
    header = sheet.header(
        [
            _("Category"),
            _("Budget"),
            _("Entered"),
            _("Claimed"),
            _("Approved"),
            # xgettext:no-python-format
            _("% used"),
            _("Over budget"),
        ]
    )
    sheet.freeze_below(header)
    fm = {1: money, 2: money, 3: money, 4: money, 5: percent}
    for row in [*report.rows, report.total]:
        sheet.append(
            [
                row.label,
                row.budget,
                row.actual,
                row.claimed,
                row.approved,
                _fraction(row.used_percent),
                _("Over budget")
                if row.over_budget and row.key not in ("revenues", "not_itemised")
                else "",
            ],
            fm,
            font=sheet.bold if row.key == "total" else None,
        )
    sheet.blank()
    sheet.append([_("Project time elapsed"), _fraction(report.elapsed_percent)], {1: percent})
    sheet.append([_("Aid granted"), report.aid_granted], {1: money})
    sheet.append([_("Aid paid to date"), report.paid_to_date], {1: money})
    sheet.append([_("Paid of the granted aid"), _fraction(report.paid_percent)], {1: percent})
    sheet.widths(44, 16, 16, 16, 16, 10, 14)

    sheet = _Sheet(workbook, _("By month"))
    sheet.title(report.title)
    header = sheet.header([_("Month"), _("Costs"), _("Cumulative")])
    sheet.freeze_below(header)
    for month, amount, cumulative in report.by_month:
        sheet.append([month, amount, cumulative], {0: "month", 1: money, 2: money})
    sheet.widths(14, 16, 16)
    return _save(workbook)


# --- PDF ---------------------------------------------------------------------------------------


def _pdf_context(**context) -> dict:
    lang = (translation.get_language() or "fi")[:2]
    return {"lang": lang, "generated": timezone.localtime(), **context}


def claim_pdf_html(claim) -> str:
    """The HTML the claim PDF is rendered from (tests read the formatted figures here)."""
    report = claim_report(claim)
    return render_to_string(
        "finance/pdf/claim.html", _pdf_context(report=report, entries=_entry_rows(report))
    )


def _entry_rows(report):
    for entry in report.entries().iterator(chunk_size=500):
        yield {
            "entry": entry,
            "category": _category_label(entry.category),
            "basis": entry_basis(entry),
            "is_revenue": entry.category == CostCategory.REVENUES,
        }


def follow_up_pdf_html(project) -> str:
    report = follow_up_report(project)
    if report is None:
        raise ValueError("The project has no budget.")
    return render_to_string("finance/pdf/follow_up.html", _pdf_context(report=report))


def _offline_fetcher():
    """Refuse every resource that is not inline (`data:`): the PDF never touches the network."""
    from weasyprint.urls import URLFetcher

    return URLFetcher(allowed_protocols={"data"})


def render_pdf(html: str) -> bytes:
    return pdf_document(html).write_pdf()


def pdf_document(html: str):
    """The WeasyPrint document of our HTML, with the print stylesheet and no remote fetching."""
    import weasyprint

    fetcher = _offline_fetcher()
    stylesheet = weasyprint.CSS(
        string=PRINT_CSS.read_text(encoding="utf-8"),
        base_url=STATIC_DIR.as_uri() + "/",
        url_fetcher=fetcher,
    )
    return weasyprint.HTML(
        string=html, base_url=STATIC_DIR.as_uri() + "/", url_fetcher=fetcher
    ).render(stylesheets=[stylesheet])


def claim_pdf(claim) -> bytes:
    return render_pdf(claim_pdf_html(claim))


def follow_up_pdf(project) -> bytes:
    return render_pdf(follow_up_pdf_html(project))
