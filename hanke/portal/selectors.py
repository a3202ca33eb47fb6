"""Reads for the public pages: the project search with its facets, news and calls."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Exists, F, FilteredRelation, OuterRef, Prefetch, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from hanke.accounts.models import Organisation
from hanke.core.models import Municipality, Region
from hanke.programmes.models import Fund, FundingAuthority, Programme, SpecificObjective
from hanke.projects.models import Project, Theme

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


def call_list_published(*, day=None, is_open: bool | None = None) -> QuerySet:
    """Published calls, those closing soonest first (continuous calls last), with what a list
    shows: authority, funds, specific objectives and the next cut-off dates. `is_open`: True
    only the calls that take applications on `day` (default today), False the others."""
    from django.utils import timezone

    from hanke.programmes.models import Call, CallCutOff

    day = day or timezone.localdate()
    qs = Call.objects.filter(is_published=True)
    open_ids = Call.objects.open_on(day).values("pk")
    if is_open is True:
        qs = qs.filter(pk__in=open_ids)
    elif is_open is False:
        qs = qs.exclude(pk__in=open_ids)
    return (
        qs.select_related("authority", "programme")
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


def call_list_open(*, day=None) -> QuerySet:
    """The published calls that take applications on `day` (default today)."""
    return call_list_published(day=day, is_open=True)


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


# --- Project search -----------------------------------------------------------------------------

SORTS = {
    # key: (label, ordering); "relevance" orders by the text match's rank, newest first without
    # a text (there is nothing to be relevant to).
    "relevance": _("Relevance"),
    "newest": _("Newest first"),
    "oldest": _("Oldest first"),
    "ending": _("Ending soonest"),
    "budget_desc": _("Largest total budget"),
    "budget_asc": _("Smallest total budget"),
    "eu_desc": _("Largest EU and state funding"),
    "name": _("Name A–Ö"),
}


@dataclass(frozen=True)
class ProjectQuery:
    """One search of the public project database: the text, the facets and the ranges, all
    validated (ids of existing records, real dates, non-negative amounts). The search page's
    form, the API and the exports build one and give it to `project_search`."""

    text: str = ""
    funds: tuple[int, ...] = ()
    programmes: tuple[int, ...] = ()
    specific_objectives: tuple[int, ...] = ()
    authorities: tuple[int, ...] = ()
    regions: tuple[int, ...] = ()
    municipalities: tuple[int, ...] = ()
    themes: tuple[int, ...] = ()
    statuses: tuple[str, ...] = ()
    implementers: tuple[int, ...] = ()
    start_from: datetime.date | None = None
    start_to: datetime.date | None = None
    end_from: datetime.date | None = None
    end_to: datetime.date | None = None
    total_min: Decimal | None = None
    total_max: Decimal | None = None
    eu_min: Decimal | None = None
    eu_max: Decimal | None = None
    sort: str = ""

    @property
    def effective_sort(self) -> str:
        if self.sort in SORTS and (self.sort != "relevance" or self.text.strip()):
            return self.sort
        return "relevance" if self.text.strip() else "newest"


# facets that are a column of the project: GET parameter -> column
PROJECT_COLUMN_FACETS = {
    "funds": "fund",
    "programmes": "programme",
    "specific_objectives": "specific_objective",
    "authorities": "funding_authority",
    "statuses": "status",
    "implementers": "implementer",
}
# facets whose values are record ids: GET parameter -> model
FACET_MODELS = {
    "funds": Fund,
    "programmes": Programme,
    "specific_objectives": SpecificObjective,
    "authorities": FundingAuthority,
    "regions": Region,
    "municipalities": Municipality,
    "themes": Theme,
    "implementers": Organisation,
}


def _through(field: str):
    return Project._meta.get_field(field).remote_field.through


def _in_any(field: str, column: str, ids) -> Exists:
    """Projects linked through the many-to-many `field` to any of `ids` (no duplicate rows)."""
    return Exists(_through(field).objects.filter(project=OuterRef("pk"), **{f"{column}__in": ids}))


def _filtered(query: ProjectQuery, *, skip: str = "", text: bool = True) -> QuerySet:
    """Public projects matching the query, leaving out the facet `skip` (a facet's own options
    are counted as if nothing were chosen in it, so the reader can widen the choice) and, with
    `text=False`, the text (for the caller that ranks by it)."""
    from . import search

    qs = Project.objects.public()
    if text and query.text.strip():
        qs = search.search_filter(qs, query.text)
    for name, column in PROJECT_COLUMN_FACETS.items():
        values = getattr(query, name)
        if values and skip != name:
            qs = qs.filter(**{f"{column}__in": values})
    if query.regions and skip != "regions":
        # a project is in a region when it names the region or one of its municipalities
        qs = qs.filter(
            _in_any("regions", "region", query.regions)
            | _in_any("municipalities", "municipality__region", query.regions)
        )
    if query.municipalities and skip != "municipalities":
        qs = qs.filter(_in_any("municipalities", "municipality", query.municipalities))
    if query.themes and skip != "themes":
        qs = qs.filter(_in_any("themes", "theme", query.themes))
    for bound, lookup in (
        (query.start_from, "start_date__gte"),
        (query.start_to, "start_date__lte"),
        (query.end_from, "end_date__gte"),
        (query.end_to, "end_date__lte"),
        (query.total_min, "budget__total_cost__gte"),
        (query.total_max, "budget__total_cost__lte"),
    ):
        if bound is not None:
            qs = qs.filter(**{lookup: bound})
    if query.eu_min is not None or query.eu_max is not None:
        qs = _with_eu(qs)
        if query.eu_min is not None:
            qs = qs.filter(aid_line__amount__gte=query.eu_min)
        if query.eu_max is not None:
            qs = qs.filter(aid_line__amount__lte=query.eu_max)
    return qs


def _with_eu(qs: QuerySet) -> QuerySet:
    from hanke.finance.models import FundingSource

    if "aid_line" in qs.query._filtered_relations:
        return qs
    return qs.annotate(
        aid_line=FilteredRelation(
            "budget__financing_lines",
            condition=Q(budget__financing_lines__source=FundingSource.AID),
        )
    )


ORDERINGS = {
    "relevance": ["-relevance"],
    "newest": [F("start_date").desc(nulls_last=True)],
    "oldest": [F("start_date").asc(nulls_last=True)],
    "ending": [F("end_date").asc(nulls_last=True)],
    "budget_desc": [F("total_amount").desc(nulls_last=True)],
    "budget_asc": [F("total_amount").asc(nulls_last=True)],
    "eu_desc": [F("eu_amount").desc(nulls_last=True)],
}


def _ordering(sort: str) -> list:
    if sort != "name":
        return ORDERINGS[sort]
    # the name in the reader's language, else in the first language that has one; projects
    # the source gives no name come last
    from django.db.models import BooleanField, ExpressionWrapper
    from django.utils import translation

    from hanke.core.i18n import LANGUAGE_CODES, text_order

    empty = Q()
    for code in LANGUAGE_CODES:
        empty &= Q(**{f"name_{code}__isnull": True}) | Q(**{f"name_{code}": ""})
    nameless = ExpressionWrapper(empty, BooleanField())
    lang = (translation.get_language() or "fi")[:2]
    return [nameless.asc(), text_order("name", lang=lang).asc()]


def project_search(query: ProjectQuery) -> QuerySet:
    """The public projects matching `query`, ordered by its sort, with what a result shows:
    `total_amount` (total eligible costs), `eu_amount` (EU and state funding, the aid) and
    `relevance` (the text match's rank, 0 without a text)."""
    from . import search

    qs = _with_eu(_filtered(query, text=False)).select_related(
        "implementer", "fund", "funding_authority", "programme", "specific_objective", "budget"
    )
    qs = qs.annotate(total_amount=F("budget__total_cost"), eu_amount=F("aid_line__amount"))
    qs = search.ranked(qs, query.text)
    return qs.order_by(*_ordering(query.effective_sort), "pk")


# --- Facets -------------------------------------------------------------------------------------

FACET_LIMIT = 12


@dataclass(frozen=True)
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True)
class Facet:
    name: str  # the GET parameter
    label: str
    options: list  # FacetOption, most projects first; the chosen ones always included
    more: int = 0  # options left out (beyond FACET_LIMIT, none of them chosen)
    selected: list = field(default_factory=list)


