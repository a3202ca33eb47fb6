"""Numbers, money, percentages and dates in the style of each UI language.

Finnish and Swedish: `309 642 €`, `80,00 %`, `9.4.2020`. English: `€309,642`, `80.00%`, `9 Apr 2020`.
Spaces inside numbers and before the unit are no-break spaces so a figure never wraps.
"""

import datetime
from decimal import Decimal

from django.utils import translation

from .money import to_decimal

NBSP = "\u00a0"
EN_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def _lang(lang: str | None) -> str:
    return (lang or translation.get_language() or "fi")[:2]


def _group(integer_digits: str, sep: str) -> str:
    parts = []
    while len(integer_digits) > 3:
        parts.insert(0, integer_digits[-3:])
        integer_digits = integer_digits[:-3]
    parts.insert(0, integer_digits)
    return sep.join(parts)


def format_number(value, decimals: int = 0, lang: str | None = None) -> str:
    value = to_decimal(value)
    lang = _lang(lang)
    quantized = value.quantize(Decimal(1).scaleb(-decimals)) if decimals else value.quantize(1)
    sign = "-" if quantized < 0 else ""
    text = f"{abs(quantized):.{decimals}f}"
    integer, _, fraction = text.partition(".")
    thousands, point = (",", ".") if lang == "en" else (NBSP, ",")
    out = _group(integer, thousands)
    if fraction:
        out += point + fraction
    return sign + out


def format_money(value, lang: str | None = None) -> str:
    """Whole euros when there are no cents, otherwise two decimals."""
    if value is None:
        return ""
    value = to_decimal(value)
    decimals = 0 if value == value.to_integral_value() else 2
    number = format_number(value, decimals, lang)
    if _lang(lang) == "en":
        if number.startswith("-"):
            return "-€" + number[1:]
        return "€" + number
    return number + NBSP + "€"


def format_percent(value, lang: str | None = None) -> str:
    if value is None:
        return ""
    number = format_number(value, 2, lang)
    return number + "%" if _lang(lang) == "en" else number + NBSP + "%"


def format_date(value: datetime.date | None, lang: str | None = None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = value.date()
    if _lang(lang) == "en":
        return f"{value.day} {EN_MONTHS[value.month - 1]} {value.year}"
    return f"{value.day}.{value.month}.{value.year}"


def format_month(value: datetime.date | None, lang: str | None = None) -> str:
    """A date known only to the month: `12/2020` (fi, sv), `Dec 2020` (en)."""
    if value is None:
        return ""
    if _lang(lang) == "en":
        return f"{EN_MONTHS[value.month - 1]} {value.year}"
    return f"{value.month}/{value.year}"


def format_datetime(value: datetime.datetime | None, lang: str | None = None) -> str:
    if value is None:
        return ""
    from django.utils import timezone

    if timezone.is_aware(value):
        value = timezone.localtime(value)
    if _lang(lang) == "en":
        return f"{format_date(value, lang)}, {value:%H:%M}"
    return (
        f"{format_date(value, lang)} klo {value.hour}.{value.minute:02d}"
        if _lang(lang) == "fi"
        else f"{format_date(value, lang)} kl. {value.hour}.{value.minute:02d}"
    )
