"""Who may run a project's events and trainings, and who may see its participants' personal data.
Plain functions, one per question."""

from hanke.projects.permissions import is_project_officer, is_project_staff


def _superuser(user) -> bool:
    return bool(user and user.is_authenticated and user.is_superuser)


def can_manage_events(user, project) -> bool:
    """Create and edit events, trainings and publications, mark attendance and completion."""
    return _superuser(user) or is_project_staff(user, project)


def can_view_participants(user, project) -> bool:
    """See registrations and participants' personal data (every view is logged): the project's
    staff and the officers of its funding authority."""
    return _superuser(user) or is_project_staff(user, project) or is_project_officer(user, project)


def can_handle_data_requests(user, project) -> bool:
    """Export or erase one person's data on request."""
    return can_view_participants(user, project)


def can_view_progress(user, project) -> bool:
    return can_view_participants(user, project)
