"""Public pages. Views are thin: they read through selectors and render templates."""

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from hanke.accounts import roles
from hanke.accounts.roles import has_role
from hanke.projects import selectors as project_selectors
from hanke.projects.permissions import can_view_project

from . import selectors as portal_selectors
from .forms import RANGES, ProjectSearchForm, query_string

RANGE_FIELDS = [name for pair in RANGES for name in pair]


@require_GET
def home(request):
    return render(
        request,
        "portal/home.html",
        {
            "counts": project_selectors.project_counts_public(),
            "news_count": portal_selectors.news_count_public(),
            "latest_projects": project_selectors.project_latest_public(limit=5),
            "latest_news": portal_selectors.news_latest_public(limit=5),
        },
    )


def _paged(request, items):
    paginator = Paginator(items, settings.HANKE_PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    numbers = list(paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1))
    return page, numbers


@require_GET
def project_list(request):
    """The project search. Its form updates the results in place (htmx asks for the results
    part only) and the address always holds the search, so it can be shared."""
    form = ProjectSearchForm(request.GET or None)
    query = form.to_query()
    page, page_numbers = _paged(request, portal_selectors.project_search(query))
    context = {
        "form": form,
        "query": query,
        "page": page,
        "page_numbers": page_numbers,
        "facets": portal_selectors.project_facets(query),
        "filter_query": query_string(query),
        "is_filtered": query != portal_selectors.ProjectQuery(),
        "range_fields": [form[name] for name in RANGE_FIELDS],
        "facet_names": [name for name, _label in portal_selectors.FACETS],
        "sorts": list(portal_selectors.SORTS.items()),
        "ranges_open": any(form[name].value() for name in RANGE_FIELDS)
        or any(name in form.errors for name in RANGE_FIELDS),
    }
    if request.htmx and request.htmx.target == "search-area":
        return render(request, "portal/partials/search_area.html", context)
    return render(request, "portal/project_list.html", context)


@require_GET
def project_detail(request, pk: int):
    page = project_selectors.project_page_get(pk=pk)
    if page is None or not can_view_project(request.user, page.project):
        raise Http404
    similar = portal_selectors.similar_projects_public(page.project, limit=5)
    return render(
        request,
        "portal/project_detail.html",
        {"p": page, "project": page.project, "similar": similar},
    )


@require_GET
def news_list(request):
    page, page_numbers = _paged(request, portal_selectors.news_list_public())
    return render(request, "portal/news_list.html", {"page": page, "page_numbers": page_numbers})


@require_GET
def news_detail(request, pk: int):
    item = portal_selectors.news_get_public(pk=pk)
    if item is None:
        raise Http404
    return render(request, "portal/news_detail.html", {"item": item})


@require_GET
def call_list(request):
    return render(request, "portal/call_list.html", {"calls": portal_selectors.call_list_open()})


@require_GET
def call_detail(request, pk: int):
    page = portal_selectors.call_page_get(pk=pk)
    if page is None:
        raise Http404
    user = request.user
    is_applicant = user.is_authenticated and has_role(user, roles.APPLICANT)
    organisations = []
    if is_applicant:
        organisations = [
            m.organisation for m in user.memberships.select_related("organisation").all()
        ]
    return render(
        request,
        "portal/call_detail.html",
        {
            "p": page,
            "call": page.call,
            "is_applicant": is_applicant,
            "organisations": organisations,
        },
    )
