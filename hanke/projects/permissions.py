"""Who may see and do what with a project or application. Plain functions, one per question."""

from hanke.accounts import roles
from hanke.accounts.roles import has_role
from hanke.programmes.permissions import is_officer_of

from . import workflow


def _signed_in(user) -> bool:
    return bool(user and user.is_authenticated)


def is_project_staff(user, project) -> bool:
    """A member of the implementing organisation with the applicant / project staff role."""
    return bool(
        _signed_in(user)
        and has_role(user, roles.APPLICANT)
        and project.implementer_id
        and user.memberships.filter(organisation_id=project.implementer_id).exists()
    )


def is_project_officer(user, project) -> bool:
    """An officer of the authority that funds (or is asked to fund) the project."""
    return _signed_in(user) and is_officer_of(user, project.funding_authority_id)


def is_assigned_assessor(user, project) -> bool:
    return _signed_in(user) and project.assessor_assignments.filter(assessor=user).exists()


def is_committee_member_for(user, project) -> bool:
    """A participant or secretary of a meeting that has the project on its agenda."""
    if not _signed_in(user):
        return False
    from django.db.models import Q

    return project.agenda_items.filter(
        Q(meeting__participants=user) | Q(meeting__secretary=user)
    ).exists()


def can_transition_project(user, project, transition) -> bool:
    if not _signed_in(user):
        return False
    if user.is_superuser:
        return True
    if roles.APPLICANT in transition.roles and is_project_staff(user, project):
        return True
    return roles.FUNDER_OFFICER in transition.roles and is_project_officer(user, project)


def can_view_project(user, project) -> bool:
    """The public page: published projects for everyone; the rest for those who handle it."""
    if project.is_public and project.status in workflow.PUBLIC_STATES:
        return True
    return can_view_application(user, project)


def can_view_application(user, project) -> bool:
    if not _signed_in(user):
        return False
    return (
        user.is_superuser
        or is_project_staff(user, project)
        or is_project_officer(user, project)
        or is_assigned_assessor(user, project)
        or is_committee_member_for(user, project)
    )


def can_edit_application(user, project) -> bool:
    return project.status in workflow.EDITABLE_STATES and (
        is_project_staff(user, project) or (_signed_in(user) and user.is_superuser)
    )
