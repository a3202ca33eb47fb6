from hanke.accounts import roles
from hanke.accounts.roles import has_role
from hanke.projects.permissions import is_project_staff

__all__ = ["is_project_staff"]


def can_edit_costs(user, project) -> bool:
    return bool(user and user.is_authenticated and user.is_superuser) or is_project_staff(
        user, project
    )


def can_view_finances(user, project) -> bool:
    return can_edit_costs(user, project) or has_role(user, roles.FUNDER_OFFICER)


def can_transition_claim(user, claim, transition) -> bool:
    if not (user and user.is_authenticated):
        return False
    if user.is_superuser:
        return True
    if roles.APPLICANT in transition.roles and is_project_staff(user, claim.project):
        return True
    return roles.FUNDER_OFFICER in transition.roles and has_role(user, roles.FUNDER_OFFICER)


def can_decide_budget(user) -> bool:
    return bool(
        user
        and user.is_authenticated
        and (user.is_superuser or has_role(user, roles.FUNDER_OFFICER))
    )
