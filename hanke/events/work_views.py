"""The project staff's event pages: the project's events, the event form with speakers,
registrations, the check-in list, attendance and attendance certificates.

Views stay thin: they check the permission (`events.permissions`), call a selector or a service
and render. Every page showing people's personal data writes an access log row."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hanke.core.i18n import localised
from hanke.core.views import signed_in_view
from hanke.participants.models import AccessLog
from hanke.participants.services import access_record
from hanke.projects.models import Project

from . import services, work_selectors, work_services
from .certificates import CertificateRefused, check_in_pdf, event_certificate_pdf, event_when
from .certificates import event_place as place_text
from .models import Registration
from .permissions import can_manage_events, can_view_participants
from .work_forms import EventForm, speaker_formset

PDF = "application/pdf"


# --- Access ------------------------------------------------------------------------------------


def _project(request, pk, check):
    project = get_object_or_404(Project.objects.select_related("implementer"), pk=pk)
    if not check(request.user, project):
        if check is can_manage_events:
            raise PermissionDenied(_("Only the project's staff may manage its events."))
        raise PermissionDenied(
            _("You do not have access to this project's events and participants.")
        )
    return project


def _event(project, event_pk):
    event = work_selectors.project_event_get(project=project, pk=event_pk)
    if event is None:
        raise Http404
    return event


def _context(request, project, **extra):
    return {
        "project": project,
        "section": "events",
        "can_manage": can_manage_events(request.user, project),
        "can_view_participants": can_view_participants(request.user, project),
        **extra,
    }


def _title(event) -> str:
    return localised(event, "title").text


def _log(request, action, project, event, participant=None):
    access_record(
        user=request.user,
        action=action,
        project=project,
        participant=participant,
        detail=_("Event %(pk)s: %(title)s") % {"pk": event.pk, "title": _title(event)},
    )


def _pdf(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=PDF)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


# --- The project's events ----------------------------------------------------------------------


@signed_in_view
def event_list(request, pk):
    project = _project(request, pk, can_view_participants)
    events = work_selectors.project_events(project=project)
    return render(request, "events/work/list.html", _context(request, project, events=events))


def _event_form(request, project, event):
    now = timezone.now()
    if request.method == "POST":
        form = EventForm(request.POST, project=project, event=event, now=now)
        speakers = speaker_formset(request.POST, event=event)
        form_valid = form.is_valid()
        if speakers.rows_valid() and form_valid:
            try:
                saved = work_services.event_save(
                    user=request.user,
                    project=project,
                    event=event,
                    data=form.service_data(),
                    speakers=speakers.service_data(),
                    now=now,
                )
            except ValidationError as error:
                if hasattr(error, "error_dict") and all("." in k for k in error.error_dict):
                    speakers.add_service_errors(error)
                else:
                    form.add_service_errors(error)
            else:
                messages.success(
                    request,
                    _("The event “%(title)s” was saved.") % {"title": _title(saved)},
                )
                return redirect("events_work:edit", pk=project.pk, event_pk=saved.pk)
    else:
        form = EventForm(project=project, event=event, now=now)
        speakers = speaker_formset(event=event)
    error_items = []
    if form.is_bound:
        error_items = [
            (form[name].id_for_label if name in form.fields else "", form[name].label, message)
            for name, errors in form.errors.items()
            if name != "__all__"
            for message in errors
        ] + speakers.error_items()
    return render(
        request,
        "events/work/event_form.html",
        _context(
            request,
            project,
            event=event,
            form=form,
            speakers=speakers,
            error_items=error_items,
            form_errors=[*form.non_field_errors(), *speakers.non_form_errors()]
            if form.is_bound
            else [],
        ),
    )


@signed_in_view
def event_new(request, pk):
    project = _project(request, pk, can_manage_events)
    return _event_form(request, project, None)


@signed_in_view
def event_edit(request, pk, event_pk):
    project = _project(request, pk, can_manage_events)
    return _event_form(request, project, _event(project, event_pk))


# --- Registrations -----------------------------------------------------------------------------


@signed_in_view
def registrations(request, pk, event_pk):
    project = _project(request, pk, can_view_participants)
    event = _event(project, event_pk)
    regs = work_selectors.event_registrations(event=event)
    _log(request, AccessLog.Action.LIST, project, event)
    return render(
        request,
        "events/work/registrations.html",
        _context(request, project, event=event, title=_title(event), registrations=regs),
    )


@signed_in_view
@require_POST
def registration_cancel(request, pk, event_pk, registration_pk):
    project = _project(request, pk, can_manage_events)
    event = _event(project, event_pk)
    registration = work_selectors.event_registration_get(event=event, pk=registration_pk)
    if registration is None:
        raise Http404
    first_waiting = work_selectors.event_registrations(event=event).waiting[:1]
    if not services.registration_cancel(registration=registration):
        messages.info(request, _("The registration had already been cancelled."))
        return redirect("events_work:registrations", pk=project.pk, event_pk=event.pk)
    messages.success(
        request,
        _("The registration of %(name)s was cancelled.") % {"name": registration.participant},
    )
    if first_waiting:
        promoted = Registration.objects.select_related("participant").get(pk=first_waiting[0].pk)
        if promoted.status == Registration.Status.CONFIRMED:
            messages.success(
                request,
                _("%(name)s got the seat from the waiting list.") % {"name": promoted.participant},
            )
    return redirect("events_work:registrations", pk=project.pk, event_pk=event.pk)


# --- Check-in list -----------------------------------------------------------------------------


@signed_in_view
def check_in(request, pk, event_pk):
    project = _project(request, pk, can_view_participants)
    event = _event(project, event_pk)
    rows = work_selectors.check_in_list(event=event)
    _log(request, AccessLog.Action.CHECK_IN, project, event)
    return render(
        request,
        "events/work/check_in.html",
        _context(
            request,
            project,
            event=event,
            title=_title(event),
            when=event_when(event),
            place=place_text(event),
            registrations=rows,
        ),
    )


@signed_in_view
def check_in_download(request, pk, event_pk):
    project = _project(request, pk, can_view_participants)
    event = _event(project, event_pk)
    rows = work_selectors.check_in_list(event=event)
    _log(request, AccessLog.Action.CHECK_IN, project, event)
    return _pdf(check_in_pdf(event, rows), f"check-in-{event.pk}.pdf")


# --- Attendance --------------------------------------------------------------------------------


@signed_in_view
def attendance(request, pk, event_pk):
    project = _project(request, pk, can_manage_events)
    event = _event(project, event_pk)
    errors = []
    if request.method == "POST":
        try:
            ids = [int(value) for value in request.POST.getlist("attended")]
        except ValueError:
            errors = [_("The list of people was damaged. Reload the page and try again.")]
        else:
            try:
                count = services.attendance_mark(user=request.user, event=event, attended_ids=ids)
            except ValidationError as error:
                errors = error.messages
            else:
                messages.success(
                    request,
                    _("Attendance saved: %(count)s of %(total)s attended.")
                    % {"count": count, "total": len(work_selectors.check_in_list(event=event))},
                )
                return redirect("events_work:attendance", pk=project.pk, event_pk=event.pk)
    rows = work_selectors.check_in_list(event=event)
    if request.method == "POST":
        # Show the ticks as they were sent, so nothing typed is lost.
        sent = set(request.POST.getlist("attended"))
        checked = {r.pk for r in rows if str(r.pk) in sent}
    else:
        _log(request, AccessLog.Action.LIST, project, event)
        checked = {r.pk for r in rows if r.attended}
    return render(
        request,
        "events/work/attendance.html",
        _context(
            request,
            project,
            event=event,
            title=_title(event),
            when=event_when(event),
            rows=[(r, r.pk in checked) for r in rows],
            errors=errors,
            not_started=event.starts_at is not None and event.starts_at > timezone.now(),
        ),
    )


# --- Certificates ------------------------------------------------------------------------------


@signed_in_view
def certificate(request, pk, event_pk, registration_pk):
    project = _project(request, pk, can_manage_events)
    event = _event(project, event_pk)
    registration = work_selectors.event_registration_get(event=event, pk=registration_pk)
    if registration is None:
        raise Http404
    try:
        content = event_certificate_pdf(registration)
    except CertificateRefused as refused:
        return render(
            request,
            "events/work/certificate_refused.html",
            _context(request, project, event=event, title=_title(event), message=refused.message),
            status=409,
        )
    _log(request, AccessLog.Action.CERTIFICATE, project, event, registration.participant)
    return _pdf(content, f"certificate-{event.pk}-{registration.pk}.pdf")
