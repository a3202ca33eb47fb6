"""Writes of projects and applications. Each takes the acting user, checks the rules and the
user's rights, records the event on the project's timeline and leaves messages to the views."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from hanke.accounts import roles
from hanke.accounts.roles import has_role

from . import activity, workflow
from .application import application_snapshot, section_problems
from .models import ApplicationVersion, Project
from .permissions import can_transition_project


@transaction.atomic
def project_transition(
    *,
    user,
    project: Project,
    target: str,
    kind: str = activity.STATUS,
    message: str = "",
    version=None,
) -> Project:
    """Move a project to another lifecycle state, if the workflow allows it and the user may,
    and record it on the project's timeline.

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
    activity.record(
        project=project,
        kind=kind,
        actor=user,
        message=message,
        from_status=transition.source,
        to_status=target,
        version=version,
    )
    return project


@transaction.atomic
def application_create(*, user, call, organisation=None, name: str = "") -> Project:
    """Start a draft application against an open call, for an organisation the user works for."""
    if not has_role(user, roles.APPLICANT):
        raise PermissionDenied(_("Only an applicant's staff can start an application."))
    memberships = user.memberships.select_related("organisation")
    if organisation is None:
        if memberships.count() != 1:
            raise ValidationError({"organisation": _("Choose the organisation that applies.")})
        organisation = memberships.get().organisation
    elif not memberships.filter(organisation=organisation).exists():
        raise PermissionDenied(_("You can apply only for an organisation you work for."))
    if not call.is_open_on(timezone.localdate()):
        raise ValidationError(_("The call is not open for applications."))
    objectives = list(call.specific_objectives.all())
    funds = list(call.funds.all())
    project = Project.objects.create(
        name_fi=name,
        status=workflow.DRAFT,
        is_public=False,
        implementer=organisation,
        call=call,
        funding_authority=call.authority,
        programme=call.programme,
        fund=funds[0] if len(funds) == 1 else None,
        specific_objective=objectives[0] if len(objectives) == 1 else None,
        original_language="fi",
    )
    activity.record(project=project, kind=activity.CREATED, actor=user)
    return project


@transaction.atomic
def application_submit(*, user, project: Project) -> ApplicationVersion:
    """Check that the application is complete, freeze it as a new numbered version and send it
    to the funder. A resubmission after a return makes the next version."""
    project = Project.objects.select_for_update().get(pk=project.pk)
    if project.status not in workflow.EDITABLE_STATES:
        raise ValidationError(_("The application has already been submitted."))
    problems = section_problems(project)
    if problems:
        raise ValidationError(
            {
                section: [str(message) for message in messages]
                for section, messages in problems.items()
            }
        )
    resubmission = project.status == workflow.RETURNED
    number = (project.application_versions.aggregate(n=Max("number"))["n"] or 0) + 1
    version = ApplicationVersion.objects.create(
        project=project,
        number=number,
        submitted_at=timezone.now(),
        submitted_by=user,
        snapshot=application_snapshot(project),
    )
    project_transition(
        user=user,
        project=project,
        target=workflow.SUBMITTED,
        kind=activity.RESUBMITTED if resubmission else activity.SUBMITTED,
        version=version,
    )
    return version


@transaction.atomic
def application_return(*, user, project: Project, message: str) -> Project:
    """Send the application back to the applicant for additions, saying what is needed."""
    message = (message or "").strip()
    if not message:
        raise ValidationError({"message": _("Tell the applicant what to add or correct.")})
    return project_transition(
        user=user,
        project=project,
        target=workflow.RETURNED,
        kind=activity.RETURNED,
        message=message,
    )
