import datetime
from decimal import Decimal

import pytest
from django.utils import translation

from hanke.core.formatting import format_date, format_money, format_month, format_percent
from hanke.core.money import cents, percent_of, share_percent, to_decimal


def plain(text: str) -> str:
    return text.replace("\u00a0", " ")


@pytest.mark.parametrize(
    ("lang", "money", "percent", "date"),
    [
        ("fi", "309 642 €", "80,00 %", "9.4.2020"),
        ("sv", "309 642 €", "80,00 %", "9.4.2020"),
        ("en", "€309,642", "80.00%", "9 Apr 2020"),
    ],
)
def test_figures_follow_the_language(lang, money, percent, date):
    assert plain(format_money(Decimal("309642"), lang)) == money
    assert plain(format_percent(Decimal("80"), lang)) == percent
    assert format_date(datetime.date(2020, 4, 9), lang) == date


def test_active_language_is_used_when_none_is_given():
    with translation.override("en"):
        assert format_money(Decimal("1234.5")) == "€1,234.50"
    with translation.override("fi"):
        assert plain(format_money(Decimal("1234.5"))) == "1 234,50 €"


def test_numbers_never_wrap_inside():
    assert format_money(Decimal("510503"), "fi") == "510\u00a0503\u00a0€"


def test_negative_amounts_keep_their_sign():
    assert plain(format_money(Decimal("-1500"), "fi")) == "-1 500 €"
    assert format_money(Decimal("-1500"), "en") == "-€1,500"


def test_month_precision_dates():
    assert format_month(datetime.date(2020, 12, 1), "fi") == "12/2020"
    assert format_month(datetime.date(2021, 9, 30), "en") == "Sep 2021"


def test_seed_002_flat_rate_and_aid_share():
    assert percent_of(Decimal("364645"), Decimal("40")) == Decimal("145858.00")
    # 408 403 / 510 503 = 79.99998…: shown and compared at two decimals it is 80,00 %.
    assert share_percent(Decimal("408403"), Decimal("510503")) == Decimal("80.00")
    assert share_percent(Decimal("1"), Decimal("0")) is None


def test_rounding_is_half_up_to_the_cent():
    assert cents("0.005") == Decimal("0.01")
    assert cents("2.675") == Decimal("2.68")
    assert to_decimal("309 642,50") == Decimal("309642.50")


def test_floats_are_refused_for_money():
    with pytest.raises(TypeError):
        to_decimal(0.1)
    with pytest.raises(ValueError):
        to_decimal("kolme euroa")
