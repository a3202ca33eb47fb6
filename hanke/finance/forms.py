from decimal import Decimal

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from hanke.core.money import to_decimal
from hanke.core.uploads import check_upload

from .models import (
    FLAT_RATE_COVERS_ALL_OTHER_COSTS,
    Budget,
    CostCategory,
    CostModel,
    FundingSource,
    StaffMember,
)
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


# --- Forms of the finance pages -----------------------------------------------------------------

# Receipts: the upload checks of hanke.core.uploads, limited to these types.
RECEIPT_EXTENSIONS = {".pdf", ".png", ".jpg", ".jpeg"}


class AccessibleFormMixin:
    """Marks fields with errors `aria-invalid` and points `aria-describedby` at the error text
    (`<field id>-error`, rendered by finance/partials/field.html)."""

    def full_clean(self):
        super().full_clean()
        self.full_clean_attrs()

    def add_service_errors(self, error: ValidationError) -> None:
        """Place a service's ValidationError next to the fields it names; the rest on top."""
        if hasattr(error, "error_dict"):
            for field, messages in error.message_dict.items():
                self.add_error(field if field in self.fields else None, messages)
        else:
            self.add_error(None, error.messages)
        self.full_clean_attrs()

    def full_clean_attrs(self):
        for name in self.errors:
            if name in self.fields:
                field = self.fields[name]
                described = [f"{self[name].auto_id}-error"]
                if field.help_text:
                    described.append(f"{self[name].auto_id}_helptext")
                field.widget.attrs["aria-invalid"] = "true"
                field.widget.attrs["aria-describedby"] = " ".join(described)


class AmountField(forms.DecimalField):
    """A euro amount or other decimal typed Finnish or English style: `1 234,50`, `1234.50`."""

    widget = forms.TextInput

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_digits", 14)
        kwargs.setdefault("decimal_places", 2)
        kwargs.setdefault("min_value", 0)
        super().__init__(*args, **kwargs)
        self.widget.attrs.setdefault("inputmode", "decimal")
        self.widget.attrs.setdefault("autocomplete", "off")

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            result = to_decimal(str(value).strip())
        except (ValueError, TypeError):
            result = None
        if result is None or not result.is_finite():
            raise ValidationError(_("Enter a number, for example 1 234,50."), code="invalid")
        return result

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.pop("step", None)
        attrs.pop("min", None)
        attrs.pop("max", None)
        return attrs


# what a date field accepts: the browser's date picker (ISO) and Finnish typing (5.3.2024)
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y"]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class CostEntryForm(AccessibleFormMixin, forms.Form):
    category = forms.ChoiceField(label=_("Category"), choices=CostCategory.choices)
    entry_date = forms.DateField(label=_("Date"), widget=DateInput)
    description = forms.CharField(label=_("Description"), max_length=300)
    staff_member = forms.ModelChoiceField(
        label=_("Staff member"),
        queryset=StaffMember.objects.none(),
        required=False,
        empty_label=_("— none: enter the amount —"),
        help_text=_(
            "For a staff cost, choose the person: hours for an hourly rate, salary for salary "
            "plus on-costs. The amount is then computed."
        ),
    )
    hours = AmountField(label=_("Hours"), required=False, max_digits=7)
    salary = AmountField(label=_("Salary paid (€)"), required=False, max_digits=12)
    amount = AmountField(
        label=_("Amount (€)"),
        required=False,
        help_text=_("Only when no staff member is chosen."),
    )
    receipt = forms.FileField(
        label=_("Receipt"),
        required=False,
        help_text=_("Optional. PDF, PNG or JPEG, at most %(size)s MB.")
        % {"size": settings.RECEIPT_MAX_BYTES // (1024 * 1024)},
        widget=forms.ClearableFileInput(
            attrs={"accept": ".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"}
        ),
    )

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        self.project = project
        self.fields["staff_member"].queryset = StaffMember.objects.filter(project=project)
        budget = getattr(project, "budget", None)
        if budget is not None and budget.cost_model in FLAT_RATE_COVERS_ALL_OTHER_COSTS:
            self.fields["category"].choices = [
                (c.value, c.label) for c in (CostCategory.STAFF, CostCategory.REVENUES)
            ]

    def clean_receipt(self):
        upload = self.cleaned_data.get("receipt")
        if upload:
            check_upload(
                upload,
                extensions=RECEIPT_EXTENSIONS,
                allowed_label=_("PDF, PNG or JPEG"),
                max_bytes=settings.RECEIPT_MAX_BYTES,
            )
        return upload

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        staff = data.get("staff_member")
        return {
            "category": data["category"],
            "entry_date": data["entry_date"],
            "description": data["description"],
            "staff_member": staff,
            "hours": data.get("hours") if staff else None,
            "salary": data.get("salary") if staff else None,
            "amount": None if staff else data.get("amount"),
        }


class CostFilterForm(AccessibleFormMixin, forms.Form):
    date_from = forms.DateField(label=_("From"), required=False, widget=DateInput)
    date_to = forms.DateField(label=_("To"), required=False, widget=DateInput)
    category = forms.ChoiceField(
        label=_("Category"),
        required=False,
        choices=[("", _("All categories")), *CostCategory.choices],
    )


class StaffMemberForm(AccessibleFormMixin, forms.ModelForm):
    class Meta:
        model = StaffMember
        fields = ["name", "title", "method", "annual_salary", "on_cost_percent"]
        field_classes = {"annual_salary": AmountField, "on_cost_percent": AmountField}

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.project = project
        self.fields["annual_salary"].label = _("Annual salary (€)")
        # xgettext:no-python-format
        self.fields["on_cost_percent"].label = _("On-costs (% of salary)")
        self.fields["on_cost_percent"].max_value = Decimal("100")
        self.fields["method"].widget = forms.RadioSelect(choices=StaffMember.Method.choices)

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("method") == StaffMember.Method.HOURLY
            and cleaned.get("annual_salary") is None
        ):
            self.add_error(
                "annual_salary", _("Give the annual salary: the hourly rate is computed from it.")
            )
        if cleaned.get("on_cost_percent") is None:
            cleaned["on_cost_percent"] = Decimal("0")
        return cleaned


