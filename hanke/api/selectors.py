"""Reads of the open data API that the public pages' selectors don't already make.

The API reuses the portal's reads wherever a public page shows the same thing
(`portal.selectors.project_search`, `call_page_get`, `news_list_public`, `news_get_public`,
`projects.selectors.project_page_get`, `events.selectors.event_calendar`, `event_page`); what
is here adds what only the API lists: the organisations of public projects, all published calls,
the values of the project filters."""

from django.db.models import Exists, F, OuterRef, Prefetch, Q, QuerySet

from hanke.accounts.models import Organisation
from hanke.core.i18n import text_order
from hanke.core.models import Municipality, Region
from hanke.indicators.models import IndicatorTarget
from hanke.portal.models import NewsItem
from hanke.programmes.models import (
    Fund,
    FundingAuthority,
    Programme,
    SpecificObjective,
)
from hanke.projects import workflow
from hanke.projects.models import Project, ProjectPartner, Theme
from hanke.projects.selectors import PUBLIC_STATUS_ORDER


def _name_order(prefix: str = ""):
    """By the name in Finnish, else English, else Swedish, case-insensitively (the API has no
    reader's language)."""
    return text_order("name", prefix=prefix)


# --- Projects -----------------------------------------------------------------------------------


def project_indicator_targets(*, project) -> list[IndicatorTarget]:
    """A project's targets for its programme's indicators (the targets, never achievements)."""
    return list(
        IndicatorTarget.objects.filter(project=project)
        .select_related("indicator")
        .order_by("indicator__kind", "indicator__code", "pk")
    )


def project_filter_values() -> dict:
    """Every value the project filters accept: the programme's reference data."""
    return {
        "funds": list(Fund.objects.order_by("code")),
        "programmes": list(Programme.objects.order_by("-period_start", "code")),
        "specific_objectives": list(
            SpecificObjective.objects.select_related("priority_axis").order_by(
                "priority_axis__programme", "priority_axis__number", "code", "pk"
            )
        ),
        "authorities": list(FundingAuthority.objects.order_by(_name_order(), "pk")),
        "regions": list(Region.objects.order_by("code")),
        "municipalities": list(Municipality.objects.order_by("code")),
        "themes": list(Theme.objects.order_by("slug")),
        "statuses": [s for s in PUBLIC_STATUS_ORDER if s in workflow.PUBLIC_STATES],
    }


# --- Organisations ------------------------------------------------------------------------------


def organisations_public(*, text: str = "", org_type: str = "", municipality=None) -> QuerySet:
    """Organisations of the public projects: each implements a public project, is a
    co-implementer or partner of one, or is the funding authority of one. Other organisations
    (applicants whose applications are not public, publishers of news) are not listed."""
    public = Project.objects.public()
    qs = Organisation.objects.filter(
        Exists(public.filter(implementer=OuterRef("pk")))
        | Exists(ProjectPartner.objects.filter(organisation=OuterRef("pk"), project__in=public))
        | Exists(public.filter(funding_authority__organisation=OuterRef("pk")))
    )
    if text:
        qs = qs.filter(
            Q(name_fi__icontains=text)
            | Q(name_en__icontains=text)
            | Q(name_sv__icontains=text)
            | Q(business_id=text)
        )
    if org_type:
        qs = qs.filter(org_type=org_type)
    if municipality is not None:
        qs = qs.filter(municipality=municipality)
    return qs.select_related("municipality").order_by(_name_order(), "pk")


def organisation_public_get(*, pk: int) -> Organisation | None:
    return organisations_public().filter(pk=pk).first()


def organisation_public_projects(*, organisation) -> list[tuple]:
    """(project, role) for each public project of the organisation; the role is `implementer`,
    `co_implementer`, `partner` or `funding_authority`."""
    public = Project.objects.public().order_by(F("start_date").desc(nulls_last=True), "pk")
    rows = [(p, "implementer") for p in public.filter(implementer=organisation)]
    rows += [
        (link.project, link.role)
        for link in ProjectPartner.objects.filter(
            organisation=organisation, project__in=Project.objects.public()
        )
        .select_related("project")
        .order_by(F("project__start_date").desc(nulls_last=True), "project__pk", "role")
    ]
    rows += [
        (p, "funding_authority")
        for p in public.filter(funding_authority__organisation=organisation)
    ]
    return rows


# --- Calls --------------------------------------------------------------------------------------


# --- News ---------------------------------------------------------------------------------------


def news_with_projects(qs: QuerySet) -> QuerySet:
    """News items with their public projects as `public_projects` (as `news_get_public`)."""
    return qs.prefetch_related(
        Prefetch(
            "projects",
            queryset=Project.objects.public().order_by(F("start_date").desc(nulls_last=True), "pk"),
            to_attr="public_projects",
        )
    )


def news_about(qs: QuerySet, *, project_id: int) -> QuerySet:
    return qs.filter(
        pk__in=NewsItem.projects.through.objects.filter(project=project_id).values("newsitem_id")
    )
