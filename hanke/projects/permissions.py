from hanke.accounts.roles import has_role


def can_transition_project(user, project, transition) -> bool:
    if not (user and user.is_authenticated):
        return False
    if user.is_superuser:
        return True
    return any(has_role(user, role) for role in transition.roles)


def can_view_project(user, project) -> bool:
    from . import workflow

    if project.is_public and project.status in workflow.PUBLIC_STATES:
        return True
    return bool(user and user.is_authenticated and (user.is_staff or user.is_superuser))
