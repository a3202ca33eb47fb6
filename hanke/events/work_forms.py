"""Forms of the project staff's event pages: the event form with its speakers, and attendance."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from hanke.core.i18n import LANGUAGE_CHOICES, localised
from hanke.core.models import Municipality
from hanke.finance.forms import AccessibleFormMixin
from hanke.projects.models import Theme

from .models import Event
from .work_services import PLAIN_FIELDS, event_validate

# Labels of the translated fields, one full sentence per language (never put together).
LANGUAGE_FIELDS = {
    "fi": {
        "legend": _("In Finnish"),
        "title": _("Title in Finnish"),
        "description": _("Description in Finnish"),
        "timing": _("Timing in Finnish"),
        "recording_note": _("Where the recording is, in Finnish"),
    },
    "en": {
        "legend": _("In English"),
        "title": _("Title in English"),
        "description": _("Description in English"),
        "timing": _("Timing in English"),
        "recording_note": _("Where the recording is, in English"),
    },
    "sv": {
        "legend": _("In Swedish"),
        "title": _("Title in Swedish"),
        "description": _("Description in Swedish"),
        "timing": _("Timing in Swedish"),
        "recording_note": _("Where the recording is, in Swedish"),
    },
}
TIMING_HELP = _("Only when the exact time is not known, e.g. 'Spring 2020'.")


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%dT%H:%M")


def _datetime_field(label, help_text=""):
    return forms.DateTimeField(
        label=label,
        required=False,
        widget=DateTimeInput(),
        help_text=help_text,
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d.%m.%Y %H.%M", "%d.%m.%Y %H:%M"],
    )


class LocalisedModelChoiceField(forms.ModelChoiceField):
    def __init__(self, *args, text_field="name", **kwargs):
        self.text_field = text_field
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj):
        text = localised(obj, self.text_field).text or str(obj)
        number = getattr(obj, "number", None)
        return f"{number}. {text}" if number else text


class LocalisedModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return localised(obj, "name").text or str(obj)


class EventForm(AccessibleFormMixin, forms.Form):
    """An event of the project. The rules are `work_services.event_validate`'s."""

    event_type = forms.ChoiceField(label=_("Type"), choices=Event.Type.choices)
    starts_at = _datetime_field(_("Starts"))
    ends_at = _datetime_field(_("Ends"))
    is_online = forms.BooleanField(label=_("The event is online"), required=False)
    online_url = forms.URLField(
        label=_("Online link"),
        required=False,
        assume_scheme="https",
        help_text=_("The address participants join at, e.g. a Teams or Zoom link."),
    )
    municipality = LocalisedModelChoiceField(
        label=_("Municipality"), queryset=Municipality.objects.order_by("name"), required=False
    )
    venue = forms.CharField(label=_("Venue"), max_length=300, required=False)
    language = forms.ChoiceField(
        label=_("Language of the event"),
        choices=[("", _("Not given"))] + LANGUAGE_CHOICES,
        required=False,
    )
    themes = LocalisedModelMultipleChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    work_package = LocalisedModelChoiceField(
        label=_("Work package"),
        queryset=None,
        required=False,
        text_field="title",
        help_text=_("The work package of this project the event serves."),
    )
    capacity = forms.IntegerField(
        label=_("Capacity"),
        required=False,
        min_value=1,
        help_text=_(
            "Empty means no limit. When the event is full, people join the waiting list; raising "
            "the capacity confirms the first in the queue."
        ),
    )
    registration_enabled = forms.BooleanField(
        label=_("Registration open to the public"), required=False
    )
    registration_opens_at = _datetime_field(
        _("Registration opens"), _("Empty: open as soon as registration is turned on.")
    )
    registration_closes_at = _datetime_field(
        _("Registration closes"), _("Empty: registration closes when the event starts.")
    )
    keynote_speakers_announced = forms.IntegerField(
        label=_("Number of keynote speakers announced"),
        required=False,
        min_value=0,
        help_text=_("When the programme announces keynote speakers before naming them."),
    )
    recording_url = forms.URLField(
        label=_("Recording"),
        required=False,
        assume_scheme="https",
        help_text=_("A link to the recording, e.g. on YouTube, once the event has taken place."),
    )

    def __init__(self, *args, project, event=None, now=None, **kwargs):
        self.project = project
        self.event = event
        self.now = now
        if event is not None and "initial" not in kwargs:
            kwargs["initial"] = self.initial_from(event)
        super().__init__(*args, **kwargs)
        self.fields["work_package"].queryset = project.work_packages.order_by("number", "pk")
        for code, labels in LANGUAGE_FIELDS.items():
            text = {"lang": code}
            self.fields[f"title_{code}"] = forms.CharField(
                label=labels["title"],
                max_length=300,
                required=False,
                widget=forms.TextInput(attrs=text),
            )
            self.fields[f"description_{code}"] = forms.CharField(
                label=labels["description"],
                required=False,
                widget=forms.Textarea(attrs={"rows": 5, **text}),
            )
            self.fields[f"timing_{code}"] = forms.CharField(
                label=labels["timing"],
                max_length=200,
                required=False,
                help_text=TIMING_HELP,
                widget=forms.TextInput(attrs=text),
            )
            self.fields[f"recording_note_{code}"] = forms.CharField(
                label=labels["recording_note"],
                max_length=300,
                required=False,
                widget=forms.TextInput(attrs=text),
            )
        if event is None:
            self.fields["event_type"].choices = [("", _("Choose"))] + list(Event.Type.choices)

    @staticmethod
    def initial_from(event) -> dict:
        initial = {name: getattr(event, name) for name in PLAIN_FIELDS}
        initial["themes"] = list(event.themes.all())
        for code in LANGUAGE_FIELDS:
            for field in ("title", "description", "timing", "recording_note"):
                initial[f"{field}_{code}"] = getattr(event, f"{field}_{code}", "") or ""
        return initial

    def language_groups(self):
        """The title and description by language, for the template's fieldsets."""
        return [
            {
                "code": code,
                "legend": labels["legend"],
                "fields": [self[f"title_{code}"], self[f"description_{code}"]],
            }
            for code, labels in LANGUAGE_FIELDS.items()
        ]

    @property
    def timing_fields(self):
        return [self[f"timing_{code}"] for code in LANGUAGE_FIELDS]

    @property
    def recording_fields(self):
        return [self[f"recording_note_{code}"] for code in LANGUAGE_FIELDS]

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        try:
            event_validate(project=self.project, event=self.event, data=cleaned, now=self.now)
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                self.add_error(field if field in self.fields else None, messages)
        return cleaned

    def service_data(self) -> dict:
        return dict(self.cleaned_data)


