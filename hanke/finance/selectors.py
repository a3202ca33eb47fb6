from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from hanke.core.money import percent_of, share_percent
from hanke.programmes.models import DEVELOPMENT_MAX_AID_RATE, INVESTMENT_MAX_AID_RATE

from .calculations import compute_costs
from .models import FLAT_RATES, PUBLIC_SOURCES, CostCategory, CostModel, FundingSource


def max_aid_rate_for(project) -> Decimal:
    """The call's maximum aid rate, or the programme rule: 80 % development, 70 % investment."""
    if project.call_id:
        return project.call.max_aid_rate
    if project.kind == project.Kind.INVESTMENT:
        return INVESTMENT_MAX_AID_RATE
    return DEVELOPMENT_MAX_AID_RATE


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    amount: Decimal
    percent: Decimal | None
    computed: bool = False
    note: str = ""


@dataclass(frozen=True)
class BudgetSummary:
    cost_model: str
    cost_model_label: str
    cost_rows: list
    total_cost: Decimal
    financing_rows: list
    financing_total: Decimal
    aid: Decimal
    aid_rate: Decimal | None
    public_total: Decimal
    max_aid_rate: Decimal
    aid_granted_by: str


def budget_summary(project) -> BudgetSummary | None:
    """Every figure of the cost estimate and financing plan, with its share of the total."""
    budget = getattr(project, "budget", None)
    if budget is None:
        return None
    lines = {line.category: line.amount for line in budget.cost_lines.all()}
    total = budget.total_cost
    cost_rows = []
    if lines:
        figures = compute_costs(budget.cost_model, lines)
        for category in CostCategory:
            if category in lines and category != CostCategory.REVENUES:
                cost_rows.append(
                    Row(
                        category,
                        category.label,
                        lines[category],
                        share_percent(lines[category], total),
                    )
                )
        if figures.flat_rate_percent is not None:
            cost_rows.append(
                Row(
                    "flat_rate",
                    CostModel(budget.cost_model).label,
                    figures.flat_rate_amount,
                    share_percent(figures.flat_rate_amount, total),
                    computed=True,
                )
            )
        if CostCategory.REVENUES in lines:
            cost_rows.append(
                Row("revenues", CostCategory.REVENUES.label, -lines[CostCategory.REVENUES], None)
            )
    order = list(FundingSource)
    financing = sorted(budget.financing_lines.all(), key=lambda line: order.index(line.source))
    financing_rows = [
        Row(
            line.source,
            FundingSource(line.source).label,
            line.amount,
            share_percent(line.amount, total),
            note=line.note,
        )
        for line in financing
    ]
    aid = sum((line.amount for line in financing if line.source == FundingSource.AID), Decimal("0"))
    return BudgetSummary(
        cost_model=budget.cost_model,
        cost_model_label=CostModel(budget.cost_model).label,
        cost_rows=cost_rows,
        total_cost=total,
        financing_rows=financing_rows,
        financing_total=sum((line.amount for line in financing), Decimal("0")),
        aid=aid,
        aid_rate=share_percent(aid, total),
        public_total=sum(
            (line.amount for line in financing if line.source in PUBLIC_SOURCES), Decimal("0")
        ),
        max_aid_rate=max_aid_rate_for(project),
        aid_granted_by=budget.aid_granted_by,
    )


def budget_snapshot(budget) -> dict:
    """The budget's figures as plain strings, for immutable versions and before/after views."""
    return {
        "cost_model": budget.cost_model,
        "total_cost": str(budget.total_cost),
        "aid_rate": None if budget.aid_rate is None else str(budget.aid_rate),
        "cost_lines": {line.category: str(line.amount) for line in budget.cost_lines.all()},
        "financing": {line.source: str(line.amount) for line in budget.financing_lines.all()},
    }


@dataclass(frozen=True)
class DiffRow:
    key: str
    label: str
    before: Decimal | None
    after: Decimal | None

    @property
    def change(self) -> Decimal:
        return (self.after or Decimal("0")) - (self.before or Decimal("0"))


