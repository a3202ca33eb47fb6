"""The officer's and assessors' pages of the assessment: the inbox, the officer's case page of
one application (eligibility, assessors, scores, the funder's assessment, return for additions,
versions, similar projects, timeline), the assessor's scoring form and the diff between two
submitted versions.

Views stay thin: they check the permission, parse the form, call `assessment.services` or
`projects.services` and render what `assessment.selectors` give. The rules live in the services;
their ValidationErrors are keyed by the form fields and shown next to them. The meeting and
funding decision pages are in `meeting_views`."""

from dataclasses import dataclass
from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Max
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from hanke.accounts import roles
from hanke.accounts.roles import has_role
from hanke.core.formatting import format_number
from hanke.core.views import signed_in_view
from hanke.finance.models import CostCategory, FundingSource
from hanke.finance.selectors import budget_summary
from hanke.programmes.models import Call
from hanke.programmes.permissions import is_any_officer, officer_authority_ids
from hanke.projects import activity, workflow
from hanke.projects.application import SECTION_KEYS, SECTION_LABELS, snapshot_diff
from hanke.projects.models import ApplicationVersion, Project
from hanke.projects.permissions import is_assigned_assessor
from hanke.projects.services import application_return
from hanke.projects.similarity import similar_projects

from . import selectors, services
from .forms import (
    AssignForm,
    EligibilityForm,
    FunderAssessmentForm,
    InboxFilterForm,
    ReturnForm,
    ScoreForm,
    VersionsForm,
    person_label,
)
from .models import Assessment, AssessorAssignment, EligibilityCheck
from .permissions import can_assess, can_score

# --- Helpers ---------------------------------------------------------------------------------------


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise PermissionDenied(message)


def _project(pk) -> Project:
    return get_object_or_404(
        Project.objects.select_related(
            "call", "implementer", "funding_authority", "specific_objective"
        ),
        pk=pk,
    )


def points(value) -> str:
    """A score in the page's language: `4`, `3,5` (fi, sv) or `3.5` (en)."""
    if value is None:
        return ""
    return format_number(value, 0 if value == value.to_integral_value() else 1)


def average_text(average, max_total) -> str:
    """The average of the assessors' totals out of the maximum: `20,5 / 39`."""
    if average is None:
        return ""
    return f"{format_number(average, 1)} / {points(max_total)}"


def _url_or_path(name: str, pk: int, fallback: str) -> str:
    """The URL of a colleague's page by its name, or its planned path while the name does not
    exist yet (the application pages of `projects`)."""
    try:
        return reverse(name, kwargs={"pk": pk})
    except NoReverseMatch:
        lang = translation.get_language() or "fi"
        return f"/{lang[:2]}/{fallback.format(pk=pk)}"


def application_url(project) -> str:
    return _url_or_path("projects:application", project.pk, "applications/{pk}/")


def application_print_url(project) -> str:
    return _url_or_path("projects:application_print", project.pk, "applications/{pk}/print/")


def _officer_calls(user):
    ids = officer_authority_ids(user)
    calls = Call.objects.all()
    if ids is not None:
        calls = calls.filter(authority_id__in=ids)
    return calls.order_by("-opens_on", "pk")


# --- Inbox -----------------------------------------------------------------------------------------


@dataclass
class InboxRow:
    project: Project
    status_label: str
    submitted: object  # datetime of the latest version
    version: int | None
    score: str  # "10,5 / 13" or ""
    assessors: int
    submitted_scores: int
    next_step: str


def _next_step_text(project) -> str:
    if project.status == workflow.SUBMITTED:
        return _("Eligibility check")
    if project.status == workflow.RETURNED:
        return _("Waiting for the applicant's additions")
    step = selectors.next_step(project)
    if step is not None:
        return str(step.get_meeting_kind_display())
    return _("Funding decision")


def _inbox_rows(groups) -> list[dict]:
    pks = [p.pk for group in groups for p in group.applications]
    versions = {
        row["project_id"]: row
        for row in ApplicationVersion.objects.filter(project_id__in=pks)
        .values("project_id")
        .annotate(number=Max("number"), last=Max("submitted_at"))
    }
    assignments = {
        row["project_id"]: row
        for row in AssessorAssignment.objects.filter(project_id__in=pks)
        .values("project_id")
        .annotate(total=Count("pk"), done=Count("submitted_at"))
    }
    result = []
    for group in groups:
        rows = []
        for project in group.applications:
            assessment = getattr(project, "assessment", None)
            version = versions.get(project.pk, {})
            counts = assignments.get(project.pk, {})
            rows.append(
                InboxRow(
                    project=project,
                    status_label=str(workflow.STATES[project.status]),
                    submitted=version.get("last"),
                    version=version.get("number"),
                    score=average_text(
                        assessment and assessment.score, assessment and assessment.max_score
                    ),
                    assessors=counts.get("total", 0),
                    submitted_scores=counts.get("done", 0),
                    next_step=_next_step_text(project),
                )
            )
        result.append({"call": group.call, "cut_off": group.cut_off, "rows": rows})
    return result


