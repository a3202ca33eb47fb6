"""Template helpers of the application pages and call pages."""

from django import template

from hanke.core.formatting import format_number
from hanke.core.money import to_decimal

register = template.Library()


@register.filter
def points(value) -> str:
    """A score or maximum score: `5`, `20,5` (fi, sv) or `20.5` (en)."""
    if value is None or value == "":
        return ""
    value = to_decimal(value)
    return format_number(value, 0 if value == value.to_integral_value() else 1)


@register.filter
def application_name(project) -> str:
    """The application's name, or “Untitled application” while the applicant has not named it."""
    from django.utils.translation import gettext as _

    from hanke.core.i18n import localised

    return localised(project, "name").text or _("Untitled application")
