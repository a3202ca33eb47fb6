from hanke.accounts import roles
from hanke.accounts.roles import has_role


def can_transition_project(user, project, transition) -> bool:
    if not (user and user.is_authenticated):
        return False
    if user.is_superuser:
        return True
    for role in transition.roles:
        if not has_role(user, role):
            continue
        if role == roles.APPLICANT:
            # project staff act only for their own organisation's projects
            if (
                project.implementer_id
                and user.memberships.filter(organisation_id=project.implementer_id).exists()
            ):
                return True
            continue
        return True
    return False


def can_view_project(user, project) -> bool:
    from . import workflow

    if project.is_public and project.status in workflow.PUBLIC_STATES:
        return True
    return bool(user and user.is_authenticated and (user.is_staff or user.is_superuser))
