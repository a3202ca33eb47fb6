from django import forms
from django.utils.translation import gettext_lazy as _

from hanke.core.i18n import localised
from hanke.programmes.models import Fund, FundingAuthority
from hanke.projects.selectors import public_status_choices


class FundChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        abbreviation = localised(obj, "abbreviation").text or obj.code
        name = localised(obj, "name").text
        return f"{abbreviation} – {name}" if name and name != abbreviation else abbreviation


class AuthorityChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return localised(obj, "name").text


class ProjectFilterForm(forms.Form):
    """The GET filters of the project list. Every field is optional; a bad value gets an error
    next to its field and is ignored, the other filters still apply."""

    fund = FundChoiceField(
        label=_("Fund"),
        queryset=Fund.objects.all(),
        required=False,
        empty_label=_("All funds"),
        error_messages={"invalid_choice": _("Choose a fund from the list.")},
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        error_messages={"invalid_choice": _("Choose a status from the list.")},
    )
    authority = AuthorityChoiceField(
        label=_("Funding authority"),
        queryset=FundingAuthority.objects.all(),
        required=False,
        empty_label=_("All funding authorities"),
        error_messages={"invalid_choice": _("Choose a funding authority from the list.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", _("All statuses")), *public_status_choices()]

    def filters(self) -> dict:
        """The valid filters as keyword arguments for `project_list_public`."""
        if self.is_bound and not self.is_valid():
            for name in self.errors:
                if name in self.fields:
                    self.fields[name].widget.attrs.update(
                        {"aria-invalid": "true", "aria-describedby": f"{self[name].auto_id}-error"}
                    )
        data = getattr(self, "cleaned_data", {})
        return {
            "fund": data.get("fund"),
            "status": data.get("status") or "",
            "funding_authority": data.get("authority"),
        }

    def valid_query(self) -> dict:
        """The valid filters as GET parameters, for page links that keep them."""
        filters = self.filters()
        query = {}
        if filters["fund"] is not None:
            query["fund"] = filters["fund"].pk
        if filters["status"]:
            query["status"] = filters["status"]
        if filters["funding_authority"] is not None:
            query["authority"] = filters["funding_authority"].pk
        return query
