"""Reads of the assessment: the officer's inbox, the score table, and where an application stands
in its call's decision chain."""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Min, Prefetch, Q

from hanke.programmes.models import DecisionStep, SelectionCriterion
from hanke.programmes.permissions import officer_authority_ids
from hanke.projects import workflow
from hanke.projects.models import Project

from .models import AgendaItem, AssessorAssignment, CriterionScore, Meeting
from .permissions import can_see_all_scores

INBOX_STATES = [workflow.SUBMITTED, workflow.IN_ASSESSMENT, workflow.RETURNED]


def officer_projects(user):
    """Applications and projects of the authorities the user is an officer of."""
    ids = officer_authority_ids(user)
    qs = Project.objects.all()
    if ids is not None:
        qs = qs.filter(funding_authority_id__in=ids)
    return qs


@dataclass
class InboxGroup:
    call: object
    cut_off: object  # a date, or None for a call without cut-off dates
    applications: list = field(default_factory=list)


def inbox(*, user, call_id=None, status: str = "") -> list[InboxGroup]:
    """The officer's applications under review, grouped by call and by the cut-off date the first
    submission falls under, oldest first."""
    qs = (
        officer_projects(user)
        .filter(status__in=[status] if status else INBOX_STATES)
        .select_related("call", "implementer", "assessment", "budget")
        .annotate(first_submitted=Min("application_versions__submitted_at"))
        .prefetch_related("call__cut_offs")
        .order_by("call_id", "first_submitted", "pk")
    )
    if call_id:
        qs = qs.filter(call_id=call_id)
    groups: dict = {}
    for project in qs:
        cut_off = None
        if project.call_id and project.first_submitted:
            day = project.first_submitted.date()
            cut_off = min(
                (c.date for c in project.call.cut_offs.all() if c.date >= day), default=None
            )
        key = (project.call_id, cut_off)
        if key not in groups:
            groups[key] = InboxGroup(call=project.call, cut_off=cut_off)
        groups[key].applications.append(project)
    return list(groups.values())


def assessor_queue(*, user) -> list[AssessorAssignment]:
    return list(
        AssessorAssignment.objects.filter(assessor=user)
        .select_related("project__call", "project__implementer")
        .order_by("submitted_at", "created_at")
    )


def special_criteria(call) -> list[SelectionCriterion]:
    if call is None:
        return []
    return list(call.criteria.filter(kind=SelectionCriterion.Kind.SPECIAL).order_by("order", "pk"))


def general_criteria(call) -> list[SelectionCriterion]:
    if call is None:
        return []
    return list(call.criteria.filter(kind=SelectionCriterion.Kind.GENERAL).order_by("order", "pk"))


def average_score(totals: list[Decimal]) -> Decimal | None:
    """The average of the assessors' totals to one decimal (half up): 20 and 21 give 20.5."""
    if not totals:
        return None
    return (sum(totals, Decimal("0")) / len(totals)).quantize(Decimal("0.1"), ROUND_HALF_UP)


@dataclass
class AssessorColumn:
    assignment: AssessorAssignment
    scores: dict  # criterion pk -> CriterionScore
    total: Decimal
    visible: bool  # False: the viewer may not see this assessor's scores yet


@dataclass
class ScoreTable:
    criteria: list
    columns: list
    max_total: Decimal
    average: Decimal | None  # of the submitted assessments
    threshold: Decimal | None
    submitted_count: int

    @property
    def threshold_met(self) -> bool | None:
        if self.average is None or self.threshold is None:
            return None
        return self.average >= self.threshold


def score_table(*, project, viewer) -> ScoreTable:
    """Each assessor's scores per criterion, their totals, and the average of the submitted ones.
    Scores the viewer may not see yet (another assessor's, before the viewer has submitted) are
    marked invisible; the average is only given to those who may see every score."""
    criteria = special_criteria(project.call)
    assignments = list(
        project.assessor_assignments.select_related("assessor").prefetch_related(
            Prefetch("scores", queryset=CriterionScore.objects.select_related("criterion"))
        )
    )
    sees_all = can_see_all_scores(viewer, project)
    columns = []
    for assignment in assignments:
        scores = {s.criterion_id: s for s in assignment.scores.all()}
        columns.append(
            AssessorColumn(
                assignment=assignment,
                scores=scores,
                total=sum((s.score for s in scores.values()), Decimal("0")),
                visible=sees_all or assignment.assessor_id == getattr(viewer, "pk", None),
            )
        )
    submitted = [c.total for c in columns if c.assignment.submitted_at]
    return ScoreTable(
        criteria=criteria,
        columns=columns,
        max_total=sum((c.max_score for c in criteria), Decimal("0")),
        average=average_score(submitted) if sees_all else None,
        threshold=project.call.score_threshold if project.call_id else None,
        submitted_count=len(submitted),
    )


@dataclass
class ChainStep:
    step: DecisionStep
    items: list  # AgendaItems of this step's meeting kind, by date
    done: bool  # a favourable statement was recorded
    current: bool  # the next step the application must pass

    @property
    def latest(self):
        return self.items[-1] if self.items else None


def chain_progress(project) -> list[ChainStep]:
    """The call's decision chain with what happened at each step. The first step without a
    favourable statement is the current one; the steps after it wait."""
    if not project.call_id:
        return []
    steps = list(project.call.decision_steps.order_by("order"))
    items = list(
        project.agenda_items.select_related("meeting").order_by("meeting__date", "meeting__pk")
    )
    result = []
    current_found = False
    for step in steps:
        mine = [i for i in items if i.meeting.kind == step.meeting_kind]
        done = any(i.statement == AgendaItem.Statement.FAVOURABLE for i in mine)
        current = not done and not current_found
        current_found = current_found or current
        result.append(ChainStep(step=step, items=mine, done=done, current=current))
    return result


def next_step(project) -> DecisionStep | None:
    return next((s.step for s in chain_progress(project) if s.current), None)


def chain_complete(project) -> bool:
    progress = chain_progress(project)
    return all(s.done for s in progress)


def meetings_for(*, user):
    """Meetings the user takes part in, is the secretary of, or manages as an officer."""
    ids = officer_authority_ids(user)
    qs = Meeting.objects.all()
    if ids is not None:
        qs = qs.filter(
            Q(authority_id__in=ids) | Q(participants=user) | Q(secretary=user)
        ).distinct()
    return qs.select_related("authority").order_by("-date", "pk")


def agenda_candidates(meeting) -> list[Project]:
    """Applications of the meeting's authority whose next chain step is this meeting's kind and
    that are not on this meeting's agenda yet."""
    qs = (
        Project.objects.filter(status=workflow.IN_ASSESSMENT)
        .exclude(agenda_items__meeting=meeting)
        .select_related("call", "implementer")
    )
    if meeting.authority_id:
        qs = qs.filter(funding_authority_id=meeting.authority_id)
    result = []
    for project in qs:
        step = next_step(project)
        if step is not None and step.meeting_kind == meeting.kind:
            pending = project.agenda_items.filter(statement=AgendaItem.Statement.PENDING).exists()
            if not pending:
                result.append(project)
    return result
