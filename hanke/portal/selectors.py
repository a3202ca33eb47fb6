"""Reads of news and calls for the public pages."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import F, Prefetch, QuerySet

from hanke.projects.models import Project

from .models import NewsItem


def news_list_public() -> QuerySet:
    """Published news, newest first; items the source gives no date keep the source's order
    after the dated ones (on every database: PostgreSQL would put NULLs first by default)."""
    return (
        NewsItem.objects.filter(is_public=True)
        .select_related("publisher")
        .order_by(F("published_on").desc(nulls_last=True), "order", "pk")
    )


def news_latest_public(*, limit: int = 5) -> list[NewsItem]:
    return list(news_list_public()[:limit])


def news_count_public() -> int:
    return NewsItem.objects.filter(is_public=True).count()


def news_get_public(*, pk: int) -> NewsItem | None:
    """A published news item with its published projects, or None."""
    return (
        news_list_public()
        .prefetch_related(
            Prefetch(
                "projects",
                queryset=Project.objects.public().order_by(
                    F("start_date").desc(nulls_last=True), "pk"
                ),
                to_attr="public_projects",
            )
        )
        .filter(pk=pk)
        .first()
    )


# --- Calls for applications ---------------------------------------------------------------------


def call_list_open(*, day=None):
    """The published calls that take applications on `day` (default today), with what the list
    shows: authority, funds, specific objectives and the next cut-off dates."""
    from django.utils import timezone

    from hanke.programmes.models import Call, CallCutOff

    day = day or timezone.localdate()
    return (
        Call.objects.open_on(day)
        .select_related("authority", "programme")
        .prefetch_related(
            "funds",
            "specific_objectives__priority_axis",
            Prefetch(
                "cut_offs",
                queryset=CallCutOff.objects.filter(date__gte=day).order_by("date"),
                to_attr="next_cut_offs",
            ),
        )
        .order_by(F("closes_on").asc(nulls_last=True), "name", "pk")
    )


@dataclass(frozen=True)
class CriteriaGroup:
    key: str
    label: str
    criteria: list
    max_total: Decimal


@dataclass(frozen=True)
class CallPage:
    call: object
    is_open: bool
    next_cut_offs: list
    cost_models: list  # labels
    general_criteria: list
    special_groups: list  # CriteriaGroup, content / horizontal / call-specific
    max_total_score: Decimal
    decision_steps: list


def call_page_get(*, pk: int, day=None) -> CallPage | None:
    """A published call with everything its public page shows, or None."""
    from django.utils import timezone

    from hanke.finance.models import CostModel
    from hanke.programmes.models import Call, SelectionCriterion

    day = day or timezone.localdate()
    call = (
        Call.objects.filter(is_published=True, pk=pk)
        .select_related("authority", "programme")
        .prefetch_related(
            "funds", "specific_objectives__priority_axis", "criteria", "decision_steps"
        )
        .first()
    )
    if call is None:
        return None
    criteria = list(call.criteria.all())
    groups = []
    for group in (
        SelectionCriterion.Group.CONTENT,
        SelectionCriterion.Group.HORIZONTAL,
        SelectionCriterion.Group.CALL_SPECIFIC,
    ):
        members = [
            c for c in criteria if c.kind == SelectionCriterion.Kind.SPECIAL and c.group == group
        ]
        if members:
            groups.append(
                CriteriaGroup(
                    group.value,
                    group.label,
                    members,
                    sum((c.max_score for c in members), Decimal("0")),
                )
            )
    cost_models = []
    for allowed in call.cost_models.all():
        try:
            cost_models.append(CostModel(allowed.cost_model).label)
        except ValueError:
            continue
    return CallPage(
        call=call,
        is_open=call.is_open_on(day),
        next_cut_offs=list(
            call.cut_offs.filter(date__gte=day).order_by("date").values_list("date", flat=True)
        ),
        cost_models=cost_models,
        general_criteria=[c for c in criteria if c.kind == SelectionCriterion.Kind.GENERAL],
        special_groups=groups,
        max_total_score=sum((g.max_total for g in groups), Decimal("0")),
        decision_steps=list(call.decision_steps.all()),
    )
