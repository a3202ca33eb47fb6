from django import forms
from django.utils.translation import gettext_lazy as _

from hanke.finance.forms import AccessibleFormMixin

# AccessLog.detail holds the reason of an erasure: at most this long.
REASON_MAX_LENGTH = 300


class ParticipantSearchForm(AccessibleFormMixin, forms.Form):
    q = forms.CharField(
        label=_("Search by name or e-mail"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )


class ErasureForm(AccessibleFormMixin, forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "For example “The person asked for erasure by e-mail on 3.2.2025”. The reason is "
            "kept in the access log."
        ),
        error_messages={"required": _("Give the reason for the erasure.")},
    )

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(_("Give the reason for the erasure."), code="required")
        return reason
