"""Money and percentage arithmetic. Money is always Decimal; never float.

Rounding rules (see docs/architecture.md, "Money"):
- entries are kept to the cent, rounded half up;
- plans and documents show whole euros when the amount has no cents;
- percentages are computed from the exact amounts and compared at two decimals, rounded half up.
"""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

CENT = Decimal("0.01")
EURO = Decimal("1")
HUNDRED = Decimal("100")


def to_decimal(value) -> Decimal:
    """Turn an int, str or Decimal into a Decimal; refuse floats, which cannot hold money."""
    if isinstance(value, float):
        raise TypeError("Money must not be a float; pass a Decimal, int or str.")
    if isinstance(value, Decimal):
        return value
    try:
        return Decimal(str(value).replace("\u00a0", "").replace(" ", "").replace(",", "."))
    except InvalidOperation as exc:
        raise ValueError(f"Not an amount: {value!r}") from exc


def cents(value) -> Decimal:
    return to_decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def euros(value) -> Decimal:
    return to_decimal(value).quantize(EURO, rounding=ROUND_HALF_UP)


def percent_of(amount, rate_percent) -> Decimal:
    """`rate_percent` % of `amount`, to the cent: percent_of(364645, 40) == 145858.00."""
    return cents(to_decimal(amount) * to_decimal(rate_percent) / HUNDRED)


def share_percent(part, whole) -> Decimal | None:
    """What percent `part` is of `whole`, at two decimals; None when the whole is zero."""
    whole = to_decimal(whole)
    if whole == 0:
        return None
    return (to_decimal(part) * HUNDRED / whole).quantize(CENT, rounding=ROUND_HALF_UP)
