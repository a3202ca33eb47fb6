"""Participants' personal data on the project's pages: the list and search, one person's data,
the subject access export and erasure on request, and the access log.

Every page that shows personal data records it in the access log (`services.access_record`,
which the export and erasure services call themselves), and no page is cached. Views stay thin:
permission, form, selector or service, render."""

import json

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from hanke.core.views import signed_in_view
from hanke.events.permissions import can_handle_data_requests, can_view_participants
from hanke.projects.models import Project

from . import selectors, services
from .forms import ErasureForm, ParticipantSearchForm
from .models import AccessLog, Participant

# --- Access ------------------------------------------------------------------------------------


def _project(request, pk, check=can_view_participants):
    project = get_object_or_404(Project.objects.select_related("implementer"), pk=pk)
    if not check(request.user, project):
        raise PermissionDenied(_("You do not have access to this project's participants."))
    return project


def _participant(project, participant_pk) -> Participant:
    return get_object_or_404(Participant, project=project, pk=participant_pk)


def _context(request, project, **extra):
    return {
        "project": project,
        "section": "participants",
        "can_handle_requests": can_handle_data_requests(request.user, project),
        **extra,
    }


def _paged(request, items):
    paginator = Paginator(items, settings.HANKE_PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    numbers = list(paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1))
    return page, numbers


# --- Pages -------------------------------------------------------------------------------------


@never_cache
@signed_in_view
def participant_list(request, pk):
    project = _project(request, pk)
    form = ParticipantSearchForm(request.GET or None)
    query = form.cleaned_data["q"].strip() if form.is_bound and form.is_valid() else ""
    page, page_numbers = _paged(request, selectors.participant_list(project=project, query=query))
    detail = "; ".join(
        part
        for part in (f"q={query}" if query else "", f"page={page.number}")
        if part and part != "page=1"
    )
    services.access_record(
        user=request.user, action=AccessLog.Action.LIST, project=project, detail=detail
    )
    return render(
        request,
        "participants/list.html",
        _context(
            request,
            project,
            form=form,
            query=query,
            page=page,
            page_numbers=page_numbers,
            filter_query=urlencode({"q": query}) if query else "",
        ),
    )


@never_cache
@signed_in_view
def participant_detail(request, pk, participant_pk):
    project = _project(request, pk)
    participant = selectors.participant_get(project=project, pk=participant_pk)
    if participant is None:
        raise Http404
    services.access_record(user=request.user, action=AccessLog.Action.VIEW, participant=participant)
    return render(
        request, "participants/detail.html", _context(request, project, participant=participant)
    )


@never_cache
@signed_in_view
def participant_export(request, pk, participant_pk):
    """The subject access export: everything held on the person, as a JSON file."""
    project = _project(request, pk, check=can_handle_data_requests)
    participant = _participant(project, participant_pk)
    data = services.participant_export(user=request.user, participant=participant)
    content = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    response = HttpResponse(content.encode("utf-8"), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="participant-{participant.pk}.json"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@never_cache
@signed_in_view
def participant_erase(request, pk, participant_pk):
    """GET: what erasure removes and what stays. POST with a reason: erase. The page shows who is
    being erased, so showing it is logged as a view; the erasure is logged by the service."""
    project = _project(request, pk, check=can_handle_data_requests)
    participant = _participant(project, participant_pk)
    if participant.is_erased:
        if request.method == "POST":
            messages.info(request, _("This person's personal data has already been erased."))
            return redirect("participants:detail", pk=project.pk, participant_pk=participant.pk)
        form = None
    else:
        form = ErasureForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            services.participant_erase(
                user=request.user, participant=participant, reason=form.cleaned_data["reason"]
            )
            messages.success(
                request,
                _(
                    "The person's personal data was erased. The coded start data stays, so "
                    "the project's figures keep their counts."
                ),
            )
            return redirect("participants:detail", pk=project.pk, participant_pk=participant.pk)
        services.access_record(
            user=request.user,
            action=AccessLog.Action.VIEW,
            participant=participant,
            detail="erasure confirmation",
        )
    return render(
        request,
        "participants/erase.html",
        _context(request, project, participant=participant, form=form),
    )


@never_cache
@signed_in_view
def access_log(request, pk):
    """Who saw, exported or erased whose data. It names people, so reading it is logged too."""
    project = _project(request, pk)
    page, page_numbers = _paged(request, selectors.access_log_list(project=project))
    page.object_list = list(page.object_list)  # the log as it was before this read
    services.access_record(
        user=request.user,
        action=AccessLog.Action.LIST,
        project=project,
        detail="access log" + (f"; page={page.number}" if page.number > 1 else ""),
    )
    return render(
        request,
        "participants/access_log.html",
        _context(request, project, page=page, page_numbers=page_numbers),
    )
