"""A project's training pages for its staff (and, read-only, the funder's officers): programmes
with their modules and cohorts, a cohort's enrolments with completion and certificates, and the
programme's small groups. Thin views: permission, form, selector or service, render. Every page
that shows people's names logs the view (hanke.participants.services.access_record)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from hanke.core.views import signed_in_view
from hanke.participants.models import AccessLog, Participant
from hanke.participants.services import access_record
from hanke.projects.models import Project

from . import training_selectors as selectors
from . import training_services as services
from .models import Cohort, Registration, SmallGroup, TrainingModule, TrainingProgramme
from .permissions import can_manage_events, can_view_participants
from .services import enrolment_complete
from .training_forms import CohortForm, CompletionForm, ModuleForm, ProgrammeForm, SmallGroupForm

SECTION = "trainings"


# Access ----------------------------------------------------------------------------------------


def _project(request, pk) -> Project:
    project = get_object_or_404(Project.objects.select_related("implementer"), pk=pk)
    if not can_view_participants(request.user, project):
        raise PermissionDenied(_("You do not have access to this project's trainings."))
    return project


def _manage(request, project) -> None:
    if not can_manage_events(request.user, project):
        raise PermissionDenied(_("Only the project's own staff can change its trainings."))


def _programme(project, programme_pk) -> TrainingProgramme:
    return get_object_or_404(TrainingProgramme, pk=programme_pk, project=project)


def _module(project, module_pk) -> TrainingModule:
    return get_object_or_404(
        TrainingModule.objects.select_related("programme"),
        pk=module_pk,
        programme__project=project,
    )


def _cohort(project, cohort_pk) -> Cohort:
    return get_object_or_404(
        Cohort.objects.select_related("module__programme"),
        pk=cohort_pk,
        module__programme__project=project,
    )


def _context(request, project, **extra) -> dict:
    return {
        "project": project,
        "section": SECTION,
        "can_manage": can_manage_events(request.user, project),
        **extra,
    }


def _list_url(project, anchor: str = "") -> str:
    url = reverse("trainings:list", args=[project.pk])
    return f"{url}#{anchor}" if anchor else url


# Programmes, modules and cohorts ----------------------------------------------------------------


@signed_in_view
def training_list(request, pk):
    project = _project(request, pk)
    programmes = selectors.programmes_for_project(project)
    return render(
        request,
        "events/trainings/list.html",
        _context(request, project, programmes=programmes),
    )


def _save(request, form, write):
    """Run the service with the form's data; on a broken rule, put its errors on the form."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        result = write(form.service_data())
    except ValidationError as error:
        form.add_service_errors(error)
        return None
    messages.success(request, _("Saved."))
    return result


@signed_in_view
def programme_new(request, pk):
    project = _project(request, pk)
    _manage(request, project)
    form = ProgrammeForm(request.POST if request.method == "POST" else None, project=project)
    programme = _save(
        request,
        form,
        lambda data: services.programme_create(user=request.user, project=project, data=data),
    )
    if programme is not None:
        return redirect(_list_url(project, f"programme-{programme.pk}"))
    return render(
        request,
        "events/trainings/programme_form.html",
        _context(request, project, form=form, programme=None),
    )


@signed_in_view
def programme_edit(request, pk, programme_pk):
    project = _project(request, pk)
    _manage(request, project)
    programme = _programme(project, programme_pk)
    form = ProgrammeForm(
        request.POST if request.method == "POST" else None, project=project, instance=programme
    )
    saved = _save(
        request,
        form,
        lambda data: services.programme_update(user=request.user, programme=programme, data=data),
    )
    if saved is not None:
        return redirect(_list_url(project, f"programme-{programme.pk}"))
    programme.refresh_from_db()
    return render(
        request,
        "events/trainings/programme_form.html",
        _context(request, project, form=form, programme=programme),
    )


@signed_in_view
def module_new(request, pk, programme_pk):
    project = _project(request, pk)
    _manage(request, project)
    programme = _programme(project, programme_pk)
    next_number = (
        programme.modules.order_by("-number").values_list("number", flat=True).first() or 0
    ) + 1
    form = ModuleForm(
        request.POST if request.method == "POST" else None,
        initial={"number": next_number, "online_theory": True},
    )
    module = _save(
        request,
        form,
        lambda data: services.module_create(user=request.user, programme=programme, data=data),
    )
    if module is not None:
        return redirect(_list_url(project, f"programme-{programme.pk}"))
    return render(
        request,
        "events/trainings/module_form.html",
        _context(request, project, form=form, programme=programme, module=None),
    )