@signed_in_view
def inbox(request):
    user = request.user
    officer = is_any_officer(user)
    assessor = (
        has_role(user, roles.ASSESSOR) or AssessorAssignment.objects.filter(assessor=user).exists()
    )
    _require(
        officer or assessor,
        _("Only the funder's officers and assessors have an assessment inbox."),
    )
    context = {"is_officer": officer, "is_assessor": assessor}
    if officer:
        calls = _officer_calls(user)
        call_id, status = None, ""
        if "call" in request.GET or "status" in request.GET:
            form = InboxFilterForm(request.GET, calls=calls)
            if form.is_valid():
                call = form.cleaned_data["call"]
                call_id = call.pk if call else None
                status = form.cleaned_data["status"]
            else:
                messages.warning(
                    request,
                    _(
                        "The filter could not be applied: choose a call and a status from the "
                        "lists. All applications under review are shown."
                    ),
                )
        else:
            form = InboxFilterForm(calls=calls)
        groups = selectors.inbox(user=user, call_id=call_id, status=status)
        context.update(
            filter_form=form,
            groups=_inbox_rows(groups),
            filtered=bool(call_id or status),
        )
    if assessor:
        queue = selectors.assessor_queue(user=user)
        context.update(
            to_score=[a for a in queue if a.submitted_at is None],
            scored=[a for a in queue if a.submitted_at is not None],
        )
    return render(request, "assessment/inbox.html", context)


# --- The officer's case page ---------------------------------------------------------------------


def _service_error(request, form, error: ValidationError) -> bool:
    """Place a service's refusal next to the fields it names. A refusal that names no field (the
    application moved on meanwhile) becomes a message; returns False then."""
    if hasattr(error, "error_dict"):
        form.add_service_errors(error)
        return True
    messages.error(request, " ".join(error.messages))
    return False


def _case_anchor(project, anchor: str) -> str:
    return reverse("assessment:application", kwargs={"pk": project.pk}) + f"#{anchor}"


def _eligibility_checks(project) -> dict:
    return {
        check.criterion_id: check
        for check in EligibilityCheck.objects.filter(project=project).select_related(
            "criterion", "checked_by"
        )
    }


def _post_eligibility(request, project):
    form = EligibilityForm(
        request.POST,
        criteria=selectors.general_criteria(project.call),
        checks=_eligibility_checks(project),
    )
    if form.is_valid():
        try:
            project = services.eligibility_record(
                user=request.user, project=project, results=form.results()
            )
        except ValidationError as error:
            if not _service_error(request, form, error):
                return redirect(_case_anchor(project, "eligibility"))
        else:
            if project.status == workflow.IN_ASSESSMENT:
                messages.success(
                    request, _("The general criteria are met: the application is in assessment.")
                )
            else:
                messages.success(
                    request,
                    _(
                        "A general criterion is not met: the application was rejected and the "
                        "applicant informed."
                    ),
                )
            return redirect(_case_anchor(project, "eligibility"))
    return {"eligibility_form": form}


def _post_assign(request, project):
    form = AssignForm(request.POST, project=project)
    if form.is_valid():
        assessor = form.cleaned_data["assessor"]
        try:
            services.assessor_assign(user=request.user, project=project, assessor=assessor)
        except ValidationError as error:
            if not _service_error(request, form, error):
                return redirect(_case_anchor(project, "assessors"))
        else:
            messages.success(
                request,
                _("%(person)s was assigned as an assessor.") % {"person": person_label(assessor)},
            )
            return redirect(_case_anchor(project, "assessors"))
    return {"assign_form": form}


def _post_funder_assessment(request, project):
    form = FunderAssessmentForm(request.POST)
    if form.is_valid():
        try:
            services.funder_assessment_write(
                user=request.user,
                project=project,
                text=form.cleaned_data["text"],
                recommendation=form.cleaned_data["recommendation"],
                justification=form.cleaned_data["justification"],
            )
        except ValidationError as error:
            if not _service_error(request, form, error):
                return redirect(_case_anchor(project, "funder-assessment"))
        else:
            messages.success(request, _("The funder's assessment was saved."))
            return redirect(_case_anchor(project, "funder-assessment"))
    return {"funder_form": form}


