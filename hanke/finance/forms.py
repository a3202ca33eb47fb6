from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .models import Budget, CostCategory, CostModel, FundingSource
from .services import budget_validate


def _amount_field(label):
    return forms.DecimalField(
        label=label, required=False, min_value=0, max_digits=14, decimal_places=2
    )


class _BudgetFormBase(forms.ModelForm):
    """The cost estimate and financing plan of one project, checked by the same rules as
    `finance.services.budget_set`: errors appear next to the field they concern."""

    total_cost = forms.DecimalField(
        label=_("total eligible costs"),
        required=False,
        min_value=0,
        decimal_places=2,
        help_text=_("Only when the costs are not itemised; otherwise it is computed."),
    )

    class Meta:
        model = Budget
        fields = ["project", "cost_model", "aid_granted_by"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["project"].disabled = True
            for line in self.instance.cost_lines.all():
                self.initial[f"cost_{line.category}"] = line.amount
            for line in self.instance.financing_lines.all():
                self.initial[f"source_{line.source}"] = line.amount
            if not self.instance.cost_lines.exists():
                self.initial["total_cost"] = self.instance.total_cost
        self.fields["cost_model"].initial = CostModel.FLAT_RATE_40

    def money_arguments(self) -> dict:
        data = self.cleaned_data
        return {
            "cost_model": data.get("cost_model"),
            "cost_lines": {
                c.value: data.get(f"cost_{c}")
                for c in CostCategory
                if data.get(f"cost_{c}") is not None
            },
            "total_cost": data.get("total_cost"),
            "financing": {
                s.value: data.get(f"source_{s}")
                for s in FundingSource
                if data.get(f"source_{s}") is not None
            },
        }

    def clean(self):
        cleaned = super().clean()
        project = cleaned.get("project")
        if project is None or self.errors:
            return cleaned
        try:
            budget_validate(project=project, **self.money_arguments())
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                self.add_error(field if field in self.fields else None, messages)
        return cleaned


# One amount field per cost category and funding source, declared on the class so that the
# admin's fieldsets can name them.
BudgetForm = type(
    "BudgetForm",
    (_BudgetFormBase,),
    {
        "__module__": __name__,
        **{f"cost_{c}": _amount_field(c.label) for c in CostCategory},
        **{f"source_{s}": _amount_field(s.label) for s in FundingSource},
    },
)
