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


# What each role may do in the admin, as Django model permissions ("app_label.codename").
# Kept in step on every migrate (see accounts.apps), so a new model's permissions reach the roles.
_OFFICER_MODELS = {
    "accounts": ["organisation"],
    "core": ["region", "municipality"],
    "programmes": [
        "fund",
        "fundingauthority",
        "programme",
        "priorityaxis",
        "specificobjective",
        "call",
        "callcutoff",
        "callcostmodel",
        "selectioncriterion",
        "decisionstep",
        "indicator",
    ],
    "projects": [
        "theme",
        "project",
        "projectpartner",
        "projectlink",
        "projectsection",
        "workpackage",
        "activity",
        "deliverable",
        "targetgroup",
        "publication",
    ],
    "finance": [
        "budget",
        "costline",
        "financingline",
        "staffmember",
        "costentry",
        "paymentclaim",
        "changerequest",
        "budgetversion",
        "annualamount",
    ],
    "assessment": ["assessment", "meeting", "agendaitem"],
    "indicators": ["indicatortarget"],
    "events": [
        "event",
        "speaker",
        "eventspeaker",
        "trainingprogramme",
        "trainingmodule",
        "cohort",
        "smallgroup",
    ],
    "portal": ["newsitem"],
}


def _perms(models: dict, actions: tuple) -> set[str]:
    return {
        f"{app}.{action}_{model}"
        for app, names in models.items()
        for model in names
        for action in actions
    }


ROLE_PERMISSIONS = {
    APPLICANT: set(),
    FUNDER_OFFICER: _perms(_OFFICER_MODELS, ("view", "add", "change")),
    ASSESSOR: _perms({"projects": ["project"], "assessment": ["assessment", "meeting"]}, ("view",))
    | {"assessment.change_assessment"},
    COMMITTEE_MEMBER: _perms(
        {"projects": ["project"], "assessment": ["assessment", "meeting"]}, ("view",)
    )
    | {"assessment.change_meeting"},
    ADMINISTRATOR: _perms(_OFFICER_MODELS, ("view", "add", "change", "delete"))
    | _perms(
        {"accounts": ["user", "membership"], "auth": ["group"]}, ("view", "add", "change", "delete")
    ),
}


def sync_role_permissions() -> None:
    """Create the role groups if missing and give each exactly its permissions."""
    from django.contrib.auth.models import Group, Permission

    for role, wanted in ROLE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=role)
        permissions = []
        for dotted in sorted(wanted):
            app_label, codename = dotted.split(".")
            permission = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if permission is not None:
                permissions.append(permission)
        if set(group.permissions.values_list("pk", flat=True)) != {p.pk for p in permissions}:
            group.permissions.set(permissions)
