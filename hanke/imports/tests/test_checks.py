"""Consistency warnings on extracted figures."""

from decimal import Decimal

import pytest
from django.utils import translation

from hanke.imports.checks import consistency_warnings

NBSP = "\u00a0"


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def test_seed_001_figures_agree():
    values = {
        "total_budget": "170250.00",
        "financing": {
            "aid": "136200.00",
            "municipal": "21200.00",
            "other_public": "5000.00",
            "private": "7850.00",
        },
    }
    assert consistency_warnings(values) == []


def test_sources_that_do_not_add_up():
    values = {"total_budget": "170250", "financing": {"aid": "136200", "municipal": "33800"}}
    assert consistency_warnings(values) == [
        "The financing sources add up to €170,000.00, not the total €170,250.00."
    ]


def test_sources_that_do_not_add_up_in_finnish():
    with translation.override("fi"):
        (warning,) = consistency_warnings(
            {"total_budget": "170250", "financing": {"aid": "136200", "municipal": "33800"}}
        )
    assert f"170{NBSP}000,00{NBSP}€" in warning and f"170{NBSP}250,00{NBSP}€" in warning


def test_seed_002_figures_agree_at_two_decimals():
    # 408 403 / 510 503 = 79.9999…% → 80.00 %, within the 80 % maximum
    values = {
        "total_budget": "510503.00",
        "financing": {"aid": "408403.00", "other_public": "102100.00"},
        "cost_model": "flat_40",
        "flat_rate": "40.00",
        "staff_costs": "364645.00",
        "flat_rate_amount": "145858.00",
        "max_aid_rate": "80.00",
    }
    assert consistency_warnings(values) == []


def test_aid_above_the_maximum():
    values = {
        "total_budget": "100000",
        "financing": {"aid": "80010", "own": "19990"},
        "max_aid_rate": "80",
    }
    assert consistency_warnings(values) == [
        "The aid €80,010.00 is 80.01% of the total €100,000.00, above the maximum aid rate of 80.00%."
    ]


def test_flat_rate_that_is_not_the_rate_times_staff_costs():
    values = {"flat_rate": "40", "staff_costs": "364645", "flat_rate_amount": "145000"}
    (warning,) = consistency_warnings(values)
    assert "€145,000.00" in warning and "€145,858.00" in warning and "40.00%" in warning


def test_flat_40_total_must_be_staff_plus_the_rate():
    values = {
        "cost_model": "flat_40",
        "flat_rate": "40",
        "staff_costs": "364645",
        "total_budget": "500000",
    }
    (warning,) = consistency_warnings(values)
    assert "€510,503.00" in warning and "€500,000.00" in warning


@pytest.mark.parametrize(
    "values",
    [
        {},
        {"total_budget": None, "financing": None},
        {"total_budget": "not money", "financing": {"aid": "x"}},
        {"total_budget": 1.5, "financing": {"aid": 2.5}},
        {"total_budget": "0", "financing": {"aid": "0"}, "max_aid_rate": "80"},
        {"financing": ["not", "a", "dict"], "flat_rate": "40"},
        {"total_budget": Decimal("100"), "financing": {"aid": 100}},
    ],
)
def test_incomplete_or_odd_values_never_raise(values):
    assert isinstance(consistency_warnings(values), list)
