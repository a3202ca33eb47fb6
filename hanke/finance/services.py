from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from hanke.core.formatting import format_money
from hanke.core.money import cents

from .calculations import PlanCheck, check_cost_lines, check_financing, compute_costs
from .models import Budget, CostLine, FinancingLine
from .selectors import max_aid_rate_for


def budget_validate(
    *,
    project,
    cost_model: str,
    cost_lines: dict | None = None,
    total_cost: Decimal | None = None,
    financing: dict | None = None,
) -> Decimal:
    """Check every money rule of a cost estimate and financing plan without writing anything.

    Returns the total eligible costs (computed from the cost lines and the flat rate when they are
    given). Raises ValidationError with messages keyed by field: `cost_<category>`,
    `source_<source>`, `total_cost`, or `financing` / `cost_lines` for the plan as a whole."""
    check = PlanCheck()
    cost_lines = {k: v for k, v in (cost_lines or {}).items() if v is not None}
    financing = {k: v for k, v in (financing or {}).items() if v is not None}
    check_cost_lines(cost_model, cost_lines, check)
    if check.ok and cost_lines:
        figures = compute_costs(cost_model, cost_lines)
        if total_cost is not None and cents(total_cost) != figures.total:
            check.add(
                "total_cost",
                _(
                    "The stated total %(stated)s does not match the cost lines and flat rate, which add up to %(computed)s."
                )
                % {
                    "stated": format_money(cents(total_cost)),
                    "computed": format_money(figures.total),
                },
            )
        total = figures.total
    elif total_cost is not None:
        total = cents(total_cost)
        if total < 0:
            check.add("total_cost", _("The total cost cannot be negative."))
    else:
        total = Decimal("0")
        if not check.errors:
            check.add("total_cost", _("Give the cost lines or the total cost."))
    if check.ok:
        check_financing(total, financing, max_aid_rate_for(project), check)
    if not check.ok:
        raise ValidationError(check.errors)
    return total


@transaction.atomic
def budget_set(
    *,
    user,
    project,
    cost_model: str,
    cost_lines: dict | None = None,
    total_cost: Decimal | None = None,
    financing: dict | None = None,
    aid_granted_by: str = "",
) -> Budget:
    """Replace a project's cost estimate and financing plan after checking every money rule.

    Give `cost_lines` (category → amount) when the costs are itemised: the flat rate and the total
    are computed. Give only `total_cost` when the source states just the total. Raises
    ValidationError with a message per field and changes nothing when any rule fails.
    """
    cost_lines = {k: v for k, v in (cost_lines or {}).items() if v is not None}
    financing = {k: v for k, v in (financing or {}).items() if v is not None}
    total = budget_validate(
        project=project,
        cost_model=cost_model,
        cost_lines=cost_lines,
        total_cost=total_cost,
        financing=financing,
    )

    budget, _created = Budget.objects.update_or_create(
        project=project,
        defaults={"cost_model": cost_model, "total_cost": total, "aid_granted_by": aid_granted_by},
    )
    budget.cost_lines.all().delete()
    CostLine.objects.bulk_create(
        [
            CostLine(budget=budget, category=category, amount=cents(amount))
            for category, amount in cost_lines.items()
        ]
    )
    budget.financing_lines.all().delete()
    FinancingLine.objects.bulk_create(
        [
            FinancingLine(budget=budget, source=source, amount=cents(amount))
            for source, amount in financing.items()
        ]
    )
    return budget
