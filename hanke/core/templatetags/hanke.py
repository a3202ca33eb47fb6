from django import template

from hanke.core import formatting
from hanke.core.i18n import localised

register = template.Library()


@register.filter
def money(value):
    return formatting.format_money(value)


@register.filter
def percent(value):
    return formatting.format_percent(value)


@register.filter
def fdate(value):
    return formatting.format_date(value)


@register.filter
def fmonth(value):
    return formatting.format_month(value)


@register.filter
def fdatetime(value):
    return formatting.format_datetime(value)


@register.filter
def number(value):
    if value is None:
        return ""
    return formatting.format_number(value)


@register.simple_tag
def tr(obj, field):
    """`{% tr project "summary" as summary %}`: the text, its language and whether it fell back."""
    return localised(obj, field)
