"""Forms of the officer's and assessors' pages. They only read what was typed; the rules (which
criteria, which scores, in which status, by whom) are in `assessment.services` and
`projects.services`, whose ValidationErrors name the fields below (`criterion_<pk>`,
`score_<pk>`, `justification_<pk>`, `assessor`, `text`, `recommendation`, `message`), so each
message appears next to its field (`AccessibleFormMixin.add_service_errors`)."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hanke.accounts import roles
from hanke.core.i18n import localised
from hanke.finance.forms import AccessibleFormMixin
from hanke.programmes.models import Call, SelectionCriterion
from hanke.projects import workflow

from .models import Assessment
from .selectors import INBOX_STATES

MET, NOT_MET = "met", "not_met"


def person_label(user) -> str:
    return user.get_full_name() or user.username


class _PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return person_label(obj)


class _CallChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return localised(obj, "name").text or str(obj)


class InboxFilterForm(AccessibleFormMixin, forms.Form):
    """The inbox's filter (GET). Values that are not among the choices make the form invalid;
    the view then says so and shows the inbox unfiltered."""

    call = _CallChoiceField(
        label=_("Call"), queryset=Call.objects.none(), required=False, empty_label=_("All calls")
    )
    status = forms.ChoiceField(label=_("Status"), required=False)

    def __init__(self, *args, calls=None, **kwargs):
        super().__init__(*args, **kwargs)
        if calls is not None:
            self.fields["call"].queryset = calls
        self.fields["status"].choices = [("", _("All under review"))] + [
            (state, workflow.STATES[state]) for state in INBOX_STATES
        ]


class EligibilityForm(AccessibleFormMixin, forms.Form):
    """One met / not met choice and a note per general criterion of the call."""

    def __init__(self, *args, criteria, checks=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        checks = checks or {}
        for criterion in self.criteria:
            check = checks.get(criterion.pk)
            self.fields[f"criterion_{criterion.pk}"] = forms.ChoiceField(
                label=str(criterion),
                choices=[
                    (MET, pgettext_lazy("one criterion", "Met")),
                    (NOT_MET, pgettext_lazy("one criterion", "Not met")),
                ],
                widget=forms.RadioSelect,
                required=False,
                initial=None if check is None else (MET if check.passed else NOT_MET),
            )
            self.fields[f"note_{criterion.pk}"] = forms.CharField(
                label=_("Note"),
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
                help_text=_("Required when the criterion is not met: the applicant will read it."),
                initial=check.note if check else "",
            )

    def rows(self):
        return [
            {
                "criterion": criterion,
                "choice": self[f"criterion_{criterion.pk}"],
                "note": self[f"note_{criterion.pk}"],
            }
            for criterion in self.criteria
        ]

    def results(self) -> dict:
        """The service's argument: {criterion pk: (met or None, note)}."""
        results = {}
        for criterion in self.criteria:
            choice = self.cleaned_data.get(f"criterion_{criterion.pk}")
            met = {MET: True, NOT_MET: False}.get(choice)
            results[criterion.pk] = (met, self.cleaned_data.get(f"note_{criterion.pk}", ""))
        return results


def assessor_candidates(project):
    """Active users with the assessor role who are not assigned to the project yet."""
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__name=roles.ASSESSOR)
        .exclude(assessor_assignments__project=project)
        .distinct()
        .order_by("last_name", "first_name", "username")
    )


class AssignForm(AccessibleFormMixin, forms.Form):
    assessor = _PersonChoiceField(
        label=_("Assessor"),
        queryset=get_user_model().objects.none(),
        empty_label=_("— choose —"),
        help_text=_("Only people with the assessor role who are not assigned yet are listed."),
    )

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assessor"].queryset = assessor_candidates(project)


class ScoreForm(AccessibleFormMixin, forms.Form):
    """A score (whole or half points, `3,5` or `3.5`) and a justification per special criterion.
    The score is read as text: the service parses and checks it, so its message names the
    criterion's range."""

    def __init__(self, *args, criteria, scores=None, read_only=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        scores = scores or {}
        for criterion in self.criteria:
            saved = scores.get(criterion.pk)
            self.fields[f"score_{criterion.pk}"] = forms.CharField(
                label=_("Score"),
                required=False,
                max_length=10,
                disabled=read_only,
                help_text=_("From 0 to %(max)s, in whole or half points.")
                % {"max": _points(criterion.max_score)},
                initial=_points(saved.score) if saved else "",
                widget=forms.TextInput(
                    attrs={"inputmode": "decimal", "autocomplete": "off", "size": 5}
                ),
            )
            self.fields[f"justification_{criterion.pk}"] = forms.CharField(
                label=_("Justification"),
                required=False,
                disabled=read_only,
                help_text=_("Required when you submit your scores."),
                initial=saved.justification if saved else "",
                widget=forms.Textarea(attrs={"rows": 3}),
            )

    def groups(self):
        """The rows grouped by the criterion's group, in the call's order."""
        labels = dict(SelectionCriterion.Group.choices)
        groups: dict = {}
        for criterion in self.criteria:
            group = groups.setdefault(
                criterion.group,
                {"key": criterion.group, "label": labels.get(criterion.group), "rows": []},
            )
            group["rows"].append(
                {
                    "criterion": criterion,
                    "max": _points(criterion.max_score),
                    "score": self[f"score_{criterion.pk}"],
                    "justification": self[f"justification_{criterion.pk}"],
                }
            )
        return list(groups.values())

    def scores(self) -> dict:
        """The service's argument: {criterion pk: (score as typed, justification)}."""
        return {
            criterion.pk: (
                (self.cleaned_data.get(f"score_{criterion.pk}") or "").strip(),
                self.cleaned_data.get(f"justification_{criterion.pk}", ""),
            )
            for criterion in self.criteria
        }


def _points(value) -> str:
    from hanke.core.formatting import format_number

    if value is None:
        return ""
    return format_number(value, 0 if value == value.to_integral_value() else 1)


class FunderAssessmentForm(AccessibleFormMixin, forms.Form):
    text = forms.CharField(
        label=_("Funder's assessment"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("The funder's view of the application as a whole, after the scoring."),
    )
    recommendation = forms.ChoiceField(
        label=_("Recommendation"),
        choices=[
            (Assessment.Recommendation.RECOMMENDED, Assessment.Recommendation.RECOMMENDED.label),
            (
                Assessment.Recommendation.NOT_RECOMMENDED,
                Assessment.Recommendation.NOT_RECOMMENDED.label,
            ),
        ],
        widget=forms.RadioSelect,
    )
    justification = forms.CharField(
        label=_("Grounds"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ReturnForm(AccessibleFormMixin, forms.Form):
    message = forms.CharField(
        label=_("What the applicant must add or correct"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The applicant gets this by e-mail and sees it on the application."),
    )


class VersionsForm(forms.Form):
    """Which two versions the diff compares (GET `from` and `to`)."""

    def __init__(self, *args, versions, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(str(v.number), str(v)) for v in versions]
        self.fields["from"] = forms.TypedChoiceField(
            label=_("Compare version"), choices=choices, coerce=int
        )
        self.fields["to"] = forms.TypedChoiceField(
            label=_("with version"), choices=choices, coerce=int
        )
