"""Who may do what in assessment: officers act for their own authority's applications and
meetings, assessors only on applications assigned to them, committee members (meeting
participants) see their meetings' agendas, and a meeting's secretary records its statements."""

from hanke.accounts import roles
from hanke.accounts.roles import has_role
from hanke.programmes.permissions import is_officer_of
from hanke.projects.permissions import is_project_officer


def can_assess(user, project) -> bool:
    """Check eligibility, assign assessors, write the funder's assessment, decide."""
    return is_project_officer(user, project)


def can_score(user, assignment) -> bool:
    return bool(
        user
        and user.is_authenticated
        and assignment.assessor_id == user.pk
        and has_role(user, roles.ASSESSOR)
    )


def can_see_all_scores(user, project) -> bool:
    """Officers see every assessor's scores; an assessor sees the others' only after submitting
    their own."""
    if can_assess(user, project):
        return True
    if not (user and user.is_authenticated):
        return False
    return project.assessor_assignments.filter(assessor=user, submitted_at__isnull=False).exists()


def can_manage_meeting(user, meeting) -> bool:
    return bool(user and user.is_authenticated) and is_officer_of(user, meeting.authority_id)


def can_record_statement(user, meeting) -> bool:
    if not (user and user.is_authenticated):
        return False
    return meeting.secretary_id == user.pk or can_manage_meeting(user, meeting)


def can_view_meeting(user, meeting) -> bool:
    if not (user and user.is_authenticated):
        return False
    return can_record_statement(user, meeting) or meeting.participants.filter(pk=user.pk).exists()
