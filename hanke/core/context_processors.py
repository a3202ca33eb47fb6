from django.conf import settings


def site(request):
    return {"SITE_NAME": "Hanke", "LANGUAGE_CODES": [code for code, _n in settings.LANGUAGES]}


def work_nav(request):
    """Which work pages the signed-in user's roles open, for the main navigation."""
    user = getattr(request, "user", None)
    if not (user and user.is_authenticated):
        return {"work_nav": {}}
    from hanke.accounts import roles
    from hanke.accounts.roles import has_role

    officer = has_role(user, roles.FUNDER_OFFICER)
    return {
        "work_nav": {
            "assessment": officer or has_role(user, roles.ASSESSOR),
            "meetings": officer or has_role(user, roles.COMMITTEE_MEMBER),
            "imports": officer,
        }
    }
