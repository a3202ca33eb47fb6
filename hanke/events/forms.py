"""Forms of the public event pages: the calendar's filters and the registration form (no account
needed) with the ESF+ start data."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hanke.core.business_id import normalise_business_id
from hanke.core.i18n import localised
from hanke.core.models import Region
from hanke.finance.forms import DATE_INPUT_FORMATS, AccessibleFormMixin, DateInput
from hanke.participants.models import Participant
from hanke.participants.services import START_DATA_FIELDS
from hanke.projects.models import Theme

from . import selectors
from .models import Event


class LocalisedChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return localised(obj, "name").text or str(obj)


class CalendarFilterForm(AccessibleFormMixin, forms.Form):
    """The GET filters of the public calendar: `region`, `theme`, `type`, `from`, `to` and
    `when`. Every field is optional; a bad value gets an error next to its field and is left out,
    the other filters still apply."""

    when = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[
            (selectors.UPCOMING, _("Upcoming events")),
            (selectors.PAST, _("Past events")),
            (selectors.ALL, _("All events")),
        ],
        error_messages={"invalid_choice": _("Choose upcoming, past or all events.")},
    )
    region = LocalisedChoiceField(
        label=_("Region"),
        queryset=Region.objects.all(),
        required=False,
        empty_label=_("All regions"),
        error_messages={"invalid_choice": _("Choose a region from the list.")},
    )
    theme = LocalisedChoiceField(
        label=_("Theme"),
        queryset=Theme.objects.all(),
        required=False,
        empty_label=_("All themes"),
        error_messages={"invalid_choice": _("Choose a theme from the list.")},
    )
    type = forms.ChoiceField(
        label=_("Type"),
        required=False,
        choices=[("", _("All types")), *Event.Type.choices],
        error_messages={"invalid_choice": _("Choose a type from the list.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        messages = {"invalid": _("Give the date as day.month.year, e.g. 5.3.2024.")}
        self.fields["from"] = forms.DateField(
            label=_("From"),
            required=False,
            widget=DateInput(),
            input_formats=DATE_INPUT_FORMATS,
            error_messages=messages,
        )
        self.fields["to"] = forms.DateField(
            label=_("To"),
            required=False,
            widget=DateInput(),
            input_formats=DATE_INPUT_FORMATS,
            error_messages=messages,
        )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("from"), cleaned.get("to")
        if start and end and end < start:
            self.add_error("to", _("The end date is before the start date."))
        return cleaned

    def filters(self) -> dict:
        """The valid filters as keyword arguments for `selectors.event_calendar`."""
        if self.is_bound:
            self.is_valid()  # invalid fields are marked by AccessibleFormMixin and left out
        data = getattr(self, "cleaned_data", {})
        return {
            "region": data.get("region"),
            "theme": data.get("theme"),
            "event_type": data.get("type") or "",
            "date_from": data.get("from"),
            "date_to": data.get("to"),
            "when": data.get("when") or selectors.UPCOMING,
        }

    def valid_query(self) -> dict:
        """The valid filters as GET parameters, for page and feed links that keep them."""
        filters = self.filters()
        query = {}
        if filters["when"] != selectors.UPCOMING:
            query["when"] = filters["when"]
        if filters["region"] is not None:
            query["region"] = filters["region"].pk
        if filters["theme"] is not None:
            query["theme"] = filters["theme"].pk
        if filters["event_type"]:
            query["type"] = filters["event_type"]
        if filters["date_from"]:
            query["from"] = filters["date_from"].isoformat()
        if filters["date_to"]:
            query["to"] = filters["date_to"].isoformat()
        return query


# Registration -----------------------------------------------------------------------------------

EARLIEST_BIRTH_YEAR = 1900


def _optional_answer(label) -> forms.ChoiceField:
    """An optional disadvantage question: yes, no or "prefer not to answer" (the default)."""
    return forms.ChoiceField(
        label=label,
        required=False,
        choices=Participant.Answer.choices,
        initial=Participant.Answer.NOT_ANSWERED,
        widget=forms.RadioSelect,
    )


class RegistrationForm(AccessibleFormMixin, forms.Form):
    """A person registers for an event or a training cohort: who they are, the ESF+ start data and
    their consent. `service_data()` gives what `events.services.registration_create` takes."""

    name = forms.CharField(
        label=_("Name"),
        max_length=200,
        error_messages={"required": _("Give your name.")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        help_text=_("The confirmation and the link to cancel are sent here."),
        error_messages={
            "required": _("Give your e-mail address."),
            "invalid": _("Give a valid e-mail address, e.g. name@example.fi."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    labour_status = forms.ChoiceField(
        label=_("Your labour-market status"),
        choices=Participant.LabourStatus.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose your labour-market status.")},
    )
    birth_year = forms.IntegerField(
        label=_("Birth year"),
        help_text=_("Only the year, for the age group (under 18, 18–29, 30–54, 55 and over)."),
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "autocomplete": "bday-year"}),
    )
    gender = forms.ChoiceField(
        label=_("Gender"),
        choices=Participant.Gender.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose your gender, or “Prefer not to say”.")},
    )
    education = forms.ChoiceField(
        label=_("Highest completed education"),
        choices=Participant.Education.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose your highest completed education.")},
    )
    disability = _optional_answer(_("Do you have a disability?"))
    third_country_national = _optional_answer(
        _("Are you a citizen of a country outside the EU (a third-country national)?")
    )
    foreign_background = _optional_answer(_("Do you have a foreign background?"))
    minority = _optional_answer(
        _("Do you belong to a minority (incl. marginalised communities such as the Roma)?")
    )
    on_behalf_of_company = forms.BooleanField(
        label=_("I participate on behalf of a company"),
        required=False,
    )
    company_name = forms.CharField(
        label=_("Company name"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    business_id = forms.CharField(
        label=_("Company's business ID (Y-tunnus)"),
        max_length=20,
        required=False,
        help_text=_("In the form 1234567-1."),
    )
    consent = forms.BooleanField(
        label=_("Consent"),
        error_messages={"required": _("You can register only if you agree to this.")},
    )

    COMPANY_FIELDS = ("company_name", "business_id")
    ANSWER_FIELDS = ("disability", "third_country_national", "foreign_background", "minority")

    def __init__(self, *args, consent_text: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.consent_text = consent_text  # the checkbox's label on the page
        year = timezone.localdate().year
        self.fields["birth_year"].widget.attrs.update({"min": EARLIEST_BIRTH_YEAR, "max": year})
        for name, field in self.fields.items():
            if field.help_text:
                field.widget.attrs["aria-describedby"] = f"{self[name].auto_id}_helptext"
        self.fields["birth_year"].error_messages = {
            "required": _("Give your birth year."),
            "invalid": _("Give your birth year as four digits, e.g. 1985."),
        }

    def clean_birth_year(self):
        value = self.cleaned_data.get("birth_year")
        year = timezone.localdate().year
        if value is not None and not (EARLIEST_BIRTH_YEAR <= value <= year):
            raise ValidationError(
                _("Give a birth year between %(first)s and %(last)s."),
                code="birth_year_range",
                params={"first": EARLIEST_BIRTH_YEAR, "last": year},
            )
        return value

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())

    def clean_email(self):
        return self.cleaned_data["email"].strip()

    def clean(self):
        cleaned = super().clean()
        for name in self.ANSWER_FIELDS:
            if not cleaned.get(name):
                cleaned[name] = Participant.Answer.NOT_ANSWERED
        company = cleaned.get("on_behalf_of_company")
        company_name = (cleaned.get("company_name") or "").strip()
        business_id = (cleaned.get("business_id") or "").strip()
        if company:
            if not company_name:
                self.add_error("company_name", _("Give the name of the company."))
            if not business_id:
                self.add_error(
                    "business_id", _("Give the company's business ID (Y-tunnus), e.g. 1234567-1.")
                )
            else:
                try:
                    business_id = normalise_business_id(business_id)
                except ValidationError as error:
                    self.add_error("business_id", error)
        elif company_name or business_id:
            self.add_error(
                "on_behalf_of_company",
                _(
                    "You gave a company: tick “I participate on behalf of a company”, or leave "
                    "the company's name and business ID empty."
                ),
            )
        cleaned["company_name"] = company_name if company else ""
        cleaned["business_id"] = business_id if company else ""
        return cleaned

    def service_data(self) -> dict:
        data = self.cleaned_data
        return {
            "name": data["name"],
            "email": data["email"],
            "company_name": data["company_name"],
            "business_id": data["business_id"],
            **{name: data[name] for name in START_DATA_FIELDS},
        }
