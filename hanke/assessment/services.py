"""Writes of the assessment: eligibility, assessors and their scores, the funder's assessment,
meetings and their statements, and the funding decision. Each checks the user's rights and the
rules, records the event on the application's timeline, and changes nothing when a rule fails."""

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hanke.accounts import roles
from hanke.accounts.roles import has_role
from hanke.core.formatting import format_date, format_money, format_percent
from hanke.core.money import cents, share_percent, to_decimal
from hanke.projects import activity, workflow
from hanke.projects.application import check_dates
from hanke.projects.models import Project
from hanke.projects.services import project_transition

from . import selectors
from .models import (
    AgendaItem,
    Assessment,
    AssessorAssignment,
    CriterionScore,
    EligibilityCheck,
    FundingDecision,
    Meeting,
)
from .permissions import can_assess, can_manage_meeting, can_record_statement, can_score

HALF = Decimal("0.5")


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise PermissionDenied(message)


def _require_status(project, *states) -> None:
    if project.status not in states:
        raise ValidationError(
            _("This cannot be done while the application is “%(status)s”.")
            % {"status": workflow.STATES[project.status]}
        )


def _assessment(project) -> Assessment:
    assessment, _created = Assessment.objects.get_or_create(project=project)
    return assessment


# --- Eligibility ---------------------------------------------------------------------------------


@transaction.atomic
def eligibility_record(*, user, project: Project, results: dict) -> Project:
    """Record the check of every general criterion: `results` maps a criterion's pk to
    `(met: bool, note: str)`. When all are met the assessment starts; when any is not, the
    application is rejected with the failed criteria and their notes as the recorded reason."""
    _require(can_assess(user, project), _("Only the funder's officer checks eligibility."))
    project = Project.objects.select_for_update().get(pk=project.pk)
    _require_status(project, workflow.SUBMITTED)
    criteria = selectors.general_criteria(project.call)
    errors = {}
    for criterion in criteria:
        if criterion.pk not in results or results[criterion.pk][0] is None:
            errors[f"criterion_{criterion.pk}"] = [_("Mark the criterion met or not met.")]
        elif not results[criterion.pk][0] and not (results[criterion.pk][1] or "").strip():
            errors[f"criterion_{criterion.pk}"] = [
                _("Say why the criterion is not met: the applicant will read it.")
            ]
    if errors:
        raise ValidationError(errors)
    failed = []
    for criterion in criteria:
        met, note = results[criterion.pk]
        EligibilityCheck.objects.update_or_create(
            project=project,
            criterion=criterion,
            defaults={"passed": bool(met), "note": (note or "").strip(), "checked_by": user},
        )
        if not met:
            failed.append(f"{criterion}: {(note or '').strip()}")
    assessment = _assessment(project)
    assessment.general_criteria_met = not failed
    assessment.max_score = (
        sum((c.max_score for c in selectors.special_criteria(project.call)), Decimal("0")) or None
    )
    assessment.save()
    if failed:
        return project_transition(
            user=user,
            project=project,
            target=workflow.REJECTED,
            kind=activity.ELIGIBILITY_FAILED,
            message="\n".join(failed),
        )
    return project_transition(
        user=user, project=project, target=workflow.IN_ASSESSMENT, kind=activity.ELIGIBILITY_PASSED
    )


# --- Assessors and scores ------------------------------------------------------------------------


@transaction.atomic
def assessor_assign(*, user, project: Project, assessor) -> AssessorAssignment:
    _require(can_assess(user, project), _("Only the funder's officer assigns assessors."))
    _require_status(project, workflow.IN_ASSESSMENT)
    if not has_role(assessor, roles.ASSESSOR):
        raise ValidationError({"assessor": _("The person chosen is not an assessor.")})
    if (
        project.implementer_id
        and assessor.memberships.filter(organisation_id=project.implementer_id).exists()
    ):
        raise ValidationError(
            {"assessor": _("The assessor works for the applicant and is disqualified.")}
        )
    if project.assessor_assignments.filter(assessor=assessor).exists():
        raise ValidationError({"assessor": _("The assessor is already assigned.")})
    assignment = AssessorAssignment.objects.create(
        project=project, assessor=assessor, assigned_by=user
    )
    activity.record(
        project=project,
        kind=activity.ASSESSOR_ASSIGNED,
        actor=user,
        message=assessor.get_full_name() or assessor.username,
    )
    return assignment


