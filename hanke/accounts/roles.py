"""The roles of Hanke, as Django groups. Created by a data migration; users join them."""

from django.utils.translation import gettext_lazy as _

APPLICANT = "applicant"
FUNDER_OFFICER = "funder_officer"
ASSESSOR = "assessor"
COMMITTEE_MEMBER = "committee_member"
ADMINISTRATOR = "administrator"

ROLES = {
    APPLICANT: _("Applicant / project staff"),
    FUNDER_OFFICER: _("Funder officer"),
    ASSESSOR: _("Assessor"),
    COMMITTEE_MEMBER: _("Committee member"),
    ADMINISTRATOR: _("Administrator"),
}


def has_role(user, role: str) -> bool:
    return bool(user and user.is_authenticated) and (
        user.is_superuser or user.groups.filter(name=role).exists()
    )
