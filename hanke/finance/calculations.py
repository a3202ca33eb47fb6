"""Pure arithmetic of the cost estimate and financing plan: no database, so it can be property-tested."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from hanke.core.formatting import format_money, format_percent
from hanke.core.money import cents, percent_of, share_percent, to_decimal

from .models import FLAT_RATE_COVERS_ALL_OTHER_COSTS, FLAT_RATES, CostCategory, FundingSource

ZERO = Decimal("0")


@dataclass(frozen=True)
class CostFigures:
    lines: dict  # category -> Decimal, as entered
    flat_rate_percent: Decimal | None
    flat_rate_amount: Decimal
    revenues: Decimal
    total: Decimal


def compute_costs(cost_model: str, lines: dict) -> CostFigures:
    """Total eligible costs = cost lines + flat rate (computed from staff costs) − revenues."""
    lines = {category: cents(amount) for category, amount in lines.items()}
    rate = FLAT_RATES.get(cost_model)
    staff = lines.get(CostCategory.STAFF, ZERO)
    flat_amount = percent_of(staff, rate) if rate is not None else ZERO
    revenues = lines.get(CostCategory.REVENUES, ZERO)
    costs = sum(
        (amount for category, amount in lines.items() if category != CostCategory.REVENUES), ZERO
    )
    return CostFigures(
        lines=lines,
        flat_rate_percent=rate,
        flat_rate_amount=flat_amount,
        revenues=revenues,
        total=costs + flat_amount - revenues,
    )


@dataclass
class PlanCheck:
    errors: dict = field(default_factory=dict)  # field name -> list of messages

    def add(self, field_name: str, message: str) -> None:
        self.errors.setdefault(field_name, []).append(message)

    @property
    def ok(self) -> bool:
        return not self.errors


def check_cost_lines(cost_model: str, lines: dict, check: PlanCheck) -> None:
    for category, amount in lines.items():
        if category not in CostCategory.values:
            check.add(
                "cost_lines", _("Unknown cost category “%(category)s”.") % {"category": category}
            )
            continue
        if to_decimal(amount) < 0:
            check.add(
                f"cost_{category}",
                _("%(category)s cannot be negative.") % {"category": CostCategory(category).label},
            )
        if (
            cost_model in FLAT_RATE_COVERS_ALL_OTHER_COSTS
            and category not in (CostCategory.STAFF, CostCategory.REVENUES)
            and to_decimal(amount) != 0
        ):
            check.add(
                f"cost_{category}",
                _(
                    "Under the 40 %% flat rate all costs other than staff costs are covered by the "
                    "flat rate, so %(category)s cannot be entered separately."
                )
                % {"category": CostCategory(category).label.lower()},
            )


def check_financing(total, sources: dict, max_aid_rate, check: PlanCheck) -> None:
    """The sources must add up to the total exactly, and the aid must stay within the maximum
    rate when compared at two decimals (408 403 of 510 503 is 80,00 % and passes)."""
    total = cents(total)
    amounts = {}
    for source, amount in sources.items():
        if source not in FundingSource.values:
            check.add("financing", _("Unknown funding source “%(source)s”.") % {"source": source})
            continue
        amounts[source] = cents(amount)
        if amounts[source] < 0:
            check.add(
                f"source_{source}",
                _("%(source)s cannot be negative.") % {"source": FundingSource(source).label},
            )
    if not amounts:
        return
    financed = sum(amounts.values(), ZERO)
    if financed != total:
        check.add(
            "financing",
            _(
                "The financing plan adds up to %(financed)s but the total cost is %(total)s: "
                "the sources must match the total exactly (difference %(difference)s)."
            )
            % {
                "financed": format_money(financed),
                "total": format_money(total),
                "difference": format_money(financed - total),
            },
        )
    aid = amounts.get(FundingSource.AID, ZERO)
    rate = share_percent(aid, total)
    if rate is not None and max_aid_rate is not None and rate > cents(max_aid_rate):
        check.add(
            f"source_{FundingSource.AID}",
            _(
                "The aid %(aid)s is %(rate)s of the eligible costs %(total)s, above the maximum "
                "of %(max)s. Lower the aid to at most %(limit)s."
            )
            % {
                "aid": format_money(aid),
                "rate": format_percent(rate),
                "total": format_money(total),
                "max": format_percent(max_aid_rate),
                "limit": format_money(largest_aid_within(total, max_aid_rate)),
            },
        )


def largest_aid_within(total, max_aid_rate) -> Decimal:
    """The largest whole-euro aid whose share of `total`, rounded to two decimals, is within the
    maximum: for 510 503 € at 80 % it is 408 427 € (80,004… % shows as 80,00 %)."""
    total = cents(total)
    limit = (total * to_decimal(max_aid_rate) / 100).to_integral_value(rounding="ROUND_FLOOR")
    while share_percent(limit + 1, total) <= cents(max_aid_rate):
        limit += 1
    while limit > 0 and share_percent(limit, total) > cents(max_aid_rate):
        limit -= 1
    return limit


@dataclass(frozen=True)
class ClaimFigures:
    """Every figure of a payment claim, from its inputs: costs per category (less reductions),
    the flat rate on staff costs, revenues, eligible costs, the aid at the decision's rate (capped
    at what is left of the granted aid) and own financing."""

    by_category: dict  # category -> claimed amount after reductions (revenues included)
    reductions: dict  # category -> reduction
    flat_rate_percent: Decimal | None
    flat_rate_amount: Decimal
    revenues: Decimal
    eligible: Decimal
    aid_rate: Decimal
    aid_before_cap: Decimal
    aid: Decimal
    aid_remaining_before: Decimal
    capped: bool
    own_financing: Decimal

    def as_json(self) -> dict:
        return {
            "by_category": {k: str(v) for k, v in self.by_category.items()},
            "reductions": {k: str(v) for k, v in self.reductions.items()},
            "flat_rate_percent": None
            if self.flat_rate_percent is None
            else str(self.flat_rate_percent),
            "flat_rate_amount": str(self.flat_rate_amount),
            "revenues": str(self.revenues),
            "eligible": str(self.eligible),
            "aid_rate": str(self.aid_rate),
            "aid_before_cap": str(self.aid_before_cap),
            "aid": str(self.aid),
            "aid_remaining_before": str(self.aid_remaining_before),
            "capped": self.capped,
            "own_financing": str(self.own_financing),
        }


def compute_claim(
    cost_model: str, entries_by_category: dict, reductions: dict, aid_rate, aid_remaining
) -> ClaimFigures:
    reductions = {k: cents(v) for k, v in reductions.items() if v}
    by_category = {
        category: max(cents(amount) - reductions.get(category, ZERO), ZERO)
        for category, amount in entries_by_category.items()
    }
    costs = compute_costs(cost_model, by_category)
    eligible = max(costs.total, ZERO)
    aid_before_cap = percent_of(eligible, aid_rate)
    remaining = max(cents(aid_remaining), ZERO)
    aid = min(aid_before_cap, remaining)
    return ClaimFigures(
        by_category=by_category,
        reductions=reductions,
        flat_rate_percent=costs.flat_rate_percent,
        flat_rate_amount=costs.flat_rate_amount,
        revenues=costs.revenues,
        eligible=eligible,
        aid_rate=cents(aid_rate),
        aid_before_cap=aid_before_cap,
        aid=aid,
        aid_remaining_before=remaining,
        capped=aid < aid_before_cap,
        own_financing=eligible - aid,
    )