class ChangeRequestForm(AccessibleFormMixin, forms.Form):
    """Proposed cost lines and financing sources of an approved budget, with the reason."""

    total_cost = AmountField(
        label=_("Total eligible costs (€)"),
        required=False,
        help_text=_("Only when the costs are not itemised; otherwise it is computed."),
    )
    reason = forms.CharField(
        label=_("Reason for the change"), widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, budget, **kwargs):
        super().__init__(*args, **kwargs)
        categories = [
            c
            for c in CostCategory
            if budget.cost_model not in FLAT_RATE_COVERS_ALL_OTHER_COSTS
            or c in (CostCategory.STAFF, CostCategory.REVENUES)
        ]
        self.cost_names = []
        for category in categories:
            name = f"cost_{category}"
            self.fields[name] = AmountField(label=category.label, required=False)
            self.cost_names.append(name)
        self.source_names = []
        for source in FundingSource:
            name = f"source_{source}"
            self.fields[name] = AmountField(label=source.label, required=False)
            self.source_names.append(name)
        for line in budget.cost_lines.all():
            self.initial[f"cost_{line.category}"] = line.amount
        for line in budget.financing_lines.all():
            self.initial[f"source_{line.source}"] = line.amount
        if not budget.cost_lines.exists():
            self.initial["total_cost"] = budget.total_cost
        self.order_fields([*self.cost_names, "total_cost", *self.source_names, "reason"])

    @property
    def cost_fields(self):
        return [self[name] for name in self.cost_names]

    @property
    def source_fields(self):
        return [self[name] for name in self.source_names]

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {
            "reason": data.get("reason") or "",
            "cost_lines": {
                name.removeprefix("cost_"): data[name]
                for name in self.cost_names
                if data.get(name) is not None
            },
            "total_cost": data.get("total_cost"),
            "financing": {
                name.removeprefix("source_"): data[name]
                for name in self.source_names
                if data.get(name) is not None
            },
        }


class ChangeDecisionForm(AccessibleFormMixin, forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Approve the change")), ("reject", _("Reject the change"))],
        widget=forms.RadioSelect,
    )
    decision_note = forms.CharField(
        label=_("Note to the project"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when rejecting."),
    )


class ClaimCreateForm(AccessibleFormMixin, forms.Form):
    period_start = forms.DateField(label=_("Period starts"), widget=DateInput)
    period_end = forms.DateField(label=_("Period ends"), widget=DateInput)


class ClaimReturnForm(AccessibleFormMixin, forms.Form):
    decision_note = forms.CharField(
        label=_("Message to the project"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What should the project add or correct?"),
        required=False,
    )


class ClaimApproveForm(AccessibleFormMixin, forms.Form):
    """Approve a submitted claim, optionally reducing each claimed category with a reason."""

    note = forms.CharField(
        label=_("Note to the project"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, claimed: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = []
        for category in CostCategory:
            if category not in claimed:
                continue
            amount_name, reason_name = f"reduction_{category}", f"reason_{category}"
            self.fields[amount_name] = AmountField(label=_("Reduction (€)"), required=False)
            self.fields[reason_name] = forms.CharField(
                label=_("Reason"), required=False, max_length=1000
            )
            self.rows.append((category, claimed[category], amount_name, reason_name))

    @property
    def reduction_rows(self):
        return [
            {
                "category": category,
                "label": category.label,
                "claimed": claimed,
                "amount": self[amount_name],
                "reason": self[reason_name],
            }
            for category, claimed, amount_name, reason_name in self.rows
        ]

    def reductions(self) -> list:
        data = self.cleaned_data
        return [
            (category.value, data.get(amount_name), data.get(reason_name) or "")
            for category, _claimed, amount_name, reason_name in self.rows
            if data.get(amount_name)
        ]
