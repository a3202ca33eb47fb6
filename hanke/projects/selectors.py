"""Reads of projects for the public pages: the newest projects and the full project page."""

from dataclasses import dataclass, field

from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q

from hanke.finance.selectors import BudgetSummary, budget_summary

from . import workflow
from .models import Deliverable, Project, ProjectPartner, TargetGroup, WorkPackage

PUBLIC_STATUS_ORDER = [workflow.ONGOING, workflow.APPROVED, workflow.IN_ASSESSMENT, workflow.ENDED]


def public_status_choices() -> list[tuple[str, str]]:
    return [
        (state, workflow.STATES[state])
        for state in PUBLIC_STATUS_ORDER
        if state in workflow.PUBLIC_STATES
    ]


def project_latest_public(*, limit: int = 5) -> list[Project]:
    """The newest published projects (projects without a start date last), with what a list
    row shows. The search with its filters is `portal.selectors.project_search`."""
    return list(
        Project.objects.public()
        .select_related("implementer", "fund", "funding_authority", "budget")
        .order_by(F("start_date").desc(nulls_last=True), "pk")[:limit]
    )


def project_counts_public() -> dict:
    return Project.objects.public().aggregate(
        total=Count("pk"),
        ongoing=Count("pk", filter=Q(status=workflow.ONGOING)),
        ended=Count("pk", filter=Q(status=workflow.ENDED)),
    )


@dataclass
class ProjectPage:
    """Everything the public project page shows, read in a fixed number of queries."""

    project: Project
    co_implementers: list = field(default_factory=list)
    partners: list = field(default_factory=list)
    target_groups: list = field(default_factory=list)  # top level; each has .subgroups.all()
    work_packages: list = field(default_factory=list)
    loose_deliverables: list = field(default_factory=list)  # deliverables without a work package
    events: list = field(default_factory=list)
    upcoming_events: list = field(default_factory=list)  # soonest first
    past_events: list = field(default_factory=list)  # latest first
    undated_events: list = field(default_factory=list)  # known only by a rough timing
    cohorts: list = field(default_factory=list)  # training cohorts, each with .module.programme
    is_public: bool = False
    news: list = field(default_factory=list)
    meetings: list = field(default_factory=list)  # agenda items with a statement, by date
    budget: BudgetSummary | None = None
    assessment: object | None = None


def project_page_get(*, pk: int) -> ProjectPage | None:
    """The project with everything its page shows, whether or not it is public: the caller
    decides who may see it (`projects.permissions.can_view_project`)."""
    from hanke.assessment.models import AgendaItem
    from hanke.events.models import Cohort, Event, EventSpeaker
    from hanke.events.selectors import upcoming_and_past
    from hanke.portal.models import NewsItem

    project = (
        Project.objects.select_related(
            "implementer",
            "funding_authority",
            "fund",
            "programme",
            "specific_objective__priority_axis",
            "call",
            "budget",
            "assessment",
        )
        .prefetch_related(
            "regions",
            "municipalities",
            "themes",
            "links",
            "sections",
            "budget__cost_lines",
            "budget__financing_lines",
            Prefetch("partners", queryset=ProjectPartner.objects.select_related("organisation")),
            Prefetch(
                "target_groups",
                queryset=TargetGroup.objects.filter(part_of__isnull=True).prefetch_related(
                    "subgroups"
                ),
                to_attr="top_target_groups",
            ),
            Prefetch(
                "work_packages",
                queryset=WorkPackage.objects.prefetch_related(
                    "activities",
                    Prefetch("deliverables", queryset=Deliverable.objects.order_by("order", "pk")),
                ),
            ),
            Prefetch(
                "deliverables",
                queryset=Deliverable.objects.filter(work_package__isnull=True).order_by(
                    "order", "pk"
                ),
                to_attr="loose_deliverables",
            ),
            Prefetch(
                "events",
                queryset=Event.objects.select_related("municipality")
                .prefetch_related(
                    Prefetch(
                        "speaker_links",
                        queryset=EventSpeaker.objects.select_related("speaker").order_by("pk"),
                    )
                )
                .order_by(F("starts_at").asc(nulls_last=True), "pk"),
            ),
            Prefetch(
                "agenda_items",
                queryset=AgendaItem.objects.select_related("meeting").exclude(
                    statement=AgendaItem.Statement.PENDING
                ),
                to_attr="handled_agenda_items",
            ),
            Prefetch(
                "news",
                queryset=NewsItem.objects.filter(is_public=True).order_by(
                    F("published_on").desc(nulls_last=True), "order", "pk"
                ),
                to_attr="public_news",
            ),
        )
        .annotate(
            has_cohorts=Exists(Cohort.objects.filter(module__programme__project=OuterRef("pk")))
        )
        .filter(pk=pk)
        .first()
    )
    if project is None:
        return None
    partners = list(project.partners.all())
    events = list(project.events.all())
    upcoming, past, undated = upcoming_and_past(events)
    cohorts = []
    if project.has_cohorts:
        cohorts = list(
            Cohort.objects.filter(module__programme__project=project)
            .select_related("module__programme")
            .order_by("year", F("starts_on").asc(nulls_last=True), "module__number", "pk")
        )
    return ProjectPage(
        project=project,
        co_implementers=[p for p in partners if p.role == ProjectPartner.Role.CO_IMPLEMENTER],
        partners=[p for p in partners if p.role == ProjectPartner.Role.PARTNER],
        target_groups=project.top_target_groups,
        work_packages=list(project.work_packages.all()),
        loose_deliverables=project.loose_deliverables,
        events=events,
        upcoming_events=upcoming,
        past_events=past,
        undated_events=undated,
        cohorts=cohorts,
        is_public=project.is_public and project.status in workflow.PUBLIC_STATES,
        news=project.public_news,
        meetings=project.handled_agenda_items,
        budget=budget_summary(project),
        assessment=getattr(project, "assessment", None),
    )