@signed_in_view
def module_edit(request, pk, module_pk):
    project = _project(request, pk)
    _manage(request, project)
    module = _module(project, module_pk)
    form = ModuleForm(request.POST if request.method == "POST" else None, instance=module)
    saved = _save(
        request,
        form,
        lambda data: services.module_update(user=request.user, module=module, data=data),
    )
    if saved is not None:
        return redirect(_list_url(project, f"programme-{module.programme_id}"))
    module.refresh_from_db()
    return render(
        request,
        "events/trainings/module_form.html",
        _context(request, project, form=form, programme=module.programme, module=module),
    )


@signed_in_view
def cohort_new(request, pk, module_pk):
    project = _project(request, pk)
    _manage(request, project)
    module = _module(project, module_pk)
    form = CohortForm(request.POST if request.method == "POST" else None)
    cohort = _save(
        request,
        form,
        lambda data: services.cohort_create(user=request.user, module=module, data=data),
    )
    if cohort is not None:
        return redirect("trainings:cohort", project.pk, cohort.pk)
    return render(
        request,
        "events/trainings/cohort_form.html",
        _context(request, project, form=form, module=module, cohort=None),
    )


@signed_in_view
def cohort_edit(request, pk, cohort_pk):
    project = _project(request, pk)
    _manage(request, project)
    cohort = _cohort(project, cohort_pk)
    form = CohortForm(request.POST if request.method == "POST" else None, instance=cohort)
    saved = _save(
        request,
        form,
        lambda data: services.cohort_update(user=request.user, cohort=cohort, data=data),
    )
    if saved is not None:
        _cohort_saved, promoted = saved
        if promoted:
            messages.info(
                request,
                ngettext(
                    "%(count)s person was moved from the waiting list to a confirmed place.",
                    "%(count)s people were moved from the waiting list to confirmed places.",
                    len(promoted),
                )
                % {"count": len(promoted)},
            )
        return redirect("trainings:cohort", project.pk, cohort.pk)
    cohort.refresh_from_db()
    return render(
        request,
        "events/trainings/cohort_form.html",
        _context(request, project, form=form, module=cohort.module, cohort=cohort),
    )


# A cohort's enrolments -------------------------------------------------------------------------


def _complete(request, cohort):
    """Handle the completion form of one enrolment. Returns (registration pk, error) or None."""
    form = CompletionForm(request.POST)
    if not form.is_valid():
        if "registration" in form.errors:
            raise Http404
        return form.data.get("registration"), _("Enter the date as day, month and year.")
    registration = (
        Registration.objects.select_related("cohort", "participant")
        .filter(pk=form.cleaned_data["registration"], cohort=cohort)
        .first()
    )
    if registration is None:
        raise Http404
    completed_on = None if form.cleaned_data["clear"] else form.cleaned_data["completed_on"]
    if completed_on is None and not form.cleaned_data["clear"]:
        return registration.pk, _("Give the date the module was completed.")
    try:
        enrolment_complete(user=request.user, registration=registration, completed_on=completed_on)
    except ValidationError as error:
        return registration.pk, " ".join(error.messages)
    if completed_on is None:
        messages.success(request, _("The completion was removed."))
    else:
        messages.success(
            request,
            _("%(name)s has completed the module.") % {"name": registration.participant},
        )
    return None


def _default_completion(cohort):
    today = timezone.localdate()
    return cohort.ends_on if cohort.ends_on and cohort.ends_on <= today else today


@signed_in_view
def cohort_detail(request, pk, cohort_pk):
    project = _project(request, pk)
    cohort = _cohort(project, cohort_pk)
    error = None
    if request.method == "POST":
        _manage(request, project)
        error = _complete(request, cohort)
        if error is None:
            return redirect("trainings:cohort", project.pk, cohort.pk)
    enrolments = selectors.cohort_enrolments(cohort)
    access_record(
        user=request.user,
        action=AccessLog.Action.LIST,
        project=project,
        detail=_("Enrolments: %(cohort)s") % {"cohort": cohort},
    )
    error_pk, error_message = error if error else (None, "")
    return render(
        request,
        "events/trainings/cohort.html",
        _context(
            request,
            project,
            cohort=cohort,
            row=selectors.cohort_row(cohort),
            enrolments=enrolments,
            registration_open=cohort.registration_is_open(),
            error_pk=str(error_pk) if error_pk is not None else "",
            error_message=error_message,
            default_completion=_default_completion(cohort),
        ),
        status=400 if error else 200,
    )