def _post_return(request, project):
    form = ReturnForm(request.POST)
    if form.is_valid():
        try:
            application_return(
                user=request.user, project=project, message=form.cleaned_data["message"]
            )
        except ValidationError as error:
            if not _service_error(request, form, error):
                return redirect(_case_anchor(project, "return"))
        else:
            messages.success(
                request,
                _("The application was returned to the applicant for additions."),
            )
            return redirect(_case_anchor(project, "return"))
    return {"return_form": form}


ACTIONS = {
    "eligibility": _post_eligibility,
    "assign": _post_assign,
    "funder_assessment": _post_funder_assessment,
    "return": _post_return,
}


@dataclass
class ScoreCell:
    visible: bool
    waiting_for_viewer: bool = False  # hidden until the viewer's own scores are submitted
    score: str = ""
    justification: str = ""


def score_table_view(table, viewer) -> dict:
    """The score table as the page shows it. Columns the selector marks invisible carry no
    figures at all; neither do other assessors' drafts, which stay private to their author
    until submitted (`AssessorAssignment`), even where the selector would let the viewer see
    them."""
    shown = [
        column.visible
        and (
            column.assignment.submitted_at is not None or column.assignment.assessor_id == viewer.pk
        )
        for column in table.columns
    ]
    rows = []
    for criterion in table.criteria:
        cells = []
        for column, visible in zip(table.columns, shown, strict=True):
            saved = column.scores.get(criterion.pk) if visible else None
            cells.append(
                ScoreCell(
                    visible=visible,
                    waiting_for_viewer=not column.visible,
                    score=points(saved.score) if saved else "",
                    justification=saved.justification if saved else "",
                )
            )
        rows.append({"criterion": criterion, "max": points(criterion.max_score), "cells": cells})
    columns = [
        {
            "assignment": column.assignment,
            "name": person_label(column.assignment.assessor),
            "visible": visible,
            # Why the figures are not shown: the viewer's own scores are not submitted yet, or
            # this assessor's are a draft.
            "waiting_for_viewer": not column.visible,
            "submitted": column.assignment.submitted_at,
            "total": points(column.total) if visible else "",
        }
        for column, visible in zip(table.columns, shown, strict=True)
    ]
    return {
        "rows": rows,
        "columns": columns,
        "max_total": points(table.max_total),
        "average": average_text(table.average, table.max_total),
        "threshold": points(table.threshold),
        "threshold_met": table.threshold_met,
        "submitted_count": table.submitted_count,
    }


def _versions(project) -> list:
    versions = list(project.application_versions.select_related("submitted_by").order_by("number"))
    diff_url = reverse("assessment:version_diff", kwargs={"pk": project.pk})
    rows = []
    previous = None
    for version in versions:
        rows.append(
            {
                "version": version,
                "by": person_label(version.submitted_by),
                "previous": previous.number if previous else None,
                "diff_url": f"{diff_url}?from={previous.number}&to={version.number}"
                if previous
                else "",
            }
        )
        previous = version
    return rows


def _decision_url(project) -> str:
    try:
        return reverse("assessment:decision", kwargs={"pk": project.pk})
    except NoReverseMatch:
        return ""


def _similar(user, project) -> list:
    """The similar projects with where the officer can read each: the public page of a
    published project, the case page of their own authority's application."""
    rows = []
    for item in similar_projects(project, viewer=user):
        other = item.project
        if can_assess(user, other):
            url = reverse("assessment:application", kwargs={"pk": other.pk})
        elif other.is_public and other.status in workflow.PUBLIC_STATES:
            url = other.get_absolute_url()
        else:
            url = ""
        rows.append(
            {
                "item": item,
                "project": other,
                "url": url,
                "status_label": workflow.STATES[other.status],
            }
        )
    return rows


def _timeline(project) -> list:
    return [
        {"entry": entry, "label": activity.label(entry.kind)}
        for entry in project.timeline.select_related("actor", "version").order_by("at", "pk")
    ]


