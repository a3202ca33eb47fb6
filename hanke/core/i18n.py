"""Reading translated content (django-modeltranslation fields `<name>_fi/_en/_sv`).

A record is written in one original language. When the reader's language has no text, we show
the original and say which language it is in, so the page can mark it with `lang` (WCAG 3.1.2)
and a visible note.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
LANGUAGE_CHOICES = [("fi", _("Finnish")), ("en", _("English")), ("sv", _("Swedish"))]


@dataclass(frozen=True)
class Localised:
    text: str
    lang: str
    is_fallback: bool

    def __str__(self) -> str:
        return self.text

    def __bool__(self) -> bool:
        return bool(self.text)


def original_language_of(obj) -> str:
    """The language a record was written in: its own, or that of the record it belongs to
    (an activity belongs to a work package, which belongs to a project)."""
    for _depth in range(4):
        if obj is None:
            break
        code = getattr(obj, "original_language", None)
        if code:
            return code
        obj = next(
            (
                getattr(obj, attr)
                for attr in ("project", "work_package", "event")
                if hasattr(obj, attr)
            ),
            None,
        )
    return settings.LANGUAGE_CODE


def localised(obj, field: str, lang: str | None = None) -> Localised:
    """The text of `obj.<field>` in `lang` (default: the active language), falling back to the
    record's `original_language` and then to any language that has text."""
    lang = (lang or translation.get_language() or settings.LANGUAGE_CODE)[:2]
    original = original_language_of(obj)
    order = [lang, original] + [code for code in LANGUAGE_CODES if code not in (lang, original)]
    for code in order:
        value = getattr(obj, f"{field}_{code}", None)
        if value:
            return Localised(text=value, lang=code, is_fallback=code != lang)
    return Localised(text="", lang=lang, is_fallback=False)


def text_order(field: str, *, lang: str = "fi", prefix: str = ""):
    """An expression ordering records by a translated text case-insensitively: the text in
    `lang`, else in the first other language that has it (records are often written in one
    language only). `prefix` reaches a related record's field (`"implementer__"`)."""
    from django.db.models import Value
    from django.db.models.functions import Coalesce, Lower, NullIf

    codes = [lang] + [code for code in LANGUAGE_CODES if code != lang]
    return Lower(
        Coalesce(*[NullIf(f"{prefix}{field}_{code}", Value("")) for code in codes], Value(""))
    )