def change_request_diff(change_request) -> list:
    """Before/after rows for a change request: every cost line, the total, every source."""
    # the figures the request was made against; a decided request keeps showing its own change
    before = change_request.before or budget_snapshot(change_request.budget)
    after = change_request.proposed
    rows = []
    for category in CostCategory:
        b, a = before["cost_lines"].get(category), after["cost_lines"].get(category)
        if b is not None or a is not None:
            rows.append(DiffRow(f"cost_{category}", category.label, _dec(b), _dec(a)))
    rows.append(
        DiffRow(
            "total_cost",
            str(_("Total eligible costs")),
            _dec(before["total_cost"]),
            _dec(after["total_cost"]),
        )
    )
    for source in FundingSource:
        b, a = before["financing"].get(source), after["financing"].get(source)
        if b is not None or a is not None:
            rows.append(DiffRow(f"source_{source}", source.label, _dec(b), _dec(a)))
    return rows


def _dec(value):
    return None if value is None else Decimal(value)


def claim_entry_totals(claim) -> dict:
    """Claimed costs per category: the sum of the claim's entries."""
    from django.db.models import Sum

    rows = claim.entries.values("category").annotate(total=Sum("amount"))
    return {row["category"]: row["total"] for row in rows}


def aid_granted(project) -> Decimal:
    budget = getattr(project, "budget", None)
    if budget is None:
        return Decimal("0")
    line = budget.financing_lines.filter(source=FundingSource.AID).first()
    return line.amount if line else Decimal("0")


def aid_approved_to_date(project, exclude_claim=None) -> Decimal:
    from django.db.models import Sum

    from . import claim_workflow

    claims = project.payment_claims.filter(status=claim_workflow.APPROVED)
    if exclude_claim is not None:
        claims = claims.exclude(pk=exclude_claim.pk)
    return claims.aggregate(total=Sum("approved_aid"))["total"] or Decimal("0")


def claim_compute(claim):
    """The claim's figures from its entries and reductions, at the decision's aid rate, with the
    aid capped at what is left of the granted aid after the other approved claims."""
    from .calculations import compute_claim

    budget = claim.project.budget
    reductions = {r.category: r.amount for r in claim.reductions.all()}
    remaining = aid_granted(claim.project) - aid_approved_to_date(
        claim.project, exclude_claim=claim
    )
    return compute_claim(
        budget.cost_model,
        claim_entry_totals(claim),
        reductions,
        budget.aid_rate or Decimal("0"),
        remaining,
    )


@dataclass(frozen=True)
class FollowUpRow:
    key: str
    label: str
    budget: Decimal
    actual: Decimal
    claimed: Decimal
    approved: Decimal
    has_budget: bool = True  # False when the budget gives only a total, not this category

    @property
    def used_percent(self):
        return share_percent(self.actual, self.budget) if self.has_budget else None

    @property
    def over_budget(self) -> bool:
        return self.has_budget and self.actual > self.budget


@dataclass(frozen=True)
class FollowUp:
    rows: list
    total: FollowUpRow
    elapsed_percent: Decimal | None
    paid_to_date: Decimal
    aid_granted: Decimal
    by_month: list  # (yyyy-mm, actual eligible costs that month, cumulative)

    @property
    def itemised(self) -> bool:
        return all(row.has_budget for row in self.rows)

    @property
    def warnings(self) -> list:
        """Categories over their budget, and the total when it is over."""
        return [row for row in self.rows if row.over_budget] + (
            [self.total] if self.total.over_budget else []
        )


