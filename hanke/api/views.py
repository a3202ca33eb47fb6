"""The API's endpoints. Thin: validate the parameters (`params`), read through the selectors,
shape the answer (`present`)."""

import math

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from ninja import Path, Query

from hanke.core.models import Region
from hanke.events import selectors as event_selectors
from hanke.portal import selectors as portal_selectors
from hanke.projects import selectors as project_selectors
from hanke.projects.models import Theme

from . import present, schemas
from . import selectors as api_selectors
from .api import NotFound, api
from .params import (
    MAX_ID,
    CallFilters,
    EventFilters,
    NewsFilters,
    OrganisationFilters,
    ParameterError,
    ProjectFilters,
)

ERRORS = {422: schemas.ErrorOut, 429: schemas.ErrorOut}
ERRORS_404 = {404: schemas.ErrorOut, **ERRORS}


def _id(description: str):
    return Path(..., ge=1, le=MAX_ID, description=description)


def _page(request, queryset, params) -> tuple[dict, list]:
    """One page of `queryset`: the paging fields of the answer and the records. A page past the
    last is a 422 (page 1 of an empty result is an empty page)."""
    count = queryset.count()
    pages = max(1, math.ceil(count / params.page_size))
    if params.page > pages:
        raise ParameterError(
            [
                (
                    "page",
                    ngettext(
                        "There is only %(pages)s page.",
                        "There are only %(pages)s pages.",
                        pages,
                    )
                    % {"pages": pages},
                )
            ]
        )
    start = (params.page - 1) * params.page_size
    records = list(queryset[start : start + params.page_size])

    def link(page):
        if page < 1 or page > pages:
            return None
        query = request.GET.copy()
        query["page"] = str(page)
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

    paging = {
        "count": count,
        "page": params.page,
        "page_size": params.page_size,
        "pages": pages,
        "next": link(params.page + 1),
        "previous": link(params.page - 1),
    }
    return paging, records


# --- Projects -----------------------------------------------------------------------------------


@api.get(
    "/projects",
    response={200: schemas.ProjectList, **ERRORS},
    tags=["projects"],
    summary="Search the public projects",
)
def project_list(request, filters: Query[ProjectFilters]):
    """The published projects that match the filters, as the project search page finds them:
    text search with inflected forms, facets, date and money ranges, sorting."""
    query = filters.to_query()
    paging, projects = _page(request, portal_selectors.project_search(query), filters)
    links = present.Links(request)
    return {**paging, "results": [present.search_result(p, links) for p in projects]}


@api.get(
    "/projects/filters",
    response={200: schemas.ProjectFilterValues, 429: schemas.ErrorOut},
    tags=["projects"],
    summary="The values of the project filters",
)
def project_filters(request):
    """Funds, programmes, specific objectives, funding authorities, regions, municipalities and
    themes with their ids, the statuses and the sort orders: what `/projects` accepts."""
    return present.filter_values(api_selectors.project_filter_values())


@api.get(
    "/projects/{project_id}",
    response={200: schemas.ProjectDetail, **ERRORS_404},
    tags=["projects"],
    summary="One public project",
)
def project_detail(request, project_id: int = _id("The project's id")):
    """What the public project page shows: basic facts, description, partners, the cost
    estimate and financing plan, target groups, work packages with their deliverables,
    indicator targets, events and news."""
    page = project_selectors.project_page_get(pk=project_id)
    if page is None or not page.is_public:
        raise NotFound(_("There is no public project with the id %(id)s.") % {"id": project_id})
    return present.project_detail(
        page,
        present.Links(request),
        indicator_targets=api_selectors.project_indicator_targets(project=page.project),
        news=page.news,
    )


# --- Organisations ------------------------------------------------------------------------------


@api.get(
    "/organisations",
    response={200: schemas.OrganisationList, **ERRORS},
    tags=["organisations"],
    summary="Organisations of the public projects",
)
def organisation_list(request, filters: Query[OrganisationFilters]):
    """Organisations that implement a public project, are a co-implementer or partner of one,
    or are the funding authority of one."""
    filters.check()
    qs = api_selectors.organisations_public(
        text=filters.q, org_type=filters.type or "", municipality=filters.municipality
    )
    paging, organisations = _page(request, qs, filters)
    return {**paging, "results": [present.organisation_item(o) for o in organisations]}


