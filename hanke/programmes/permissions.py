"""Who acts for a funding authority: its officers are users with the funder officer role and a
membership in the authority's organisation. Superusers act for every authority."""

from hanke.accounts import roles
from hanke.accounts.roles import has_role


def officer_authority_ids(user) -> set[int] | None:
    """The authorities the user is an officer of; None means all of them (a superuser)."""
    if not (user and user.is_authenticated):
        return set()
    if user.is_superuser:
        return None
    if not has_role(user, roles.FUNDER_OFFICER):
        return set()
    from .models import FundingAuthority

    return set(
        FundingAuthority.objects.filter(organisation__memberships__user=user).values_list(
            "pk", flat=True
        )
    )


def is_officer_of(user, authority_id) -> bool:
    ids = officer_authority_ids(user)
    if ids is None:
        return True
    return authority_id is not None and authority_id in ids


def is_any_officer(user) -> bool:
    ids = officer_authority_ids(user)
    return ids is None or bool(ids)


def can_manage_call(user, call) -> bool:
    return is_officer_of(user, call.authority_id)