def parse_score(value, criterion) -> Decimal:
    try:
        score = to_decimal(str(value).strip())
    except (ValueError, TypeError):
        score = None
    if score is None or not score.is_finite():
        raise ValidationError(_("Enter a score such as 3 or 3,5."))
    if score < 0 or score > criterion.max_score:
        raise ValidationError(
            _("The score must be from 0 to %(max)s.")
            % {"max": f"{criterion.max_score.normalize():f}"}
        )
    if score % HALF != 0:
        raise ValidationError(_("Give whole or half points, e.g. 3 or 3,5."))
    return score


@transaction.atomic
def scores_save(*, user, assignment: AssessorAssignment, scores: dict, submit: bool = False):
    """Save an assessor's scores: `scores` maps a criterion's pk to `(score, justification)`;
    blank scores are left out of a draft. With `submit` every criterion must have a score and a
    justification; after that the scores are final and count towards the average."""
    assignment = AssessorAssignment.objects.select_for_update().get(pk=assignment.pk)
    _require(can_score(user, assignment), _("Only the assigned assessor scores this application."))
    project = assignment.project
    _require_status(project, workflow.IN_ASSESSMENT)
    if assignment.submitted_at is not None:
        raise ValidationError(_("Your scores have been submitted and can no longer be changed."))
    criteria = selectors.special_criteria(project.call)
    errors, parsed = {}, {}
    for criterion in criteria:
        raw, justification = scores.get(criterion.pk, ("", ""))
        justification = (justification or "").strip()
        key = f"score_{criterion.pk}"
        if raw in (None, ""):
            if submit:
                errors[key] = [_("Score this criterion before submitting.")]
            continue
        try:
            parsed[criterion.pk] = (parse_score(raw, criterion), justification)
        except ValidationError as error:
            errors[key] = error.messages
            continue
        if submit and not justification:
            errors[f"justification_{criterion.pk}"] = [_("Justify the score.")]
    if errors:
        raise ValidationError(errors)
    for criterion in criteria:
        if criterion.pk in parsed:
            score, justification = parsed[criterion.pk]
            CriterionScore.objects.update_or_create(
                assignment=assignment,
                criterion=criterion,
                defaults={"score": score, "justification": justification},
            )
        else:
            CriterionScore.objects.filter(assignment=assignment, criterion=criterion).delete()
    if submit:
        assignment.submitted_at = timezone.now()
        assignment.save(update_fields=["submitted_at", "updated_at"])
        _update_average(project)
        activity.record(
            project=project,
            kind=activity.SCORES_SUBMITTED,
            actor=user,
            message=user.get_full_name() or user.username,
        )
    return assignment


def _update_average(project) -> None:
    totals = [
        sum((s.score for s in a.scores.all()), Decimal("0"))
        for a in project.assessor_assignments.filter(submitted_at__isnull=False).prefetch_related(
            "scores"
        )
    ]
    assessment = _assessment(project)
    assessment.score = selectors.average_score(totals)
    assessment.max_score = (
        sum((c.max_score for c in selectors.special_criteria(project.call)), Decimal("0")) or None
    )
    assessment.save()


@transaction.atomic
def funder_assessment_write(
    *, user, project: Project, text: str, recommendation: str, justification: str = ""
) -> Assessment:
    _require(can_assess(user, project), _("Only the funder's officer writes the assessment."))
    _require_status(project, workflow.IN_ASSESSMENT)
    errors = {}
    if not (text or "").strip():
        errors["text"] = [_("Write the funder's assessment.")]
    if recommendation not in Assessment.Recommendation.values:
        errors["recommendation"] = [_("Choose a recommendation.")]
    if errors:
        raise ValidationError(errors)
    assessment = _assessment(project)
    lang = project.original_language or "fi"
    setattr(assessment, f"funder_assessment_{lang}", text.strip())
    setattr(assessment, f"justification_{lang}", (justification or "").strip())
    assessment.recommendation = recommendation
    assessment.save()
    activity.record(
        project=project,
        kind=activity.FUNDER_ASSESSMENT,
        actor=user,
        message=str(assessment.get_recommendation_display()),
    )
    return assessment


# --- Meetings ------------------------------------------------------------------------------------


