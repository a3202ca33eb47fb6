"""Forms of the meeting and funding decision pages. They only parse what was typed; the rules
(who may, in which order, which amounts) are in `assessment.services`, whose errors the views
place next to the fields they name (`AccessibleFormMixin.add_service_errors`)."""

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from hanke.accounts import roles
from hanke.core.i18n import localised
from hanke.finance.forms import AccessibleFormMixin, AmountField, DateInput
from hanke.programmes.models import FundingAuthority, MeetingKind
from hanke.projects import workflow
from hanke.projects.models import Project

from .models import AgendaItem


def person_label(user) -> str:
    return user.get_full_name() or user.username


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return person_label(obj)


class PeopleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return person_label(obj)


class AuthorityChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return localised(obj, "name").text or str(obj)


def meeting_people(authorities):
    """Who can sit in a meeting or keep its minutes: committee members, and the funder officers
    of the given authorities."""
    officers = Q(groups__name=roles.FUNDER_OFFICER) & Q(
        memberships__organisation__funding_authority__in=authorities
    )
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(groups__name=roles.COMMITTEE_MEMBER) | officers)
        .distinct()
        .order_by("last_name", "first_name", "username")
    )


class MeetingForm(AccessibleFormMixin, forms.Form):
    authority = AuthorityChoiceField(
        label=_("Funding authority"),
        queryset=FundingAuthority.objects.none(),
        empty_label=_("— choose —"),
    )
    kind = forms.ChoiceField(
        label=_("Kind of meeting"),
        choices=[("", _("— choose —")), *MeetingKind.choices],
    )
    date = forms.DateField(label=_("Date"), widget=DateInput)
    name = forms.CharField(
        label=_("Name"),
        max_length=300,
        required=False,
        help_text=_("For example “MYR 3/2026”. Left empty, the kind of meeting is used."),
    )
    secretary = PersonChoiceField(
        label=_("Secretary"),
        queryset=get_user_model().objects.none(),
        required=False,
        empty_label=_("— none yet —"),
        help_text=_("Records the meeting's statements. The authority's officers can too."),
    )
    participants = PeopleChoiceField(
        label=_("Participants"),
        queryset=get_user_model().objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("They see the agenda and the applications on it, read-only."),
    )

    def __init__(self, *args, authorities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["authority"].queryset = authorities
        if authorities.count() == 1:
            # Nothing to choose: the officer's only authority.
            self.fields["authority"].initial = authorities.first().pk
            self.fields["authority"].widget = forms.HiddenInput()
        self.fields["secretary"].queryset = meeting_people(authorities)
        self.fields["participants"].queryset = meeting_people(authorities)

    @property
    def authority_is_chosen(self) -> bool:
        return not isinstance(self.fields["authority"].widget, forms.HiddenInput)

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {
            "authority": data["authority"],
            "kind": data["kind"],
            "date": data["date"],
            # A meeting without a name is called by its kind, stored in the default language
            # (the name is content in the `name_fi` column, not a UI string).
            "name": data.get("name") or _kind_in_default_language(data["kind"]),
            "secretary": data.get("secretary"),
            "participants": list(data.get("participants") or []),
        }


def _kind_in_default_language(kind: str) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return str(MeetingKind(kind).label)


def application_label(project) -> str:
    implementer = localised(project.implementer, "name").text if project.implementer_id else ""
    return f"{project.display_name} – {implementer}" if implementer else project.display_name


class ApplicationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return application_label(obj)


class AgendaAddForm(AccessibleFormMixin, forms.Form):
    """Choose an application for the agenda. The list offers the applications whose next step is
    this meeting; any of the authority's applications in assessment is accepted, so that
    `agenda_add` can say why one cannot be added."""

    project = ApplicationChoiceField(
        label=_("Application"),
        queryset=Project.objects.none(),
        empty_label=_("— choose —"),
    )

    def __init__(self, *args, meeting, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        queryset = Project.objects.filter(status=workflow.IN_ASSESSMENT)
        if meeting.authority_id:
            queryset = queryset.filter(funding_authority_id=meeting.authority_id)
        field = self.fields["project"]
        field.queryset = queryset.select_related("implementer")
        field.choices = [("", field.empty_label)] + [
            (p.pk, application_label(p)) for p in candidates
        ]


STATEMENT_CHOICES = [
    (AgendaItem.Statement.FAVOURABLE, AgendaItem.Statement.FAVOURABLE.label),
    (AgendaItem.Statement.UNFAVOURABLE, AgendaItem.Statement.UNFAVOURABLE.label),
    (AgendaItem.Statement.POSTPONED, AgendaItem.Statement.POSTPONED.label),
]


class StatementForm(AccessibleFormMixin, forms.Form):
    statement = forms.ChoiceField(
        label=_("Statement"), choices=STATEMENT_CHOICES, widget=forms.RadioSelect
    )
    text = forms.CharField(
        label=_("Statement in words"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required for an unfavourable or postponed statement: the applicant reads it."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].conditional = True


class DecisionForm(AccessibleFormMixin, forms.Form):
    APPROVE = "approve"
    REJECT = "reject"

    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[(APPROVE, _("Approve")), (REJECT, _("Reject"))],
        widget=forms.RadioSelect,
    )
    decided_on = forms.DateField(label=_("Decision date"), widget=DateInput)
    granted_amount = AmountField(
        label=_("Granted aid (€)"),
        required=False,
        help_text=_("When approving: the aid in the financing plan."),
    )
    eligible_from = forms.DateField(
        label=_("Costs eligible from"), required=False, widget=DateInput
    )
    eligible_until = forms.DateField(
        label=_("Costs eligible until"), required=False, widget=DateInput
    )
    conditions = forms.CharField(
        label=_("Conditions"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("When approving: terms of the decision, e.g. reporting."),
    )
    reason = forms.CharField(
        label=_("Grounds for rejection"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("When rejecting: the applicant reads them."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Required for one of the two choices; `funding_decision_make` says which is missing.
        for name in ("granted_amount", "eligible_from", "eligible_until", "reason"):
            self.fields[name].conditional = True

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        approve = data["decision"] == self.APPROVE
        arguments = {"approve": approve, "decided_on": data["decided_on"]}
        if approve:
            arguments.update(
                granted_amount=data.get("granted_amount"),
                eligible_from=data.get("eligible_from"),
                eligible_until=data.get("eligible_until"),
                conditions=data.get("conditions") or "",
            )
        else:
            arguments["reason"] = data.get("reason") or ""
        return arguments
