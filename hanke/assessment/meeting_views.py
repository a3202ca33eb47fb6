"""The meeting pages of the decision chain and the funding decision page.

Officers set up meetings for their authority and put applications on the agenda; the meeting's
secretary (or the officer) records a statement on each item; the participants read the agenda.
When the chain is complete the officer makes the funding decision. Views stay thin: they check
the permission, parse the form, call `assessment.services` and render; the rules are in the
services, whose ValidationErrors are shown next to the fields they name."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from hanke.accounts import roles
from hanke.accounts.roles import has_role
from hanke.core.formatting import format_number
from hanke.core.views import signed_in_view
from hanke.finance.selectors import budget_summary
from hanke.programmes.models import FundingAuthority
from hanke.programmes.permissions import is_any_officer, officer_authority_ids
from hanke.projects import workflow
from hanke.projects.models import Project
from hanke.projects.permissions import can_view_application

from . import selectors, services
from .meeting_forms import AgendaAddForm, DecisionForm, MeetingForm, StatementForm
from .models import AgendaItem, FundingDecision, Meeting
from .permissions import can_assess, can_manage_meeting, can_record_statement, can_view_meeting


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise PermissionDenied(message)


def _officer_authorities(user):
    ids = officer_authority_ids(user)
    qs = FundingAuthority.objects.all()
    if ids is not None:
        qs = qs.filter(pk__in=ids)
    return qs.order_by("name_fi", "pk")


def _may_list_meetings(user) -> bool:
    return (
        is_any_officer(user)
        or has_role(user, roles.COMMITTEE_MEMBER)
        or selectors.meetings_for(user=user).exists()
    )


# --- Meetings --------------------------------------------------------------------------------------


@signed_in_view
def meeting_list(request):
    user = request.user
    _require(_may_list_meetings(user), _("Only officers and committee members see meetings."))
    meetings = list(
        selectors.meetings_for(user=user)
        .select_related("secretary")
        .annotate(item_count=Count("agenda", distinct=True))
    )
    today = timezone.localdate()
    upcoming = sorted((m for m in meetings if m.date >= today), key=lambda m: (m.date, m.pk))
    past = sorted(
        (m for m in meetings if m.date < today), key=lambda m: (m.date, m.pk), reverse=True
    )
    return render(
        request,
        "assessment/meetings/list.html",
        {"upcoming": upcoming, "past": past, "can_create": is_any_officer(user)},
    )


@signed_in_view
def meeting_new(request):
    _require(is_any_officer(request.user), _("Only the funder's officers set up meetings."))
    authorities = _officer_authorities(request.user)
    form = MeetingForm(request.POST or None, authorities=authorities)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.meeting_create(user=request.user, **form.service_arguments())
        except ValidationError as exc:
            form.add_service_errors(exc)
        else:
            messages.success(request, _("The meeting was created. Add applications to its agenda."))
            return redirect("assessment:meeting", pk=meeting.pk)
    return render(request, "assessment/meetings/form.html", {"form": form})


def _score(value) -> str:
    """A score in the page's language: 20,5 or 39."""
    if value is None:
        return ""
    return format_number(value, 0 if value == value.to_integral_value() else 1)


def _item_rows(request, meeting, bound_form=None):
    """The agenda's items with what the page shows of each: the figures, the score, the chain,
    and a statement form for a pending item when the user may record it."""
    may_record = can_record_statement(request.user, meeting)
    items = meeting.agenda.select_related(
        "project__implementer", "project__call", "project__assessment", "recorded_by"
    ).order_by("position", "pk")
    rows = []
    for item in items:
        project = item.project
        form = None
        if may_record and item.statement == AgendaItem.Statement.PENDING:
            if bound_form is not None and bound_form.prefix == f"item-{item.pk}":
                form = bound_form
            else:
                form = StatementForm(prefix=f"item-{item.pk}")
        assessment = getattr(project, "assessment", None)
        rows.append(
            {
                "item": item,
                "project": project,
                "summary": budget_summary(project),
                "score": _score(assessment and assessment.score),
                "max_score": _score(assessment and assessment.max_score),
                "error_id": f"item-{item.pk}-errors",
                "progress": selectors.chain_progress(project),
                "form": form,
                "can_open": can_view_application(request.user, project),
            }
        )
    return rows


def _meeting_page(request, meeting, *, add_form=None, statement_form=None, status=200):
    manage = can_manage_meeting(request.user, meeting)
    if manage and add_form is None:
        add_form = AgendaAddForm(meeting=meeting, candidates=selectors.agenda_candidates(meeting))
    return render(
        request,
        "assessment/meetings/detail.html",
        {
            "meeting": meeting,
            "rows": _item_rows(request, meeting, statement_form),
            "can_manage": manage,
            "can_record": can_record_statement(request.user, meeting),
            "add_form": add_form if manage else None,
            "participants": list(meeting.participants.order_by("last_name", "first_name")),
        },
        status=status,
    )


def _meeting(request, pk):
    meeting = get_object_or_404(Meeting.objects.select_related("authority", "secretary"), pk=pk)
    _require(
        can_view_meeting(request.user, meeting), _("You are not a participant of this meeting.")
    )
    return meeting


@signed_in_view
def meeting_detail(request, pk):
    meeting = _meeting(request, pk)
    return _meeting_page(request, meeting)