def _case_page(request, project, **forms):
    user = request.user
    status = project.status
    checks = _eligibility_checks(project)
    assessment = Assessment.objects.filter(project=project).first()
    if status == workflow.SUBMITTED:
        forms.setdefault(
            "eligibility_form",
            EligibilityForm(criteria=selectors.general_criteria(project.call), checks=checks),
        )
    if status == workflow.IN_ASSESSMENT:
        forms.setdefault("assign_form", AssignForm(project=project))
        initial = {}
        if assessment is not None:
            lang = project.original_language or "fi"
            initial = {
                "text": getattr(assessment, f"funder_assessment_{lang}", "")
                or assessment.funder_assessment,
                "justification": getattr(assessment, f"justification_{lang}", "")
                or assessment.justification,
            }
            if assessment.recommendation != Assessment.Recommendation.PENDING:
                initial["recommendation"] = assessment.recommendation
        forms.setdefault("funder_form", FunderAssessmentForm(initial=initial))
    if status in workflow.UNDER_REVIEW_STATES:
        forms.setdefault("return_form", ReturnForm())
    assignments = list(
        project.assessor_assignments.select_related("assessor").order_by("created_at", "pk")
    )
    table = selectors.score_table(project=project, viewer=user)
    return render(
        request,
        "assessment/application.html",
        {
            "project": project,
            "status_label": workflow.STATES[status],
            "summary": budget_summary(project),
            "application_url": application_url(project),
            "print_url": application_print_url(project),
            "decision_url": _decision_url(project),
            "checks": [
                checks[c.pk] for c in selectors.general_criteria(project.call) if c.pk in checks
            ],
            "assignments": assignments,
            "scores": score_table_view(table, user) if table.criteria else None,
            "assessment": assessment,
            "progress": selectors.chain_progress(project),
            "versions": _versions(project),
            "similar": _similar(user, project),
            "timeline": _timeline(project),
            **forms,
        },
    )


@signed_in_view
def application(request, pk):
    project = _project(pk)
    _require(
        can_assess(request.user, project),
        _("Only the officers of the application's funding authority handle its assessment."),
    )
    if request.method == "POST":
        handler = ACTIONS.get(request.POST.get("action", ""))
        if handler is None:
            messages.error(request, _("Unknown action; nothing was changed."))
            return redirect("assessment:application", pk=project.pk)
        result = handler(request, project)
        if not isinstance(result, dict):
            return result
        return _case_page(request, project, **result)
    return _case_page(request, project)


# --- The assessor's scores -------------------------------------------------------------------------


@signed_in_view
def score(request, pk):
    project = _project(pk)
    assignment = (
        AssessorAssignment.objects.filter(project=project, assessor=request.user)
        .select_related("assessor")
        .first()
    )
    _require(
        assignment is not None and can_score(request.user, assignment),
        _("Only an assessor assigned to this application scores it."),
    )
    criteria = selectors.special_criteria(project.call)
    saved = {s.criterion_id: s for s in assignment.scores.all()}
    editable = assignment.submitted_at is None and project.status == workflow.IN_ASSESSMENT
    here = reverse("assessment:score", kwargs={"pk": project.pk})
    if request.method == "POST" and not editable:
        messages.error(request, _("The scores can no longer be changed."))
        return redirect(here)
    form = ScoreForm(
        request.POST if request.method == "POST" else None,
        criteria=criteria,
        scores=saved,
        read_only=not editable,
    )
    if request.method == "POST" and form.is_valid():
        submit = request.POST.get("save") == "submit"
        try:
            services.scores_save(
                user=request.user, assignment=assignment, scores=form.scores(), submit=submit
            )
        except ValidationError as error:
            if not _service_error(request, form, error):
                return redirect(here)
        else:
            if submit:
                messages.success(
                    request,
                    _("Your scores were submitted. You can now see the other assessors' scores."),
                )
            else:
                messages.success(request, _("Your draft scores were saved."))
            return redirect(here)
    context = {
        "project": project,
        "assignment": assignment,
        "form": form,
        "editable": editable,
        "status_label": workflow.STATES[project.status],
        "application_url": application_url(project),
        "max_total": points(sum((c.max_score for c in criteria), Decimal("0"))),
        "own_total": points(sum((s.score for s in saved.values()), Decimal("0"))) if saved else "",
    }
    if assignment.submitted_at is not None:
        # Only now may the assessor see the others' scores (the selector decides column by column).
        context["scores"] = score_table_view(
            selectors.score_table(project=project, viewer=request.user), request.user
        )
    return render(request, "assessment/score.html", context)


# --- Versions and their differences ----------------------------------------------------------------

