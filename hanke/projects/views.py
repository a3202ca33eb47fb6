"""The applicant's pages: start an application from a call, the application page, one page per
section (saved as the applicant types, and with a Save button without JavaScript), attachments,
submission and the printable summary. Views stay thin: they check the permission, parse the form,
call a service or a selector, and render. Every rule is in `projects.services`."""

import os

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from hanke.accounts import roles
from hanke.accounts.roles import has_role
from hanke.core.views import signed_in_view

from . import services, workflow
from .application import SECTION_KEYS, SECTION_LABELS, SECTIONS, section_problems
from .application_selectors import application_page, print_document
from .forms import SECTION_FORMS, AttachmentForm
from .models import Attachment, Project, SectionDraft
from .permissions import can_edit_application, can_view_application, is_project_staff

PDF = "application/pdf"


# --- Access ------------------------------------------------------------------------------------


def _project(request, pk) -> Project:
    project = get_object_or_404(
        Project.objects.select_related(
            "call", "implementer", "programme", "funding_authority", "specific_objective"
        ),
        pk=pk,
    )
    if not can_view_application(request.user, project):
        raise PermissionDenied(_("You do not have access to this application."))
    return project


def _edit_refusal(user, project) -> str:
    if project.status not in workflow.EDITABLE_STATES:
        return _("The application has been submitted; it can be edited only if it is returned.")
    return _("Only the applicant organisation's staff can edit the application.")


def _require_edit(request, project) -> None:
    if not can_edit_application(request.user, project):
        raise PermissionDenied(_edit_refusal(request.user, project))


def _time(value) -> str:
    """A time of day as the page's language writes it: 12.03 (fi, sv), 12:03 (en)."""
    from django.utils import translation

    value = timezone.localtime(value)
    if (translation.get_language() or "fi")[:2] == "en":
        return f"{value:%H:%M}"
    return f"{value.hour}.{value.minute:02d}"


# --- Starting an application --------------------------------------------------------------------


@signed_in_view
@require_POST
def application_new(request, call_pk):
    from hanke.programmes.models import Call

    call = get_object_or_404(Call, pk=call_pk, is_published=True)
    if not has_role(request.user, roles.APPLICANT):
        raise PermissionDenied(_("Only an applicant's staff can start an application."))
    organisations = [
        m.organisation for m in request.user.memberships.select_related("organisation")
    ]
    chosen = request.POST.get("organisation")
    organisation = None
    error = ""
    if chosen:
        organisation = next((o for o in organisations if str(o.pk) == chosen), None)
        if organisation is None:
            error = _("Choose one of your organisations.")
    elif request.POST.get("choosing"):
        error = _("Choose the organisation that applies.")
    if not organisations:
        raise PermissionDenied(_("You can apply only for an organisation you work for."))
    if organisation is None and (len(organisations) > 1 or error):
        return render(
            request,
            "projects/application_new.html",
            {"call": call, "organisations": organisations, "error": error},
        )
    try:
        project = services.application_create(
            user=request.user, call=call, organisation=organisation or organisations[0]
        )
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return redirect("portal:call_detail", pk=call.pk)
    messages.success(
        request, _("The application was started. It is saved as you type; nothing is sent yet.")
    )
    return redirect("projects:application_section", pk=project.pk, section="basic")


# --- The application page and submission --------------------------------------------------------


def _render_application(request, project, submit_errors=None, status=200):
    context = application_page(project, request.user)
    context["submit_errors"] = submit_errors or {}
    for section in context["sections"]:
        section["submit_errors"] = context["submit_errors"].get(section["key"], [])
    return render(request, "projects/application.html", context, status=status)


@signed_in_view
@require_GET
def application(request, pk):
    return _render_application(request, _project(request, pk))


