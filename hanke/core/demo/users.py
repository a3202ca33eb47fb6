"""Demo users, one per role. Created only by the demo loader, never by migrations."""

from django.contrib.auth.models import Group

from hanke.accounts import roles
from hanke.accounts.models import Membership, Organisation, User
from hanke.accounts.roles import sync_role_permissions

DEMO_PASSWORD = "hanke-demo-2026"

DEMO_USERS = [
    # username, role, first name, last name, organisation (name_fi), staff (admin access)
    ("hakija", roles.APPLICANT, "Hilla", "Hakija", "Lapin kauppakamari", False),
    (
        "virkailija",
        roles.FUNDER_OFFICER,
        "Ville",
        "Virkailija",
        "Pohjois-Pohjanmaan ELY-keskus",
        True,
    ),
    ("arvioija", roles.ASSESSOR, "Aino", "Arvioija", "Pohjois-Pohjanmaan ELY-keskus", False),
    ("arvioija2", roles.ASSESSOR, "Arttu", "Arvioija", "Pohjois-Pohjanmaan ELY-keskus", False),
    ("myr", roles.COMMITTEE_MEMBER, "Matti", "MYR-jäsen", "Lapin liitto", False),
    ("admin", roles.ADMINISTRATOR, "Anna", "Ylläpitäjä", None, True),
]


def load():
    sync_role_permissions()
    created = []
    for username, role, first, last, organisation_name, staff in DEMO_USERS:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(
                username=username,
                first_name=first,
                last_name=last,
                email=f"{username}@demo.invalid",
            )
            user.is_staff = staff
            user.is_superuser = role == roles.ADMINISTRATOR
            user.set_password(DEMO_PASSWORD)
            user.save()
            created.append(username)
        group, _created = Group.objects.get_or_create(name=role)
        if not user.groups.filter(pk=group.pk).exists():
            user.groups.add(group)
        if organisation_name:
            organisation = Organisation.objects.get(name_fi=organisation_name)
            Membership.objects.get_or_create(user=user, organisation=organisation)
    return created
