"""Consistency checks on extracted figures, shown to the reviewing officer as warnings.

Takes the values of an extraction keyed by field name (as `extract.values()` gives them, or as
edited by the officer): `total_budget`, `financing` ({source: amount}), `cost_model`,
`flat_rate` (percent), `max_aid_rate` (percent), `staff_costs` and, when known,
`flat_rate_amount`. Amounts may be Decimals, ints or strings such as "170250.00" or "170 250".
Percentages are compared at two decimals as the finance rules do: 408 403 of 510 503 is 80,00 %
and is within a maximum of 80 %.
"""

from decimal import Decimal

from django.utils.translation import gettext as _

from hanke.core.formatting import format_number, format_percent
from hanke.core.money import cents, percent_of, share_percent, to_decimal

FLAT_RATE_COVERS_ALL_OTHER_COSTS = {"flat_40"}


def _amount(value) -> Decimal | None:
    if value is None or value == "" or isinstance(value, bool | float):
        return None
    try:
        number = to_decimal(value)
    except (TypeError, ValueError, ArithmeticError):
        return None
    return cents(number) if number.is_finite() else None


def _money(value: Decimal) -> str:
    """Money with cents in the active language: 170 000,00 € (fi, sv), €170,000.00 (en)."""
    from django.utils import translation

    number = format_number(value, 2)
    if (translation.get_language() or "fi")[:2] == "en":
        return ("-€" + number[1:]) if number.startswith("-") else "€" + number
    return number + "\u00a0€"


def consistency_warnings(values: dict[str, object]) -> list[str]:
    """Translated warnings about figures that do not agree; an empty list when all agree."""
    warnings: list[str] = []
    total = _amount(values.get("total_budget"))
    financing = values.get("financing")
    amounts = {}
    if isinstance(financing, dict):
        for source, raw in financing.items():
            amount = _amount(raw)
            if amount is not None:
                amounts[source] = amount

    if total is not None and amounts:
        financed = sum(amounts.values(), Decimal("0"))
        if financed != total:
            warnings.append(
                _("The financing sources add up to %(financed)s, not the total %(total)s.")
                % {"financed": _money(financed), "total": _money(total)}
            )

    rate = _amount(values.get("flat_rate"))
    staff = _amount(values.get("staff_costs"))
    if rate is not None and staff is not None:
        expected = percent_of(staff, rate)
        stated = _amount(values.get("flat_rate_amount"))
        if stated is not None and stated != expected:
            warnings.append(
                _(
                    "The flat rate %(stated)s is not %(rate)s of the staff costs %(staff)s, which is %(expected)s."
                )
                % {
                    "stated": _money(stated),
                    "rate": format_percent(rate),
                    "staff": _money(staff),
                    "expected": _money(expected),
                }
            )
        if (
            values.get("cost_model") in FLAT_RATE_COVERS_ALL_OTHER_COSTS
            and total is not None
            and staff + expected != total
        ):
            warnings.append(
                _(
                    "The staff costs %(staff)s and the %(rate)s flat rate on them make %(expected)s, not the total %(total)s."
                )
                % {
                    "staff": _money(staff),
                    "rate": format_percent(rate),
                    "expected": _money(staff + expected),
                    "total": _money(total),
                }
            )

    maximum = _amount(values.get("max_aid_rate"))
    aid = amounts.get("aid")
    if maximum is not None and aid is not None and total:
        share = share_percent(aid, total)
        if share is not None and share > maximum:
            warnings.append(
                _(
                    "The aid %(aid)s is %(share)s of the total %(total)s, above the maximum aid rate of %(maximum)s."
                )
                % {
                    "aid": _money(aid),
                    "share": format_percent(share),
                    "total": _money(total),
                    "maximum": format_percent(maximum),
                }
            )
    return warnings