@signed_in_view
@require_POST
def application_submit(request, pk):
    project = _project(request, pk)
    if not can_edit_application(request.user, project):
        if is_project_staff(request.user, project):
            messages.error(request, _edit_refusal(request.user, project))
            return redirect("projects:application", pk=project.pk)
        raise PermissionDenied(_edit_refusal(request.user, project))
    try:
        version = services.application_submit(user=request.user, project=project)
    except ValidationError as exc:
        if hasattr(exc, "error_dict"):
            return _render_application(request, project, submit_errors=exc.message_dict)
        for message in exc.messages:
            messages.error(request, message)
        return redirect("projects:application", pk=project.pk)
    messages.success(
        request, _("Application submitted as version %(number)s.") % {"number": version.number}
    )
    return redirect("projects:application", pk=project.pk)


# --- Sections -----------------------------------------------------------------------------------


def _raw(post) -> dict:
    """What was typed, as JSON: every value list, without the CSRF token and the buttons."""
    return {key: post.getlist(key) for key in post if key not in ("csrfmiddlewaretoken", "save")}


def _bind(data: dict) -> QueryDict:
    query = QueryDict(mutable=True)
    for key, values in (data or {}).items():
        query.setlist(key, [str(v) for v in (values if isinstance(values, list) else [values])])
    return query


def _save(request, project, section):
    """Validate what was posted; write it through the service if it is valid (and drop the
    unsaved copy), or keep it as the section's unsaved copy. Returns (form, saved)."""
    form = SECTION_FORMS[section](request.POST, project=project)
    if form.is_valid():
        try:
            services.application_section_save(
                user=request.user, project=project, section=section, data=form.service_data()
            )
            return form, True
        except ValidationError as exc:
            form.add_service_errors(exc)
    services.application_draft_save(
        user=request.user, project=project, section=section, data=_raw(request.POST)
    )
    return form, False


def _form_for_page(request, project, section):
    """The section's form: bound to the unsaved copy, with its errors, when there is one."""
    draft = SectionDraft.objects.filter(project=project, section=section).first()
    if draft is None:
        return SECTION_FORMS[section](project=project), None
    form = SECTION_FORMS[section](_bind(draft.data), project=project)
    if form.is_valid():
        validate, _write = services.SECTION_WRITES[section]
        try:
            validate(project=project, data=form.service_data())
        except ValidationError as exc:
            form.add_service_errors(exc)
    return form, draft


def _section_context(request, project, section, form, **extra):
    problems = section_problems(project)
    keys = SECTION_KEYS
    index = keys.index(section)
    return {
        "project": project,
        "section": section,
        "section_label": SECTION_LABELS[section],
        "form": form,
        "nav": _nav(project, problems, section),
        "problems": problems.get(section, []),
        "previous_section": (keys[index - 1], SECTION_LABELS[keys[index - 1]]) if index else None,
        "next_section": (keys[index + 1], SECTION_LABELS[keys[index + 1]])
        if index + 1 < len(keys)
        else None,
        "autosave_url": reverse(
            "projects:application_section_autosave", kwargs={"pk": project.pk, "section": section}
        ),
        **extra,
    }


def _nav(project, problems, current):
    return [
        {
            "key": s.key,
            "label": s.label,
            "required": s.required,
            "complete": s.key not in problems,
            "current": s.key == current,
        }
        for s in SECTIONS
    ]


def _status(saved: bool, when=None) -> str:
    if saved:
        return _("Saved %(time)s") % {"time": _time(when or timezone.now())}
    return _("Not saved yet: correct the marked fields – your text is kept.")


@signed_in_view
def application_section(request, pk, section):
    if section not in SECTION_KEYS:
        raise Http404
    project = _project(request, pk)
    _require_edit(request, project)
    if section == "attachments":
        return _attachments(request, project)
    if request.method == "POST":
        form, saved = _save(request, project, section)
        if saved:
            messages.success(request, _status(True))
            return redirect("projects:application_section", pk=project.pk, section=section)
        return render(
            request,
            "projects/section.html",
            _section_context(request, project, section, form, status=_status(False), failed=True),
        )
    form, draft = _form_for_page(request, project, section)
    status = ""
    if draft is not None:
        status = _("Not saved yet: correct the marked fields – your text is kept.")
    return render(
        request,
        "projects/section.html",
        _section_context(request, project, section, form, status=status, draft=draft),
    )


