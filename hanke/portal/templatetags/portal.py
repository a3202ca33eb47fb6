"""Template helpers of the public pages: the language switcher and the assessment score."""

from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import translation

from hanke.core.formatting import format_number
from hanke.core.money import to_decimal

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """The current page in each UI language: [{code, name, url, absolute_url, is_current}].

    A path that does not resolve (a 404 page) links to the home page of the other language."""
    request = context.get("request")
    current = (translation.get_language() or settings.LANGUAGE_CODE)[:2]
    path = request.get_full_path() if request is not None else "/"
    links = []
    for code, _name in settings.LANGUAGES:
        url = translate_url(path, code) if request is not None else path
        if code != current and url == path:
            with translation.override(code):
                url = reverse("portal:home")
        with translation.override(code):
            name = translation.get_language_info(code)["name_local"]
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "absolute_url": request.build_absolute_uri(url) if request is not None else url,
                "is_current": code == current,
            }
        )
    return links


def _plain(value) -> str:
    value = to_decimal(value)
    return format_number(value, 0 if value == value.to_integral_value() else 1)


@register.filter
def score(assessment) -> str:
    """`20,5/39` (fi, sv) or `20.5/39` (en): half points keep their decimal, whole ones do not."""
    if assessment is None or assessment.score is None:
        return ""
    if assessment.max_score is None:
        return _plain(assessment.score)
    return f"{_plain(assessment.score)}/{_plain(assessment.max_score)}"