def budget_follow_up(project, today=None) -> FollowUp | None:
    """Budget against realised costs per category: entered, claimed (in submitted or approved
    claims) and approved; spending pace against elapsed project time; paid to date."""
    import datetime

    from django.db.models import Sum
    from django.db.models.functions import TruncMonth

    from . import claim_workflow
    from .models import CostEntry

    budget = getattr(project, "budget", None)
    if budget is None:
        return None
    today = today or datetime.date.today()
    lines = {line.category: line.amount for line in budget.cost_lines.all()}
    rate = FLAT_RATES.get(budget.cost_model)
    entries = CostEntry.objects.filter(project=project)

    def sums(queryset):
        return {
            r["category"]: r["total"]
            for r in queryset.values("category").annotate(total=Sum("amount"))
        }

    actual = sums(entries)
    claimed = sums(entries.filter(claim__status__in=claim_workflow.LOCKING_STATES))
    approved = sums(entries.filter(claim__status=claim_workflow.APPROVED))
    reductions = {}
    for claim in project.payment_claims.filter(status=claim_workflow.APPROVED).prefetch_related(
        "reductions"
    ):
        for reduction in claim.reductions.all():
            reductions[reduction.category] = (
                reductions.get(reduction.category, Decimal("0")) + reduction.amount
            )
    approved = {k: v - reductions.get(k, Decimal("0")) for k, v in approved.items()}
    zero = Decimal("0")
    rows = []
    for category in CostCategory:
        if category == CostCategory.REVENUES:
            continue
        if category in lines or category in actual:
            rows.append(
                FollowUpRow(
                    category,
                    category.label,
                    lines.get(category, zero),
                    actual.get(category, zero),
                    claimed.get(category, zero),
                    approved.get(category, zero),
                    has_budget=bool(lines),
                )
            )
    if rate is not None:
        staff = next((r for r in rows if r.key == CostCategory.STAFF), None)
        if staff is not None:
            rows.append(
                FollowUpRow(
                    "flat_rate",
                    CostModel(budget.cost_model).label,
                    compute_costs(budget.cost_model, lines).flat_rate_amount,
                    percent_of(staff.actual, rate),
                    percent_of(staff.claimed, rate),
                    percent_of(staff.approved, rate),
                )
            )
    total = FollowUpRow(
        "total",
        str(_("Total eligible costs")),
        budget.total_cost,
        sum((r.actual for r in rows), zero) - actual.get(CostCategory.REVENUES, zero),
        sum((r.claimed for r in rows), zero) - claimed.get(CostCategory.REVENUES, zero),
        sum((r.approved for r in rows), zero) - approved.get(CostCategory.REVENUES, zero),
    )
    elapsed = None
    if project.start_date and project.end_date and project.end_date > project.start_date:
        span = (project.end_date - project.start_date).days
        done = min(max((today - project.start_date).days, 0), span)
        elapsed = share_percent(done, span)
    monthly = (
        entries.exclude(category=CostCategory.REVENUES)
        .annotate(month=TruncMonth("entry_date"))
        .values("month")
        .annotate(total=Sum("amount"))
        .order_by("month")
    )
    by_month, running = [], zero
    for row in monthly:
        running += row["total"]
        by_month.append((row["month"].strftime("%Y-%m"), row["total"], running))
    return FollowUp(
        rows=rows,
        total=total,
        elapsed_percent=elapsed,
        paid_to_date=aid_approved_to_date(project),
        aid_granted=aid_granted(project),
        by_month=by_month,
    )


@dataclass(frozen=True)
class CumulativeRow:
    key: str
    label: str
    budget: Decimal
    previous: Decimal
    this_claim: Decimal
    has_budget: bool = True  # False when the budget gives only a total, not this line

    @property
    def cumulative(self) -> Decimal:
        return self.previous + self.this_claim

    @property
    def remaining(self) -> Decimal:
        return self.budget - self.cumulative

    @property
    def used_percent(self):
        return share_percent(self.cumulative, self.budget) if self.has_budget else None

    @property
    def over_budget(self) -> bool:
        return self.has_budget and self.cumulative > self.budget


def claim_cumulative(claim, this_by_category: dict, this_flat_rate) -> list:
    """Per budget line: the budget, what the project's earlier approved claims approved (after
    reductions), this claim's amount and the two together. Flat rate and total rows included."""

    budget = claim.project.budget
    lines = {line.category: line.amount for line in budget.cost_lines.all()}
    zero = Decimal("0")
    before = approved_before(claim)
    previous, previous_flat = before.by_category, before.flat_rate
    this = {k: Decimal(v) for k, v in this_by_category.items()}
    rows = []
    for category in CostCategory:
        if category == CostCategory.REVENUES:
            continue
        if category in lines or category in previous or category in this:
            rows.append(
                CumulativeRow(
                    category,
                    category.label,
                    lines.get(category, zero),
                    previous.get(category, zero),
                    this.get(category, zero),
                    has_budget=bool(lines),
                )
            )
    if FLAT_RATES.get(budget.cost_model) is not None:
        rows.append(
            CumulativeRow(
                "flat_rate",
                CostModel(budget.cost_model).label,
                compute_costs(budget.cost_model, lines).flat_rate_amount if lines else zero,
                previous_flat,
                Decimal(this_flat_rate or 0),
            )
        )
    revenues = CostCategory.REVENUES
    rows.append(
        CumulativeRow(
            "total",
            str(_("Total eligible costs")),
            budget.total_cost,
            sum((r.previous for r in rows), zero) - previous.get(revenues, zero),
            sum((r.this_claim for r in rows), zero) - this.get(revenues, zero),
        )
    )
    return rows


