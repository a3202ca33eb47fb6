"""Budgets are made through the service `budget_set`, so a test budget obeys every money rule
(flat rate computed, sources adding up to the total, aid within the maximum)."""

from decimal import Decimal

import factory

from hanke.finance.models import Budget, CostModel
from hanke.finance.services import budget_set
from hanke.projects.tests.factories import ProjectFactory


class BudgetFactory(factory.Factory):
    """`BudgetFactory(project=p, cost_model=..., cost_lines={...}, financing={...})`.

    The default is seed 002's plan: staff 364 645 €, 40 % flat rate, total 510 503 €,
    aid 408 403 € (80,00 %) and other public 102 100 €."""

    class Meta:
        model = Budget

    project = factory.SubFactory(ProjectFactory)
    cost_model = CostModel.FLAT_RATE_40
    cost_lines = factory.LazyFunction(lambda: {"staff": Decimal("364645")})
    total_cost = None
    financing = factory.LazyFunction(
        lambda: {"aid": Decimal("408403"), "other_public": Decimal("102100")}
    )
    aid_granted_by = ""
    user = None

    @classmethod
    def _create(cls, model_class, **kwargs):
        return budget_set(**kwargs)

    @classmethod
    def _build(cls, model_class, **kwargs):
        raise NotImplementedError("Budgets are only made through finance.services.budget_set.")