class SpeakerForm(AccessibleFormMixin, forms.Form):
    """One speaker of the event. A row left empty is ignored; a row marked for removal is
    removed."""

    content_fields = ("name", "organisation_name", "bio", "topic")

    link = forms.IntegerField(widget=forms.HiddenInput, required=False)
    name = forms.CharField(label=_("Name"), max_length=200, required=False)
    organisation_name = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    topic = forms.CharField(label=_("Topic"), max_length=300, required=False)
    bio = forms.CharField(
        label=_("Short bio"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    is_keynote = forms.BooleanField(label=_("Keynote speaker"), required=False, initial=True)

    def has_content(self) -> bool:
        return any(
            str(self.data.get(self.add_prefix(name), "")).strip() for name in self.content_fields
        )

    def is_removed(self) -> bool:
        return bool(self.data.get(self.add_prefix("DELETE")))

    def row_data(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if k != "DELETE"}


class BaseSpeakerFormSet(forms.BaseFormSet):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for form in self.forms:
            if "DELETE" in form.fields:
                form.fields["DELETE"].label = _("Remove this speaker")

    def kept_forms(self) -> list:
        if not self.is_bound:
            return []
        return [f for f in self.forms if f.has_content() and not f.is_removed()]

    def rows_valid(self) -> bool:
        if not self.is_bound:
            return False
        self.errors  # noqa: B018 - cleans every row
        if self.non_form_errors():
            return False
        return all(not form.errors for form in self.kept_forms())

    def service_data(self) -> list[dict]:
        return [form.row_data() for form in self.kept_forms()]

    def add_service_errors(self, error: ValidationError) -> None:
        """Place `<row>.<field>` errors of `work_services.speakers_validate` on the kept rows."""
        kept = self.kept_forms()
        for key, messages in error.message_dict.items():
            row, _dot, field = key.partition(".")
            if row.isdigit() and int(row) < len(kept):
                form = kept[int(row)]
                form.add_error(field if field in form.fields else None, messages)
                form.full_clean_attrs()

    def error_items(self) -> list:
        """(field id, label, message) of every error, for the page's error summary."""
        items = []
        for n, form in enumerate(self.forms, start=1):
            for message in form.non_field_errors():
                items.append((form["name"].id_for_label, _("Speaker %(n)s") % {"n": n}, message))
            for field in form:
                for message in field.errors:
                    label = _("Speaker %(n)s: %(field)s") % {"n": n, "field": field.label}
                    items.append((field.id_for_label, label, message))
        return items


SpeakerFormSet = forms.formset_factory(
    SpeakerForm, formset=BaseSpeakerFormSet, extra=2, can_delete=True
)
SPEAKER_PREFIX = "speakers"


def speaker_formset(data=None, *, event=None):
    """The speakers' formset: the event's speakers (keynotes first) and two empty rows. Bio and
    topic are those in the event's original language, where the form writes them."""
    initial = []
    if event is not None and event.pk:
        lang = event.original_language
        for link in event.speaker_links.select_related("speaker").order_by("-is_keynote", "pk"):
            initial.append(
                {
                    "link": link.pk,
                    "name": link.speaker.name,
                    "organisation_name": link.speaker.organisation_name,
                    "bio": getattr(link.speaker, f"bio_{lang}", "") or "",
                    "topic": getattr(link, f"topic_{lang}", "") or "",
                    "is_keynote": link.is_keynote,
                }
            )
    return SpeakerFormSet(data, initial=initial, prefix=SPEAKER_PREFIX)
