"""A project's published outputs on its work pages: the publication deliverables by work package
with target and published count, and the publications, which the project's staff add, edit and
delete. Officers of the funding authority read the page. Rules are in `output_services`."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from hanke.core.views import signed_in_view
from hanke.events.permissions import can_manage_events, can_view_progress

from . import output_selectors, output_services
from .models import Project
from .output_forms import PublicationForm


def _project(request, pk, check=can_view_progress):
    project = get_object_or_404(Project.objects.select_related("implementer"), pk=pk)
    if not check(request.user, project):
        if check is can_manage_events and can_view_progress(request.user, project):
            raise PermissionDenied(_("Only the project's own staff can record its publications."))
        raise PermissionDenied(_("You do not have access to this project's outputs."))
    return project


def _publication(project, publication_pk):
    publication = output_selectors.publication_get(project=project, pk=publication_pk)
    if publication is None:
        raise Http404
    return publication


def _context(request, project, **extra):
    return {
        "project": project,
        "section": "outputs",
        "can_edit": can_manage_events(request.user, project),
        **extra,
    }


@signed_in_view
def publications(request, pk):
    project = _project(request, pk)
    return render(
        request,
        "projects/outputs/publications.html",
        _context(
            request,
            project,
            groups=output_selectors.deliverable_outputs(project=project),
            publications=output_selectors.publication_list(project=project),
        ),
    )


def _save(request, form, project, publication=None):
    """Create or update through the services; their errors go next to the fields."""
    try:
        if publication is None:
            return output_services.publication_create(
                user=request.user, project=project, **form.service_arguments()
            )
        return output_services.publication_update(
            user=request.user, publication=publication, **form.service_arguments()
        )
    except ValidationError as exc:
        form.add_service_errors(exc)
        return None


@signed_in_view
def publication_new(request, pk):
    project = _project(request, pk, check=can_manage_events)
    form = PublicationForm(request.POST or None, project=project)
    if request.method == "POST" and form.is_valid() and _save(request, form, project):
        messages.success(request, _("The publication was added."))
        return redirect("projects:publications", pk=project.pk)
    return render(
        request, "projects/outputs/publication_form.html", _context(request, project, form=form)
    )


@signed_in_view
def publication_edit(request, pk, publication_pk):
    project = _project(request, pk, check=can_manage_events)
    publication = _publication(project, publication_pk)
    initial = {
        "title": publication.title,
        "published_on": publication.published_on,
        "url": publication.url,
        "deliverable": publication.deliverable_id,
    }
    form = PublicationForm(request.POST or None, project=project, initial=initial)
    if request.method == "POST" and form.is_valid() and _save(request, form, project, publication):
        messages.success(request, _("The publication was saved."))
        return redirect("projects:publications", pk=project.pk)
    return render(
        request,
        "projects/outputs/publication_form.html",
        _context(request, project, form=form, publication=publication),
    )


@signed_in_view
def publication_delete(request, pk, publication_pk):
    project = _project(request, pk, check=can_manage_events)
    publication = _publication(project, publication_pk)
    if request.method == "POST":
        output_services.publication_delete(user=request.user, publication=publication)
        messages.success(request, _("The publication was deleted."))
        return redirect("projects:publications", pk=project.pk)
    return render(
        request,
        "projects/outputs/publication_delete.html",
        _context(request, project, publication=publication),
    )
