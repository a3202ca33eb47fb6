from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .forms import BudgetForm
from .models import (
    Budget,
    BudgetVersion,
    ChangeRequest,
    CostCategory,
    CostEntry,
    FundingSource,
    PaymentClaim,
    StaffMember,
)
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

    def has_change_permission(self, request, obj=None):
        # an approved budget changes only through a change request
        if obj is not None and obj.approved_at is not None:
            return False
        return super().has_change_permission(request, obj)

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


class ReadOnlyAdmin(admin.ModelAdmin):
    """Written only through the finance services (their rules and locks); the admin shows them."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(PaymentClaim)
class PaymentClaimAdmin(ReadOnlyAdmin):
    list_display = [
        "project",
        "number",
        "period_start",
        "period_end",
        "status",
        "approved_aid",
        "is_demo",
    ]
    list_filter = ["status", "is_demo"]


@admin.register(CostEntry)
class CostEntryAdmin(ReadOnlyAdmin):
    list_display = ["project", "entry_date", "category", "description", "amount", "claim"]
    list_filter = ["category"]
    search_fields = ["description"]


@admin.register(ChangeRequest)
class ChangeRequestAdmin(ReadOnlyAdmin):
    list_display = ["budget", "status", "created_at", "decided_at"]


@admin.register(BudgetVersion)
class BudgetVersionAdmin(ReadOnlyAdmin):
    list_display = ["budget", "number", "approved_at"]


@admin.register(StaffMember)
class StaffMemberAdmin(admin.ModelAdmin):
    list_display = ["name", "project", "method", "annual_salary", "on_cost_percent"]
    list_filter = ["method"]
