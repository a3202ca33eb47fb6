from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .forms import BudgetForm
from .models import Budget, CostCategory, FundingSource
from .services import budget_set


@admin.register(Budget)
class BudgetAdmin(admin.ModelAdmin):
    """Budgets are written through finance.services.budget_set, which enforces the money rules:
    the flat rate is computed, the sources add up to the total, the aid stays within the maximum."""

    form = BudgetForm
    list_display = ["project", "cost_model", "total_cost"]
    readonly_fields = ["computed_total"]
    autocomplete_fields = ["project"]
    fieldsets = [
        (None, {"fields": ["project", "cost_model", "aid_granted_by"]}),
        (
            _("Cost estimate"),
            {"fields": [f"cost_{c}" for c in CostCategory] + ["total_cost", "computed_total"]},
        ),
        (_("Financing plan"), {"fields": [f"source_{s}" for s in FundingSource]}),
    ]

    @admin.display(description=_("total eligible costs (computed)"))
    def computed_total(self, obj):
        from hanke.core.formatting import format_money

        return format_money(obj.total_cost) if obj and obj.pk else "–"

    def save_model(self, request, obj, form, change):
        arguments = form.money_arguments()
        budget = budget_set(
            user=request.user,
            project=form.cleaned_data["project"] if not change else obj.project,
            aid_granted_by=form.cleaned_data.get("aid_granted_by", ""),
            **arguments,
        )
        obj.pk = budget.pk
        obj.refresh_from_db()

    def save_related(self, request, form, formsets, change):
        # the lines were written by budget_set; the form has no many-to-many fields
        pass