@api.get(
    "/organisations/{organisation_id}",
    response={200: schemas.OrganisationDetail, **ERRORS_404},
    tags=["organisations"],
    summary="One organisation with its public projects",
)
def organisation_detail(request, organisation_id: int = _id("The organisation's id")):
    organisation = api_selectors.organisation_public_get(pk=organisation_id)
    if organisation is None:
        raise NotFound(
            _("There is no organisation of a public project with the id %(id)s.")
            % {"id": organisation_id}
        )
    rows = api_selectors.organisation_public_projects(organisation=organisation)
    return present.organisation_detail(organisation, rows)


# --- Calls --------------------------------------------------------------------------------------


@api.get(
    "/calls",
    response={200: schemas.CallList, **ERRORS},
    tags=["calls"],
    summary="Published calls for applications",
)
def call_list(request, filters: Query[CallFilters]):
    """Published calls, those closing soonest first and continuous calls last."""
    day = timezone.localdate()
    qs = portal_selectors.call_list_published(day=day, is_open=filters.open)
    paging, calls = _page(request, qs, filters)
    links = present.Links(request)
    return {**paging, "results": [present.call_item(c, links, day=day) for c in calls]}


@api.get(
    "/calls/{call_id}",
    response={200: schemas.CallDetail, **ERRORS_404},
    tags=["calls"],
    summary="One published call",
)
def call_detail(request, call_id: int = _id("The call's id")):
    """The call as its public page shows it: dates, funds, cost models, selection criteria and
    the decision chain."""
    day = timezone.localdate()
    page = portal_selectors.call_page_get(pk=call_id, day=day)
    if page is None:
        raise NotFound(_("There is no published call with the id %(id)s.") % {"id": call_id})
    return present.call_detail(page, present.Links(request), day=day)


# --- Events -------------------------------------------------------------------------------------


@api.get(
    "/events",
    response={200: schemas.EventList, **ERRORS},
    tags=["events"],
    summary="Events of the public projects",
)
def event_list(request, filters: Query[EventFilters]):
    """The public calendar's events (those with a start time) of published projects. Events
    known only by a rough timing are in their project's `events` and at `/events/{id}`."""
    filters.check()
    qs = event_selectors.event_calendar(
        region=Region.objects.get(pk=filters.region) if filters.region else None,
        theme=Theme.objects.get(pk=filters.theme) if filters.theme else None,
        event_type=filters.type or "",
        date_from=filters.date_from,
        date_to=filters.date_to,
        when=filters.when,
    ).prefetch_related("project__themes")
    if filters.project:
        qs = qs.filter(project=filters.project)
    paging, events = _page(request, qs, filters)
    links = present.Links(request)
    return {**paging, "results": [present.event_item(e, links) for e in events]}


@api.get(
    "/events/{event_id}",
    response={200: schemas.EventDetail, **ERRORS_404},
    tags=["events"],
    summary="One event of a public project",
)
def event_detail(request, event_id: int = _id("The event's id")):
    """The event as its public page shows it, with its speakers and the state of registration
    (never who registered)."""
    event = event_selectors.event_public_get(pk=event_id)
    if event is None:
        raise NotFound(_("There is no public event with the id %(id)s.") % {"id": event_id})
    return present.event_detail(event_selectors.event_page(event), present.Links(request))


# --- News ---------------------------------------------------------------------------------------


@api.get(
    "/news",
    response={200: schemas.NewsList, **ERRORS},
    tags=["news"],
    summary="Published news",
)
def news_list(request, filters: Query[NewsFilters]):
    """Published news, newest first; items the source gives no date follow in the source's
    order."""
    filters.check()
    qs = portal_selectors.news_list_public()
    if filters.project:
        qs = api_selectors.news_about(qs, project_id=filters.project)
    paging, items = _page(request, api_selectors.news_with_projects(qs), filters)
    links = present.Links(request)
    return {**paging, "results": [present.news_item(i, links) for i in items]}


@api.get(
    "/news/{news_id}",
    response={200: schemas.NewsDetail, **ERRORS_404},
    tags=["news"],
    summary="One published news item",
)
def news_detail(request, news_id: int = _id("The news item's id")):
    item = portal_selectors.news_get_public(pk=news_id)
    if item is None:
        raise NotFound(_("There is no published news item with the id %(id)s.") % {"id": news_id})
    return present.news_detail(item, present.Links(request))
