"""Template helpers of the public pages: the language switcher and the assessment score."""

from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.html import conditional_escape, format_html

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


@register.filter
def lcfirst(value) -> str:
    """`Aged 18–29` → `aged 18–29` to continue a sentence; acronyms (`SME`, `MYR`) stay."""
    text = str(value or "")
    first = text.split(" ", 1)[0]
    if len(first) > 1 and first.isupper():
        return text
    return text[:1].lower() + text[1:]


@register.filter
def inline(localised, transform: str = ""):
    """A short translated text (hanke.core.i18n.Localised) as inline HTML: wrapped in
    `<span lang="…">` when it is shown in another language than the page's. `|inline:"lcfirst"`
    lowers the first letter to continue a sentence."""
    text = getattr(localised, "text", "") or ""
    if transform == "lcfirst":
        text = lcfirst(text)
    if getattr(localised, "is_fallback", False):
        return format_html('<span lang="{}">{}</span>', localised.lang, text)
    return conditional_escape(text)