@signed_in_view
@require_POST
def application_section_autosave(request, pk, section):
    """The section form posts itself as the applicant types (htmx). The answer refreshes the
    status line, the error text of every field, the computed figures and the section list, but
    never the fields themselves, so typing and focus go on undisturbed."""
    if section not in SECTION_FORMS:
        raise Http404
    project = _project(request, pk)
    if not can_edit_application(request.user, project):
        response = render(
            request,
            "projects/partials/autosave_refused.html",
            {"message": _edit_refusal(request.user, project)},
        )
        return response
    form, saved = _save(request, project, section)
    return render(
        request,
        "projects/partials/autosave.html",
        _section_context(request, project, section, form, status=_status(saved), saved=saved),
    )


# --- Attachments --------------------------------------------------------------------------------


def _attachments(request, project):
    form = AttachmentForm(request.POST or None, request.FILES or None, project=project)
    if request.method == "POST" and form.is_valid():
        try:
            # all the chosen files or none
            with transaction.atomic():
                added = [
                    services.application_attachment_add(
                        user=request.user,
                        project=project,
                        upload=upload,
                        description=form.cleaned_data.get("description") or "",
                    )
                    for upload in form.cleaned_data["files"]
                ]
        except ValidationError as exc:
            form.add_service_errors(exc)
        else:
            messages.success(
                request,
                _("Attached: %(names)s.") % {"names": ", ".join(a.original_name for a in added)},
            )
            return redirect("projects:application_section", pk=project.pk, section="attachments")
    return render(
        request,
        "projects/attachments.html",
        _section_context(
            request,
            project,
            "attachments",
            form,
            attachments=project.attachments.select_related("uploaded_by"),
            can_edit=True,
        ),
        status=200,
    )


@signed_in_view
@require_GET
def attachment(request, pk, attachment_pk):
    """Download an attachment: only for those who may see the application, always as a download
    (never shown inline), with the type that was checked on upload."""
    project = _project(request, pk)
    item = get_object_or_404(Attachment, pk=attachment_pk, project=project)
    try:
        handle = item.file.open("rb")
    except OSError as exc:
        raise Http404 from exc
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=os.path.basename(item.original_name) or "attachment",
        content_type=item.content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@signed_in_view
@require_POST
def attachment_delete(request, pk, attachment_pk):
    project = _project(request, pk)
    item = get_object_or_404(Attachment, pk=attachment_pk, project=project)
    services.application_attachment_delete(user=request.user, project=project, attachment=item)
    messages.success(request, _("Removed: %(name)s.") % {"name": item.original_name})
    return redirect("projects:application_section", pk=project.pk, section="attachments")


# --- Printable summary --------------------------------------------------------------------------


def _print(request, pk):
    project = _project(request, pk)
    version = None
    if request.GET.get("version"):
        try:
            number = int(request.GET["version"])
        except ValueError as exc:
            raise Http404 from exc
        version = get_object_or_404(
            project.application_versions.select_related("submitted_by"), number=number
        )
    return project, print_document(project, version=version)


@signed_in_view
@require_GET
def application_print(request, pk):
    project, document = _print(request, pk)
    return render(request, "projects/print.html", {"project": project, "doc": document})


@signed_in_view
@require_GET
def application_print_pdf(request, pk):
    from django.template.loader import render_to_string
    from django.utils import translation

    from hanke.finance.exports import render_pdf

    project, document = _print(request, pk)
    html = render_to_string(
        "projects/pdf/application.html",
        {
            "project": project,
            "doc": document,
            "lang": (translation.get_language() or "fi")[:2],
            "generated": timezone.localtime(),
        },
    )
    suffix = f"-v{document.version.number}" if document.version else ""
    response = HttpResponse(render_pdf(html), content_type=PDF)
    response["Content-Disposition"] = f'attachment; filename="hakemus-{project.pk}{suffix}.pdf"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
