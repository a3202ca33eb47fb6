from hanke.core.money import cents
from hanke.finance.models import Budget
from hanke.finance.services import budget_set


def ensure_budget(
    project, *, cost_model, financing, cost_lines=None, total_cost=None, aid_granted_by=""
):
    """Set the budget through the money rules, unless it already holds exactly these figures."""
    budget = Budget.objects.filter(project=project).first()
    if budget is not None:
        same = (
            budget.cost_model == cost_model
            and budget.aid_granted_by == aid_granted_by
            and {line.category: line.amount for line in budget.cost_lines.all()}
            == {k: cents(v) for k, v in (cost_lines or {}).items()}
            and {line.source: line.amount for line in budget.financing_lines.all()}
            == {k: cents(v) for k, v in financing.items()}
            and (total_cost is None or budget.total_cost == cents(total_cost))
        )
        if same:
            return budget
    return budget_set(
        user=None,
        project=project,
        cost_model=cost_model,
        cost_lines=cost_lines,
        total_cost=total_cost,
        financing=financing,
        aid_granted_by=aid_granted_by,
    )
