"""Public pages of events and trainings: the calendar and its iCalendar feeds, an event's and a
training cohort's page, the registration form (no account needed) and the cancellation link.
Views are thin: reads through `selectors`, writes through `services`."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from hanke.participants.services import consent_text
from hanke.projects.permissions import can_view_project

from . import ical, selectors, services
from .forms import CalendarFilterForm, RegistrationForm

# The calendar and feeds -------------------------------------------------------------------------


def _paged(request, items):
    paginator = Paginator(items, settings.HANKE_PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    numbers = list(paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1))
    return page, numbers


@require_GET
def calendar(request):
    form = CalendarFilterForm(request.GET or None)
    filters = form.filters()
    page, page_numbers = _paged(request, selectors.event_calendar(**filters))
    query = form.valid_query()
    return render(
        request,
        "events/public/calendar.html",
        {
            "form": form,
            "page": page,
            "page_numbers": page_numbers,
            "when": filters["when"],
            "filter_query": urlencode(query),
            "is_filtered": bool(query),
            "past_query": urlencode({**query, "when": selectors.PAST}),
        },
    )


def _ics_response(content: bytes, filename: str, *, download: bool) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if download else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


@require_GET
def calendar_ics(request):
    form = CalendarFilterForm(request.GET or None)
    filters = form.filters()
    if not request.GET.get("when"):
        # A subscribed calendar drops what the feed leaves out: keep past events in it too.
        filters["when"] = selectors.ALL
    events = selectors.event_feed(**filters)
    name = _("Events of EU-funded projects – %(site)s") % {
        "site": getattr(settings, "SITE_NAME", "") or "Hanke"
    }
    return _ics_response(ical.events_ics(events, name=name), "events.ics", download=False)


@require_GET
def project_ics(request, pk: int):
    project = selectors.project_public_get(pk=pk)
    if project is None:
        raise Http404
    content = ical.events_ics(selectors.project_feed(project=project), name=project.display_name)
    return _ics_response(content, f"project-{project.pk}-events.ics", download=False)


@require_GET
def event_ics(request, pk: int):
    event = selectors.event_public_get(pk=pk)
    if event is None or event.starts_at is None:
        raise Http404
    return _ics_response(ical.event_ics(event), f"event-{event.pk}.ics", download=True)


@require_GET
def cohort_ics(request, pk: int):
    cohort = selectors.cohort_public_get(pk=pk)
    if cohort is None or cohort.starts_on is None:
        raise Http404
    return _ics_response(ical.cohort_ics(cohort), f"training-{cohort.pk}.ics", download=True)


# An event and a cohort --------------------------------------------------------------------------


@require_GET
def event_detail(request, pk: int):
    """Public for events of public projects; those who handle an unpublished project see a
    preview (as on the project page), without registration."""
    event = selectors.event_get(pk=pk)
    if event is None or not can_view_project(request.user, event.project):
        raise Http404
    page = selectors.event_page(event)
    return render(
        request,
        "events/public/event_detail.html",
        {"p": page, "event": event, "project": event.project, "reg": page.registration},
    )


@require_GET
def cohort_detail(request, pk: int):
    cohort = selectors.cohort_get(pk=pk)
    if cohort is None or not can_view_project(request.user, cohort.module.programme.project):
        raise Http404
    page = selectors.cohort_page(cohort)
    return render(
        request,
        "events/public/cohort_detail.html",
        {"p": page, "cohort": cohort, "project": page.project, "reg": page.registration},
    )


# Registration -----------------------------------------------------------------------------------


def _register(request, *, target, kind: str):
    """The registration form of an event or a cohort (kind "event" / "cohort"), and on success
    the result: a confirmed seat, a place on the waiting list, or the registration the same
    e-mail address already has."""
    project = selectors.project_of(target)
    state = selectors.registration_state(target)
    form = RegistrationForm(request.POST or None, consent_text=consent_text(project))
    context = {"target": target, "kind": kind, "project": project, "reg": state, "form": form}
    context[kind] = target
    if request.method == "POST" and state.accepts and form.is_valid():
        try:
            outcome = services.registration_create(
                target=target,
                data=form.service_data(),
                language=(translation.get_language() or settings.LANGUAGE_CODE)[:2],
            )
        except ValidationError as error:
            form.add_service_errors(error)
            context["reg"] = selectors.registration_state(target)
        else:
            return render(
                request,
                "events/public/register_result.html",
                {**context, "outcome": outcome, "registration": outcome.registration},
            )
    return render(request, "events/public/register.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
def event_register(request, pk: int):
    event = selectors.event_public_get(pk=pk)
    if event is None:
        raise Http404
    return _register(request, target=event, kind="event")


@never_cache
@require_http_methods(["GET", "POST"])
def cohort_register(request, pk: int):
    cohort = selectors.cohort_public_get(pk=pk)
    if cohort is None:
        raise Http404
    return _register(request, target=cohort, kind="cohort")


@never_cache
@require_http_methods(["GET", "POST"])
def registration_cancel(request, token: str):
    """The link in the registration e-mails. GET shows the registration and a button; only the
    POST cancels (a link preview or a mail scanner must not cancel anyone's seat)."""
    registration = services.registration_from_token(token)
    if registration is None:
        return render(request, "events/public/cancel_invalid.html", status=404)
    context = {
        "registration": registration,
        "target": registration.target,
        "event": registration.event,
        "cohort": registration.cohort,
        "project": selectors.project_of(registration.target),
        "cancellable": selectors.registration_cancellable(registration),
        "token": token,
    }
    if request.method == "POST" and context["cancellable"]:
        services.registration_cancel(registration=registration)
        registration.refresh_from_db()
        return render(
            request, "events/public/cancel_done.html", {**context, "registration": registration}
        )
    return render(request, "events/public/cancel.html", context)