FIELD_LABELS = {
    "name": gettext_lazy("Name"),
    "acronym": gettext_lazy("Acronym"),
    "kind": gettext_lazy("Kind of project"),
    "applicant": gettext_lazy("Applicant"),
    "applicant_business_id": gettext_lazy("Business ID"),
    "call": gettext_lazy("Call"),
    "specific_objective": gettext_lazy("Specific objective"),
    "regions": gettext_lazy("Regions"),
    "municipalities": gettext_lazy("Municipalities"),
    "themes": gettext_lazy("Themes"),
    "summary": gettext_lazy("Summary for publication"),
    "background": gettext_lazy("Background"),
    "objectives": gettext_lazy("Objectives"),
    "implementation": gettext_lazy("Implementation"),
    "start_date": gettext_lazy("Start date"),
    "end_date": gettext_lazy("End date"),
    "timetable": gettext_lazy("Timetable"),
    "cost_model": gettext_lazy("Cost model"),
    "flat_rate": gettext_lazy("Flat rate"),
    "total": gettext_lazy("Total"),
    "aid_rate": gettext_lazy("Aid rate (%)"),
    "organisation": gettext_lazy("Organisation"),
    "business_id": gettext_lazy("Business ID"),
    "role": gettext_lazy("Role"),
    "description": gettext_lazy("Description"),
    "target": gettext_lazy("Target"),
    "unit": gettext_lazy("Unit"),
    "title": pgettext_lazy("of a work package or deliverable", "Title"),
    "activity": gettext_lazy("Activity"),
    "deliverable": gettext_lazy("Deliverable"),
}


def field_label(section: str, key: str) -> str:
    """A snapshot field's name for people: `summary` → "Summary for publication",
    `1.name` → "1. Name", `2.activity.3` → "2. Activity 3"."""
    if section == "costs" and key in CostCategory.values:
        return str(CostCategory(key).label)
    if section == "financing" and key in FundingSource.values:
        return str(FundingSource(key).label)
    if section == "attachments":
        return _("Attachment")
    if section == "indicators":
        return _("Indicator %(code)s") % {"code": key}
    parts = key.split(".")
    if parts[0].isdigit() and len(parts) > 1:
        rest = str(FIELD_LABELS.get(parts[1], parts[1]))
        if len(parts) > 2:
            rest = f"{rest} {'.'.join(parts[2:])}"
        return f"{parts[0]}. {rest}"
    return str(FIELD_LABELS.get(key, key))


CHANGE_LABELS = {
    "added": gettext_lazy("Added"),
    "removed": gettext_lazy("Removed"),
    "changed": gettext_lazy("Changed"),
}


def _diff_sections(changes) -> list[dict]:
    sections: dict = {}
    for change in changes:
        sections.setdefault(change.section, []).append(
            {
                "label": field_label(change.section, change.key),
                "change": change.change,
                "change_label": CHANGE_LABELS[change.change],
                "old": change.old,
                "new": change.new,
                "words": change.word_diff() if change.change == "changed" else [],
            }
        )
    order = {key: i for i, key in enumerate(SECTION_KEYS)}
    return [
        {"key": key, "label": SECTION_LABELS.get(key, key), "changes": rows}
        for key, rows in sorted(sections.items(), key=lambda item: order.get(item[0], len(order)))
    ]


@signed_in_view
def version_diff(request, pk):
    project = _project(pk)
    user = request.user
    _require(
        can_assess(user, project) or is_assigned_assessor(user, project),
        _("Only the application's officers and assessors compare its versions."),
    )
    versions = list(project.application_versions.order_by("number"))
    by_number = {v.number: v for v in versions}
    old = new = None
    asked = "from" in request.GET or "to" in request.GET
    if asked:
        form = VersionsForm(request.GET, versions=versions)
        if form.is_valid() and form.cleaned_data["from"] != form.cleaned_data["to"]:
            old, new = by_number[form.cleaned_data["from"]], by_number[form.cleaned_data["to"]]
        else:
            messages.error(
                request,
                _(
                    "Those versions cannot be compared: choose two different versions of the "
                    "application from the lists."
                ),
            )
            form = VersionsForm(versions=versions)
    else:
        form = VersionsForm(versions=versions)
    if not asked and len(versions) >= 2:
        old, new = versions[-2], versions[-1]
        form = VersionsForm(versions=versions, initial={"from": old.number, "to": new.number})
    sections = _diff_sections(snapshot_diff(old.snapshot, new.snapshot)) if old else None
    return render(
        request,
        "assessment/version_diff.html",
        {
            "project": project,
            "versions": versions,
            "form": form,
            "old": old,
            "new": new,
            "sections": sections,
            "can_assess": can_assess(user, project),
        },
    )