@signed_in_view
def meeting_minutes(request, pk):
    """The agenda, and once recorded the statements: a page to print or save as PDF."""
    meeting = _meeting(request, pk)
    items = meeting.agenda.select_related("project__implementer", "recorded_by").order_by(
        "position", "pk"
    )
    return render(
        request,
        "assessment/meetings/minutes.html",
        {
            "meeting": meeting,
            "rows": [{"item": i, "summary": budget_summary(i.project)} for i in items],
            "participants": list(meeting.participants.order_by("last_name", "first_name")),
        },
    )


@signed_in_view
def meeting_agenda_add(request, pk):
    meeting = _meeting(request, pk)
    _require(
        can_manage_meeting(request.user, meeting),
        _("Only the authority's officer sets the agenda."),
    )
    if request.method != "POST":
        return redirect("assessment:meeting", pk=meeting.pk)
    form = AgendaAddForm(
        request.POST, meeting=meeting, candidates=selectors.agenda_candidates(meeting)
    )
    if form.is_valid():
        project = form.cleaned_data["project"]
        try:
            services.agenda_add(user=request.user, meeting=meeting, project=project)
        except ValidationError as exc:
            # The refusal concerns the chosen application: show it next to the choice.
            if hasattr(exc, "error_dict"):
                form.add_service_errors(exc)
            else:
                form.add_error("project", exc.messages)
                form.full_clean_attrs()
        else:
            messages.success(
                request,
                _("“%(project)s” was added to the agenda.") % {"project": project.display_name},
            )
            return redirect(reverse("assessment:meeting", kwargs={"pk": meeting.pk}) + "#agenda")
    return _meeting_page(request, meeting, add_form=form)


@signed_in_view
def meeting_statement(request, pk, item_pk):
    meeting = _meeting(request, pk)
    item = get_object_or_404(
        AgendaItem.objects.select_related("project"), pk=item_pk, meeting=meeting
    )
    _require(
        can_record_statement(request.user, meeting),
        _("Only the meeting's secretary records its statements."),
    )
    anchor = reverse("assessment:meeting", kwargs={"pk": meeting.pk}) + f"#item-{item.pk}"
    if request.method != "POST":
        return redirect(anchor)
    form = StatementForm(request.POST, prefix=f"item-{item.pk}")
    if form.is_valid():
        try:
            services.statement_record(
                user=request.user,
                item=item,
                statement=form.cleaned_data["statement"],
                text=form.cleaned_data["text"],
            )
        except ValidationError as exc:
            if item.statement != AgendaItem.Statement.PENDING or not hasattr(exc, "error_dict"):
                messages.error(request, " ".join(exc.messages))
                return redirect(anchor)
            form.add_service_errors(exc)
        else:
            messages.success(
                request,
                _("The statement on “%(project)s” was recorded.")
                % {"project": item.project.display_name},
            )
            return redirect(anchor)
    return _meeting_page(request, meeting, statement_form=form)


# --- Funding decision --------------------------------------------------------------------------


def _amount_text(value) -> str:
    """An amount as the form shows it by default: digits, a decimal point only for cents."""
    if value is None:
        return ""
    return f"{value.normalize():f}" if value == value.to_integral_value() else f"{value:.2f}"


@signed_in_view
def decision(request, pk):
    project = get_object_or_404(
        Project.objects.select_related("call", "implementer", "funding_authority"), pk=pk
    )
    _require(can_assess(request.user, project), _("Only the funder's officer makes the decision."))
    made = FundingDecision.objects.filter(project=project).select_related("decided_by").first()
    summary = budget_summary(project)
    can_decide = made is None and project.status == workflow.IN_ASSESSMENT
    form = None
    if can_decide:
        form = DecisionForm(
            request.POST or None,
            initial={
                "decided_on": timezone.localdate(),
                "granted_amount": _amount_text(summary.aid if summary else None),
                "eligible_from": project.start_date,
                "eligible_until": project.end_date,
            },
        )
        if request.method == "POST" and form.is_valid():
            try:
                services.funding_decision_make(
                    user=request.user, project=project, **form.service_arguments()
                )
            except ValidationError as exc:
                form.add_service_errors(exc)
            else:
                messages.success(request, _("The funding decision was made."))
                return redirect("assessment:decision", pk=project.pk)
    elif request.method == "POST":
        messages.error(request, _("No decision can be made on this application now."))
        return redirect("assessment:decision", pk=project.pk)
    assessment = getattr(project, "assessment", None)
    score = assessment.score if assessment else None
    threshold = project.call.score_threshold if project.call_id else None
    progress = selectors.chain_progress(project)
    return render(
        request,
        "assessment/decision.html",
        {
            "project": project,
            "decision": made,
            "form": form,
            "can_decide": can_decide,
            "progress": progress,
            "chain_complete": all(s.done for s in progress),
            "score": _score(score),
            "max_score": _score(assessment.max_score if assessment else None),
            "threshold_text": _score(threshold),
            "threshold_met": None if score is None or threshold is None else score >= threshold,
            "summary": summary,
            "status_label": workflow.STATES.get(project.status, project.status),
        },
    )


urlpatterns = [
    path("meetings/", meeting_list, name="meeting_list"),
    path("meetings/new/", meeting_new, name="meeting_new"),
    path("meetings/<int:pk>/", meeting_detail, name="meeting"),
    path("meetings/<int:pk>/minutes/", meeting_minutes, name="meeting_minutes"),
    path("meetings/<int:pk>/agenda/add/", meeting_agenda_add, name="meeting_agenda_add"),
    path(
        "meetings/<int:pk>/items/<int:item_pk>/statement/",
        meeting_statement,
        name="meeting_statement",
    ),
    path("assessment/<int:pk>/decision/", decision, name="decision"),
]