@transaction.atomic
def meeting_create(
    *, user, authority, kind: str, date, name: str = "", secretary=None, participants=()
) -> Meeting:
    meeting = Meeting(kind=kind, date=date, name_fi=name, authority=authority, secretary=secretary)
    _require(
        can_manage_meeting(user, meeting), _("Only the authority's officer sets up its meetings.")
    )
    if kind not in Meeting.Kind.values:
        raise ValidationError({"kind": _("Choose the kind of meeting.")})
    if not (name or "").strip():
        meeting.name_fi = str(Meeting.Kind(kind).label)
    meeting.full_clean()
    meeting.save()
    meeting.participants.set(participants)
    return meeting


@transaction.atomic
def agenda_add(*, user, meeting: Meeting, project: Project) -> AgendaItem:
    """Put an application on a meeting's agenda: it must be the meeting kind of the application's
    next step in its call's decision chain, and it must not wait on another meeting's agenda."""
    _require(can_manage_meeting(user, meeting), _("Only the authority's officer sets the agenda."))
    _require_status(project, workflow.IN_ASSESSMENT)
    if meeting.authority_id and project.funding_authority_id != meeting.authority_id:
        raise ValidationError(_("The application is not this authority's."))
    step = selectors.next_step(project)
    if step is None:
        raise ValidationError(_("The application has passed every meeting of its decision chain."))
    if step.meeting_kind != meeting.kind:
        raise ValidationError(
            _("The application's next step is “%(step)s”, not “%(meeting)s”.")
            % {"step": step.get_meeting_kind_display(), "meeting": meeting.get_kind_display()}
        )
    if project.agenda_items.filter(statement=AgendaItem.Statement.PENDING).exists():
        raise ValidationError(_("The application is already waiting on a meeting's agenda."))
    position = meeting.agenda.count() + 1
    item = AgendaItem.objects.create(meeting=meeting, project=project, position=position)
    activity.record(
        project=project,
        kind=activity.ON_AGENDA,
        actor=user,
        message=f"{meeting} ({format_date(meeting.date)})",
    )
    return item


@transaction.atomic
def statement_record(*, user, item: AgendaItem, statement: str, text: str = "") -> AgendaItem:
    """The meeting's statement on one agenda item, recorded once by its secretary (or the
    authority's officer). An unfavourable or postponed statement needs its reasons in words."""
    item = (
        AgendaItem.objects.select_for_update(of=("self",))
        .select_related("meeting", "project")
        .get(pk=item.pk)
    )
    _require(
        can_record_statement(user, item.meeting),
        _("Only the meeting's secretary records its statements."),
    )
    if item.statement != AgendaItem.Statement.PENDING:
        raise ValidationError(_("The statement has already been recorded."))
    _require_status(item.project, workflow.IN_ASSESSMENT)
    allowed = {
        AgendaItem.Statement.FAVOURABLE,
        AgendaItem.Statement.UNFAVOURABLE,
        AgendaItem.Statement.POSTPONED,
    }
    if statement not in allowed:
        raise ValidationError({"statement": _("Choose favourable, unfavourable or postponed.")})
    text = (text or "").strip()
    if statement != AgendaItem.Statement.FAVOURABLE and not text:
        raise ValidationError(
            {"text": _("Give the reasons for an unfavourable or postponed statement.")}
        )
    item.statement = statement
    item.statement_text_fi = text
    item.statement_text = text
    item.recorded_by = user
    item.recorded_at = timezone.now()
    item.save()
    message = f"{item.meeting} ({format_date(item.meeting.date)}): {item.get_statement_display()}"
    if text:
        message += f"\n{text}"
    activity.record(project=item.project, kind=activity.STATEMENT, actor=user, message=message)
    return item


# --- Funding decision ------------------------------------------------------------------------------