@dataclass(frozen=True)
class YearRow:
    kind: str
    key: str
    label: str
    line_total: Decimal
    by_year: dict  # year -> Decimal

    @property
    def years_total(self) -> Decimal:
        return sum(self.by_year.values(), Decimal("0"))


def budget_years(project) -> list[int]:
    """The calendar years of the project's period (or those already used in the breakdown)."""
    budget = getattr(project, "budget", None)
    used = sorted(set(budget.annual_amounts.values_list("year", flat=True))) if budget else []
    if project.start_date and project.end_date:
        return sorted(set(range(project.start_date.year, project.end_date.year + 1)) | set(used))
    return used


def budget_by_year(project) -> list[YearRow]:
    """Each cost line and financing source with its amounts per year."""
    from .models import AnnualAmount

    budget = project.budget
    annual = {}
    for amount in budget.annual_amounts.all():
        annual.setdefault((amount.kind, amount.key), {})[amount.year] = amount.amount
    rows = [
        YearRow(
            AnnualAmount.Kind.COST,
            line.category,
            CostCategory(line.category).label,
            line.amount,
            annual.get((AnnualAmount.Kind.COST, line.category), {}),
        )
        for line in budget.cost_lines.all()
    ]
    rows += [
        YearRow(
            AnnualAmount.Kind.FINANCING,
            line.source,
            FundingSource(line.source).label,
            line.amount,
            annual.get((AnnualAmount.Kind.FINANCING, line.source), {}),
        )
        for line in budget.financing_lines.all()
    ]
    return rows


@dataclass(frozen=True)
class ApprovedBefore:
    """What the project's approved claims numbered before a claim were accepted for."""

    by_category: dict  # category -> accepted amount after reductions (revenues included)
    flat_rate: Decimal  # their flat rates, each computed per claim to the cent
    eligible: Decimal
    aid: Decimal
    numbers: list


def approved_before(claim) -> ApprovedBefore:
    """The earlier approved claims in a fixed number of queries, whatever their count."""
    from django.db.models import Sum

    from . import claim_workflow
    from .models import ClaimReduction, CostEntry

    zero = Decimal("0")
    rate = FLAT_RATES.get(claim.project.budget.cost_model)
    previous = list(
        claim.project.payment_claims.filter(status=claim_workflow.APPROVED, number__lt=claim.number)
        .exclude(pk=claim.pk)
        .order_by("number")
        .values_list("pk", "number", "approved_eligible", "approved_aid")
    )
    pks = [pk for pk, *_rest in previous]
    per_claim: dict = {}
    for row in (
        CostEntry.objects.filter(claim_id__in=pks)
        .values("claim_id", "category")
        .annotate(total=Sum("amount"))
    ):
        per_claim.setdefault(row["claim_id"], {})[row["category"]] = row["total"]
    for reduction in ClaimReduction.objects.filter(claim_id__in=pks):
        amounts = per_claim.setdefault(reduction.claim_id, {})
        amounts[reduction.category] = max(
            amounts.get(reduction.category, zero) - reduction.amount, zero
        )
    by_category: dict = {}
    flat = zero
    for amounts in per_claim.values():
        for category, amount in amounts.items():
            by_category[category] = by_category.get(category, zero) + amount
        if rate is not None:
            flat += percent_of(amounts.get(CostCategory.STAFF, zero), rate)
    return ApprovedBefore(
        by_category=by_category,
        flat_rate=flat,
        eligible=sum((e or zero for _pk, _n, e, _a in previous), zero),
        aid=sum((a or zero for _pk, _n, _e, a in previous), zero),
        numbers=[number for _pk, number, _e, _a in previous],
    )
