from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from . import workflow
from .models import Project
from .permissions import can_transition_project


@transaction.atomic
def project_transition(*, user, project: Project, target: str) -> Project:
    """Move a project to another lifecycle state, if the workflow allows it and the user may.

    The row is re-read under a lock and the update is conditional on the state it was read in,
    so two officers clicking at once cannot both move it."""
    project = Project.objects.select_for_update().get(pk=project.pk)
    transition = workflow.find_transition(project.status, target)
    if transition is None:
        raise ValidationError(
            _("A project cannot move from “%(source)s” to “%(target)s”.")
            % {
                "source": workflow.STATES[project.status],
                "target": workflow.STATES.get(target, target),
            }
        )
    if not can_transition_project(user, project, transition):
        raise PermissionDenied(
            _("You may not do this: “%(action)s”.") % {"action": transition.label}
        )
    updated = Project.objects.filter(pk=project.pk, status=transition.source).update(status=target)
    if updated != 1:
        raise ValidationError(
            _("The project was changed by someone else; reload the page and try again.")
        )
    project.refresh_from_db()
    return project
