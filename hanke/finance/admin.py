from django.contrib import admin

from .models import Budget, CostLine, FinancingLine


class CostLineInline(admin.TabularInline):
    model = CostLine
    extra = 0


class FinancingLineInline(admin.TabularInline):
    model = FinancingLine
    extra = 0


@admin.register(Budget)
class BudgetAdmin(admin.ModelAdmin):
    """Read-only here: budgets are written through finance.services.budget_set, which checks the
    money rules (flat rate computed, sources add up, aid within the maximum rate)."""

    list_display = ["project", "cost_model", "total_cost"]
    inlines = [CostLineInline, FinancingLineInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
