"""Forms of the training pages. They parse what was typed; the rules are in
hanke.events.training_services, whose errors the views place next to the fields."""

from django import forms
from django.utils.translation import gettext_lazy as _

from hanke.core.i18n import localised
from hanke.finance.forms import AccessibleFormMixin, AmountField, DateInput
from hanke.projects.models import WorkPackage

LANGUAGES = ("fi", "en", "sv")
# Whole labels, one per field and language, so that translators see each as a sentence.
LABELS = {
    "name": {"fi": _("Name in Finnish"), "en": _("Name in English"), "sv": _("Name in Swedish")},
    "description": {
        "fi": _("Description in Finnish"),
        "en": _("Description in English"),
        "sv": _("Description in Swedish"),
    },
    "timing": {
        "fi": _("Timing in Finnish"),
        "en": _("Timing in English"),
        "sv": _("Timing in Swedish"),
    },
}
TEXTAREA = {"rows": 4}


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%dT%H:%M")


def _translated_fields(form, name: str, *, textarea=False, max_length=300) -> None:
    for code in LANGUAGES:
        form.fields[f"{name}_{code}"] = forms.CharField(
            label=LABELS[name][code],
            required=False,
            max_length=None if textarea else max_length,
            widget=forms.Textarea(attrs=TEXTAREA) if textarea else forms.TextInput,
        )


def _initial_texts(instance, names) -> dict:
    if instance is None:
        return {}
    return {
        f"{name}_{code}": getattr(instance, f"{name}_{code}", "")
        for name in names
        for code in LANGUAGES
    }


class WorkPackageChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        title = localised(obj, "title").text
        return f"{obj.number}. {title}" if obj.number else title


class ProgrammeForm(AccessibleFormMixin, forms.Form):
    def __init__(self, *args, project, instance=None, **kwargs):
        kwargs.setdefault("initial", {})
        kwargs["initial"].update(_initial_texts(instance, ("name", "description")))
        if instance is not None:
            kwargs["initial"]["work_package"] = instance.work_package_id
        super().__init__(*args, **kwargs)
        _translated_fields(self, "name")
        _translated_fields(self, "description", textarea=True)
        self.fields["work_package"] = WorkPackageChoiceField(
            label=_("Work package"),
            queryset=WorkPackage.objects.filter(project=project).order_by("number", "pk"),
            required=False,
            empty_label=_("— none —"),
        )

    def service_data(self) -> dict:
        return dict(self.cleaned_data)


class ModuleForm(AccessibleFormMixin, forms.Form):
    number = forms.IntegerField(
        label=_("Number"), help_text=_("The module's order in the programme: 1, 2, 3…")
    )
    credits = AmountField(
        label=_("Credits (op / ECTS)"),
        required=False,
        max_digits=None,
        decimal_places=None,
        min_value=None,
    )
    duration_weeks = forms.IntegerField(
        label=_("Duration (weeks)"), required=False, help_text=_("Leave empty if not known.")
    )
    online_theory = forms.BooleanField(label=_("Theory online"), required=False)
    contact_workshops = forms.IntegerField(
        label=_("Contact workshops"),
        required=False,
        help_text=_("How many workshops on site; leave empty if not known."),
    )

    def __init__(self, *args, instance=None, **kwargs):
        kwargs.setdefault("initial", {})
        if instance is not None:
            kwargs["initial"].update(
                _initial_texts(instance, ("name", "description")),
                number=instance.number,
                credits=instance.credits,
                duration_weeks=instance.duration_weeks,
                online_theory=instance.online_theory,
                contact_workshops=instance.contact_workshops,
            )
        super().__init__(*args, **kwargs)
        _translated_fields(self, "name")
        _translated_fields(self, "description", textarea=True)

    def service_data(self) -> dict:
        return dict(self.cleaned_data)


class CohortForm(AccessibleFormMixin, forms.Form):
    year = forms.IntegerField(label=_("Year"))
    starts_on = forms.DateField(label=_("Starts"), required=False, widget=DateInput)
    ends_on = forms.DateField(label=_("Ends"), required=False, widget=DateInput)
    capacity = forms.IntegerField(
        label=_("Capacity"), required=False, help_text=_("Empty means no limit.")
    )
    registration_enabled = forms.BooleanField(
        label=_("Open for enrolment on the public page"), required=False
    )
    registration_opens_at = forms.DateTimeField(
        label=_("Enrolment opens"), required=False, widget=DateTimeInput
    )
    registration_closes_at = forms.DateTimeField(
        label=_("Enrolment closes"),
        required=False,
        widget=DateTimeInput,
        help_text=_("Without a closing time, enrolment stays open until the cohort ends."),
    )

    def __init__(self, *args, instance=None, **kwargs):
        kwargs.setdefault("initial", {})
        if instance is not None:
            kwargs["initial"].update(
                _initial_texts(instance, ("timing",)),
                **{
                    name: getattr(instance, name)
                    for name in (
                        "year",
                        "starts_on",
                        "ends_on",
                        "capacity",
                        "registration_enabled",
                        "registration_opens_at",
                        "registration_closes_at",
                    )
                },
            )
        super().__init__(*args, **kwargs)
        _translated_fields(self, "timing", max_length=200)
        self.fields["timing_fi"].help_text = _(
            "When the exact dates are not known, e.g. “kevät 2026”."
        )

    def service_data(self) -> dict:
        return dict(self.cleaned_data)


class CompletionForm(forms.Form):
    registration = forms.IntegerField(widget=forms.HiddenInput)
    completed_on = forms.DateField(label=_("Completed on"), required=False, widget=DateInput)
    clear = forms.BooleanField(required=False, widget=forms.HiddenInput)


class SmallGroupForm(AccessibleFormMixin, forms.Form):
    year = forms.IntegerField(widget=forms.HiddenInput)
    name = forms.CharField(label=_("Name of the new group"), max_length=200, required=False)
