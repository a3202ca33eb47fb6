"""The public project search: one text box, the facets and the ranges, read from GET parameters
named as the fields of `selectors.ProjectQuery` (`q` for the text). Every field is optional; a bad
value gets an error next to its field and is left out, the rest of the search still applies."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from hanke.accounts.models import Organisation
from hanke.core.models import Municipality, Region
from hanke.finance.forms import DATE_INPUT_FORMATS, AccessibleFormMixin, AmountField, DateInput
from hanke.programmes.models import Fund, FundingAuthority, Programme, SpecificObjective
from hanke.projects.models import Theme
from hanke.projects.selectors import public_status_choices

from .selectors import FACET_MODELS, SORTS, ProjectQuery

DATE_ERROR = _("Give the date as day.month.year, e.g. 5.3.2024.")

RANGES = [
    ("start_from", "start_to"),
    ("end_from", "end_to"),
    ("total_min", "total_max"),
    ("eu_min", "eu_max"),
]


class IdsField(forms.ModelMultipleChoiceField):
    """Ids of existing records; the search page renders the choices itself (with counts)."""

    widget = forms.MultipleHiddenInput

    def __init__(self, model, **kwargs):
        super().__init__(queryset=model.objects.all(), required=False, **kwargs)
        self.error_messages["invalid_choice"] = _("Choose from the list.")
        self.error_messages["invalid_pk_value"] = _("Choose from the list.")
        self.error_messages["invalid_list"] = _("Choose from the list.")

    def _check_values(self, value):
        # ids are positive database integers; anything else is not in the list (and must not
        # reach the database, which would refuse an integer out of its range)
        for pk in value:
            text = str(pk)
            if not text.isdigit() or not 0 < int(text) < 2**31:
                raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super()._check_values(value)


def _date(label):
    return forms.DateField(
        label=label,
        required=False,
        widget=DateInput(),
        input_formats=DATE_INPUT_FORMATS,
        error_messages={"invalid": DATE_ERROR},
    )


class ProjectSearchForm(AccessibleFormMixin, forms.Form):
    q = forms.CharField(
        label=_("Search projects"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
        error_messages={"max_length": _("Use at most %(limit_value)d characters.")},
    )
    funds = IdsField(Fund, label=_("Fund"))
    programmes = IdsField(Programme, label=_("Programme"))
    specific_objectives = IdsField(SpecificObjective, label=_("Specific objective"))
    authorities = IdsField(FundingAuthority, label=_("Funding authority"))
    regions = IdsField(Region, label=_("Region"))
    municipalities = IdsField(Municipality, label=_("Municipality"))
    themes = IdsField(Theme, label=_("Theme"))
    statuses = forms.MultipleChoiceField(
        label=_("Status"),
        required=False,
        widget=forms.MultipleHiddenInput,
        error_messages={"invalid_choice": _("Choose a status from the list.")},
    )
    implementers = IdsField(Organisation, label=_("Implementer"))
    start_from = _date(_("Starts on or after"))
    start_to = _date(_("Starts on or before"))
    end_from = _date(_("Ends on or after"))
    end_to = _date(_("Ends on or before"))
    total_min = AmountField(label=_("Total budget at least (€)"), required=False)
    total_max = AmountField(label=_("Total budget at most (€)"), required=False)
    eu_min = AmountField(label=_("EU and state funding at least (€)"), required=False)
    eu_max = AmountField(label=_("EU and state funding at most (€)"), required=False)
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=list(SORTS.items()),
        error_messages={"invalid_choice": _("Choose an order from the list.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["statuses"].choices = public_status_choices()

    def clean(self):
        cleaned = super().clean()
        for low, high in RANGES:
            start, end = cleaned.get(low), cleaned.get(high)
            if start is not None and end is not None and end < start:
                message = (
                    _("The end of the range is before its start.")
                    if low.endswith("_from")
                    else _("The largest amount is smaller than the smallest.")
                )
                self.add_error(high, message)
        return cleaned

    def to_query(self) -> ProjectQuery:
        """The valid part of the search (an unbound form gives the empty search)."""
        if not self.is_bound:
            return ProjectQuery()
        self.is_valid()
        data = self.cleaned_data
        values = {}
        for name in FACET_MODELS:
            if data.get(name):
                values[name] = tuple(sorted(obj.pk for obj in data[name]))
        if data.get("statuses"):
            values["statuses"] = tuple(data["statuses"])
        for low, high in RANGES:
            for name in (low, high):
                if data.get(name) is not None:
                    values[name] = data[name]
        return ProjectQuery(
            text=(data.get("q") or "").strip(), sort=data.get("sort") or "", **values
        )


def query_params(query: ProjectQuery, *, sort: bool = True) -> list[tuple[str, str]]:
    """The GET parameters of a search, in a stable order (for links that keep it)."""
    params = []
    if query.text:
        params.append(("q", query.text))
    for name in [*FACET_MODELS, "statuses"]:
        params.extend((name, str(value)) for value in getattr(query, name))
    for low, high in RANGES:
        for name in (low, high):
            value = getattr(query, name)
            if value is not None:
                params.append(
                    (name, value.isoformat() if hasattr(value, "isoformat") else str(value))
                )
    if sort and query.sort:
        params.append(("sort", query.sort))
    return params


def query_string(query: ProjectQuery, **kwargs) -> str:
    return urlencode(query_params(query, **kwargs))
