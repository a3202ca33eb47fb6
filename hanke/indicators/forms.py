from django import forms
from django.utils.translation import gettext_lazy as _

from hanke.finance.forms import AccessibleFormMixin, DateInput

INPUT_FORMATS = ["%Y-%m-%d", "%d.%m.%Y"]


class PeriodForm(AccessibleFormMixin, forms.Form):
    """The period of the ESF+ table: from and to (inclusive). An empty field takes the default
    (the project's start, today)."""

    # the date picker sends ISO dates; typed Finnish dates work in every language too
    start = forms.DateField(
        label=_("From"), required=False, widget=DateInput, input_formats=INPUT_FORMATS
    )
    end = forms.DateField(
        label=_("To"), required=False, widget=DateInput, input_formats=INPUT_FORMATS
    )

    def __init__(self, *args, default_start, default_end, **kwargs):
        super().__init__(*args, **kwargs)
        self.default_start, self.default_end = default_start, default_end
        self.fields["start"].initial = default_start
        self.fields["end"].initial = default_end
        self.fields["start"].error_messages["invalid"] = _(
            "Enter the start date as a date, e.g. 1.1.2024."
        )
        self.fields["end"].error_messages["invalid"] = _(
            "Enter the end date as a date, e.g. 31.12.2024."
        )

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        start = cleaned.get("start") or self.default_start
        end = cleaned.get("end") or self.default_end
        if end < start:
            self.add_error("end", _("The end of the period cannot be before its start."))
        else:
            cleaned["start"], cleaned["end"] = start, end
        return cleaned

    def period(self) -> tuple:
        """The chosen period, or the default when the form was not sent."""
        if not self.is_bound:
            return self.default_start, self.default_end
        return self.cleaned_data["start"], self.cleaned_data["end"]