@signed_in_view
def certificate(request, pk, cohort_pk, registration_pk):
    """Printing certificates is running the project: its staff only, like the events' ones."""
    project = _project(request, pk)
    _manage(request, project)
    cohort = _cohort(project, cohort_pk)
    registration = get_object_or_404(
        Registration.objects.select_related("participant", "cohort__module__programme__project"),
        pk=registration_pk,
        cohort=cohort,
        status=Registration.Status.CONFIRMED,
        completed_on__isnull=False,
        participant__erased_at__isnull=True,
    )
    from .certificates import CertificateRefused, training_certificate_pdf

    try:
        pdf = training_certificate_pdf(registration)
    except CertificateRefused as refused:
        messages.error(request, refused.message)
        return redirect("trainings:cohort", project.pk, cohort.pk)
    access_record(
        user=request.user,
        action=AccessLog.Action.CERTIFICATE,
        project=project,
        participant=registration.participant,
        detail=str(cohort),
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="todistus-{registration.pk}.pdf"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


# Small groups ----------------------------------------------------------------------------------


def _group(programme, value) -> SmallGroup:
    try:
        return SmallGroup.objects.get(pk=int(value), programme=programme)
    except (TypeError, ValueError, SmallGroup.DoesNotExist) as exc:
        raise Http404 from exc


def _participant(project, value) -> Participant | None:
    try:
        return Participant.objects.filter(pk=int(value), project=project).first()
    except (TypeError, ValueError):
        return None


def _group_form_id(year) -> str:
    year = str(year or "")
    return f"id_group_{year if year.isdigit() else 'x'}_%s"


def _small_group_action(request, programme):
    """One POST of the small groups page. Returns (form for the year's new group, error) —
    both None when all went well."""
    action = request.POST.get("action")
    user = request.user
    if action == "create":
        form = SmallGroupForm(request.POST, auto_id=_group_form_id(request.POST.get("year")))
        if not form.is_valid():
            return form, None
        try:
            group = services.small_group_create(
                user=user,
                programme=programme,
                year=form.cleaned_data["year"],
                name=form.cleaned_data["name"],
            )
        except ValidationError as error:
            form.add_service_errors(error)
            return form, None
        messages.success(request, _("The group “%(name)s” was created.") % {"name": group.name})
        return None, None
    group = _group(programme, request.POST.get("group"))
    if action == "delete":
        services.small_group_delete(user=user, group=group)
        messages.success(request, _("The group “%(name)s” was removed.") % {"name": group.name})
        return None, None
    if action in ("add", "remove"):
        participant = _participant(programme.project, request.POST.get("participant"))
        if participant is None:
            return None, (group.pk, _("Choose a person to add."))
        if action == "remove":
            services.small_group_member_remove(user=user, group=group, participant=participant)
            messages.success(
                request,
                _("%(name)s was removed from the group “%(group)s”.")
                % {"name": participant, "group": group.name},
            )
            return None, None
        try:
            services.small_group_member_add(user=user, group=group, participant=participant)
        except ValidationError as error:
            return None, (group.pk, " ".join(error.messages))
        messages.success(
            request,
            _("%(name)s was added to the group “%(group)s”.")
            % {"name": participant, "group": group.name},
        )
        return None, None
    raise Http404


@signed_in_view
def small_groups(request, pk, programme_pk):
    project = _project(request, pk)
    programme = _programme(project, programme_pk)
    form, error = None, None
    if request.method == "POST":
        _manage(request, project)
        form, error = _small_group_action(request, programme)
        if form is None and error is None:
            return redirect("trainings:small_groups", project.pk, programme.pk)
    years = selectors.small_groups_by_year(programme)
    access_record(
        user=request.user,
        action=AccessLog.Action.LIST,
        project=project,
        detail=_("Small groups: %(programme)s") % {"programme": programme},
    )
    forms_by_year = {
        year.year: (
            form
            if form is not None and str(form.data.get("year")) == str(year.year)
            else SmallGroupForm(initial={"year": year.year}, auto_id=_group_form_id(year.year))
        )
        for year in years
    }
    failed = form is not None or error is not None
    shown = form is not None and any(f is form for f in forms_by_year.values())
    stray_errors = (
        [m for messages_ in form.errors.values() for m in messages_]
        if form is not None and not shown
        else []
    )
    return render(
        request,
        "events/trainings/small_groups.html",
        _context(
            request,
            project,
            programme=programme,
            years=[(year, forms_by_year[year.year]) for year in years],
            error_group=error[0] if error else None,
            error_message=error[1] if error else "",
            stray_errors=stray_errors,
        ),
        status=400 if failed else 200,
    )