@transaction.atomic
def funding_decision_make(
    *,
    user,
    project: Project,
    approve: bool,
    decided_on=None,
    granted_amount=None,
    eligible_from=None,
    eligible_until=None,
    conditions: str = "",
    reason: str = "",
) -> FundingDecision:
    """Approve (with the granted aid, eligible period and conditions) or reject (with grounds).

    Approval needs every step of the decision chain passed with a favourable statement, an
    average score at or above the call's threshold, and a granted amount equal to the aid in the
    financing plan; it fixes the budget as approved, makes the project ongoing and publishes its
    page."""
    from hanke.finance.models import Budget
    from hanke.finance.selectors import budget_summary, max_aid_rate_for
    from hanke.finance.services import budget_approve

    _require(can_assess(user, project), _("Only the funder's officer makes the funding decision."))
    project = (
        Project.objects.select_for_update(of=("self",)).select_related("call").get(pk=project.pk)
    )
    _require_status(project, workflow.IN_ASSESSMENT)
    decided_on = decided_on or timezone.localdate()
    reason = (reason or "").strip()
    if not approve:
        if not reason:
            raise ValidationError({"reason": _("Give the grounds for rejecting the application.")})
        decision = FundingDecision.objects.create(
            project=project,
            outcome=FundingDecision.Outcome.REJECTED,
            reason=reason,
            decided_by=user,
            decided_on=decided_on,
        )
        project_transition(
            user=user,
            project=project,
            target=workflow.REJECTED,
            kind=activity.DECISION_REJECTED,
            message=reason,
        )
        return decision

    errors: dict = {}
    if not selectors.chain_complete(project):
        missing = [
            str(s.step.get_meeting_kind_display())
            for s in selectors.chain_progress(project)
            if not s.done
        ]
        errors.setdefault("__all__", []).append(
            _("The application has not passed its decision chain: %(steps)s.")
            % {"steps": ", ".join(missing)}
        )
    assessment = getattr(project, "assessment", None)
    threshold = project.call.score_threshold if project.call_id else None
    if threshold is not None and (
        assessment is None or assessment.score is None or assessment.score < threshold
    ):
        errors.setdefault("__all__", []).append(
            _("The average score is below the call's threshold %(threshold)s.")
            % {"threshold": f"{threshold.normalize():f}"}
        )
    summary = budget_summary(project)
    if summary is None or not summary.total_cost:
        errors.setdefault("__all__", []).append(_("The application has no cost estimate."))
    try:
        granted = (
            cents(to_decimal(str(granted_amount).strip()))
            if granted_amount not in (None, "")
            else None
        )
    except (ValueError, TypeError):
        granted = None
    if granted is None or not granted.is_finite() or granted <= 0:
        errors["granted_amount"] = [_("Give the granted aid in euros.")]
    elif summary is not None and granted != summary.aid:
        errors["granted_amount"] = [
            _(
                "The granted aid %(granted)s differs from the aid in the financing plan, "
                "%(planned)s. Grant that amount, or return the application for a corrected "
                "financing plan."
            )
            % {"granted": format_money(granted), "planned": format_money(summary.aid)}
        ]
    if eligible_from is None:
        errors["eligible_from"] = [_("Give the first day of the eligible period.")]
    if eligible_until is None:
        errors["eligible_until"] = [_("Give the last day of the eligible period.")]
    for field_name, messages in check_dates(project, eligible_from, eligible_until).items():
        target = {"start_date": "eligible_from", "end_date": "eligible_until"}[field_name]
        errors.setdefault(target, []).extend(messages)
    if errors:
        raise ValidationError(errors)
    aid_rate = share_percent(granted, summary.total_cost)
    maximum = max_aid_rate_for(project)
    if aid_rate > maximum:
        raise ValidationError(
            {
                "granted_amount": [
                    _("The aid rate %(rate)s exceeds the call's maximum %(max)s.")
                    % {"rate": format_percent(aid_rate), "max": format_percent(maximum)}
                ]
            }
        )
    budget = Budget.objects.get(project=project)
    decision = FundingDecision.objects.create(
        project=project,
        outcome=FundingDecision.Outcome.APPROVED,
        granted_amount=granted,
        aid_rate=aid_rate,
        eligible_from=eligible_from,
        eligible_until=eligible_until,
        cost_model=budget.cost_model,
        conditions=(conditions or "").strip(),
        decided_by=user,
        decided_on=decided_on,
    )
    if budget.approved_at is None:
        budget_approve(user=user, project=project, note=_("Funding decision"))
    Project.objects.filter(pk=project.pk).update(
        start_date=eligible_from, end_date=eligible_until, is_public=True
    )
    message = _("Granted %(amount)s (%(rate)s), eligible %(start)s–%(end)s.") % {
        "amount": format_money(granted),
        "rate": format_percent(aid_rate),
        "start": format_date(eligible_from),
        "end": format_date(eligible_until),
    }
    if decision.conditions:
        message += "\n" + decision.conditions
    project = project_transition(
        user=user,
        project=project,
        target=workflow.APPROVED,
        kind=activity.DECISION_APPROVED,
        message=message,
    )
    project_transition(user=user, project=project, target=workflow.ONGOING)
    return decision
