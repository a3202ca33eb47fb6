"""Template helpers of the public pages: the language switcher, the assessment score, and the
canonical address, hreflang alternates and Open Graph data of the head."""

from django import template
from django.conf import settings
from django.urls import Resolver404, resolve, reverse, translate_url
from django.utils import translation
from django.utils.html import conditional_escape, format_html
from django.utils.http import urlencode

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


# --- Canonical address, hreflang alternates and Open Graph ----------------------------------------

# Open Graph locales of the UI languages (og:locale, og:locale:alternate).
OG_LOCALES = {"fi": "fi_FI", "en": "en_GB", "sv": "sv_SE"}

# Query parameters that never change what a page shows: campaign tags and ad click ids.
_NOISE_PARAMETERS = {"fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid"}
_NOISE_PREFIXES = ("utm_", "mc_", "_ga", "_gl")


def canonical_query(query) -> str:
    """The query string of a page's canonical address, from a QueryDict.

    A filtered or searched list is a page of its own: its filters stay (`/fi/projects/?funds=1`
    and `…?funds=2` list different projects, and one can be shared and found). What does not
    change the content goes: campaign tags and click ids (`utm_*`, `fbclid` …), empty values (an
    empty form field filters nothing) and `page=1` (the first page is the list itself). Other
    page numbers stay, as each page lists different items. Parameters are sorted by name, so the
    same search has one address whatever order its parameters came in; the values of one
    parameter keep their order."""
    kept = []
    for key in sorted(query.keys()):
        if key in _NOISE_PARAMETERS or key.startswith(_NOISE_PREFIXES):
            continue
        values = [value for value in query.getlist(key) if value.strip()]
        if key == "page":
            values = [value for value in values if value.isdigit() and int(value) > 1][-1:]
        kept.extend((key, value) for value in values)
    return urlencode(kept)


@register.simple_tag(takes_context=True)
def page_meta(context):
    """What the head of every page says about the page itself:

    - `canonical`: its absolute address in the current language (see canonical_query);
    - `alternates`: [{code, url}] the same address in each language, for `hreflang`, and
      `x_default`: the address without a language prefix, which LocaleMiddleware redirects to
      the visitor's language (as in the sitemaps);
    - `og_locale` and `og_locale_alternates` for Open Graph.

    An address that does not resolve (the 404 page of a mistyped address) has no canonical
    address and no alternates."""
    request = context.get("request")
    current = (translation.get_language() or settings.LANGUAGE_CODE)[:2]
    meta = {
        "canonical": "",
        "alternates": [],
        "x_default": "",
        "og_locale": OG_LOCALES.get(current, current),
        "og_locale_alternates": [
            OG_LOCALES.get(code, code) for code, _name in settings.LANGUAGES if code != current
        ],
    }
    if request is None:
        return meta
    try:
        resolve(request.path_info)
    except Resolver404:
        return meta  # a 404 page for an address that does not exist: nothing to point to
    query = canonical_query(request.GET)
    path = f"{request.path}?{query}" if query else request.path
    meta["canonical"] = request.build_absolute_uri(path)
    alternates = []
    for code, _name in settings.LANGUAGES:
        url = translate_url(path, code)
        if code != current and url == path:
            return meta  # no address in that language
        alternates.append({"code": code, "url": request.build_absolute_uri(url)})
    meta["alternates"] = alternates
    default = translate_url(path, settings.LANGUAGE_CODE)
    prefix = f"/{settings.LANGUAGE_CODE}/"
    if default.startswith(prefix):
        meta["x_default"] = request.build_absolute_uri("/" + default[len(prefix) :])
    return meta


@register.filter
def meta_text(value, length: int = 200) -> str:
    """Text for a `<meta>` description: whitespace collapsed, cut at a word boundary to at most
    `length` characters with an ellipsis. (The template escapes it.)"""
    text = " ".join(str(value or "").split())
    if len(text) <= length:
        return text
    cut = text[: length - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.–-") + "…"
