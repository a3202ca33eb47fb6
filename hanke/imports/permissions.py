"""Who may import documents and review them. Officers (the funder officer role with a membership
in an authority's organisation) and superusers import; applicants never do. A batch is seen by the
officer who uploaded it, by the other officers of the same authorities, and by superusers."""

from hanke.programmes.permissions import is_any_officer, officer_authority_ids
from hanke.projects.permissions import is_project_officer


def can_import_documents(user) -> bool:
    return bool(user and user.is_authenticated) and is_any_officer(user)


def can_view_batch(user, batch) -> bool:
    if not can_import_documents(user):
        return False
    if user.is_superuser or batch.created_by_id == user.pk:
        return True
    mine = officer_authority_ids(user)
    theirs = officer_authority_ids(batch.created_by)
    return theirs is None or bool(mine & theirs)


def can_review_document(user, document) -> bool:
    return can_view_batch(user, document.batch)


def can_update_project(user, project) -> bool:
    """An existing project is updated only by its own authority's officer (or a superuser); one
    without a funding authority (imported from a source that names none) by any importer."""
    if not can_import_documents(user):
        return False
    if project.funding_authority_id is None:
        return True
    return user.is_superuser or is_project_officer(user, project)