def _label(obj) -> str:
    """A facet value's name in the reader's language (funds by their abbreviation, specific
    objectives with their code)."""
    from hanke.core.i18n import localised

    if obj._meta.model_name == "fund":
        return localised(obj, "abbreviation").text or obj.code
    name = localised(obj, "name").text or getattr(obj, "name", "") or str(obj)
    if obj._meta.model_name == "specificobjective" and obj.code:
        return f"{obj.code} {name}"
    return name


def _facet_counts(base: QuerySet, name: str) -> dict:
    """Projects of `base` per value of the facet `name`."""
    ids = base.order_by().values("pk")
    m2m = {"regions": None, "municipalities": "municipality", "themes": "theme"}
    if name == "regions":
        direct = _through("regions").objects.filter(project__in=ids)
        via = _through("municipalities").objects.filter(project__in=ids)
        pairs = set(direct.values_list("region", "project"))
        pairs |= set(via.values_list("municipality__region", "project"))
        counts: dict = {}
        for region, _project in pairs:
            counts[region] = counts.get(region, 0) + 1
        return counts
    if name in m2m:
        column = m2m[name]
        rows = (
            _through(name)
            .objects.filter(project__in=ids)
            .values(column)
            .annotate(n=Count("project", distinct=True))
        )
        return {row[column]: row["n"] for row in rows}
    column = PROJECT_COLUMN_FACETS[name]
    rows = (
        Project.objects.filter(pk__in=ids)
        .exclude(**{f"{column}__isnull": True})
        .values(column)
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {row[column]: row["n"] for row in rows}


FACETS = [
    ("funds", _("Fund")),
    ("programmes", _("Programme")),
    ("specific_objectives", _("Specific objective")),
    ("authorities", _("Funding authority")),
    ("regions", _("Region")),
    ("municipalities", _("Municipality")),
    ("themes", _("Theme")),
    ("statuses", _("Status")),
    ("implementers", _("Implementer")),
]


def project_facets(query: ProjectQuery, *, limit: int = FACET_LIMIT) -> list[Facet]:
    """For each facet, its values with the number of projects each would give: counted with
    everything else in the query applied but not the facet's own choice, so choosing a second
    value widens the result (values within a facet are alternatives)."""
    from hanke.projects import workflow

    facets = []
    for name, label in FACETS:
        chosen = {str(v) for v in getattr(query, name)}
        counts = _facet_counts(_filtered(query, skip=name), name)
        for value in getattr(query, name):
            counts.setdefault(value, 0)
        ordered = sorted(counts.items(), key=lambda item: (-item[1], str(item[0])))
        shown = ordered[:limit]
        shown += [item for item in ordered[limit:] if str(item[0]) in chosen]
        if name == "statuses":
            labels = {key: str(workflow.STATES.get(key, key)) for key, _n in shown}
        else:
            objects = FACET_MODELS[name].objects.in_bulk([key for key, _n in shown])
            labels = {key: _label(obj) for key, obj in objects.items()}
        options = [
            FacetOption(str(key), labels.get(key, str(key)), n, str(key) in chosen)
            for key, n in shown
            if key in labels
        ]
        facets.append(
            Facet(
                name=name,
                label=label,
                options=options,
                more=max(0, len(ordered) - len(shown)),
                selected=[o for o in options if o.selected],
            )
        )
    return facets


def similar_projects_public(project, *, limit: int = 5) -> list:
    """Published projects most like `project`, closest first, each a
    `projects.similarity.SimilarProject` (with the shared words that make it alike): the
    search index finds the candidates, the similarity measure of the assessment panel ranks
    them and leaves out those too little alike."""
    from hanke.projects.similarity import similar_projects

    from . import search

    ids = search.similar_candidate_ids(project)
    if not ids:
        return []
    return similar_projects(project, limit, candidates=ids)
