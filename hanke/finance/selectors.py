from dataclasses import dataclass
from decimal import Decimal

from hanke.core.money import share_percent
from hanke.programmes.models import DEVELOPMENT_MAX_AID_RATE, INVESTMENT_MAX_AID_RATE

from .calculations import compute_costs
from .models import PUBLIC_SOURCES, CostCategory, CostModel, FundingSource


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
