"""Properties of the score arithmetic: half points, the range of a criterion, and the average."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from hanke.assessment.selectors import average_score
from hanke.assessment.services import parse_score
from hanke.programmes.models import SelectionCriterion

halves = st.integers(min_value=0, max_value=10).map(lambda n: Decimal(n) / 2)  # 0 … 5 by 0.5


def criterion(top="5"):
    return SelectionCriterion(kind="special", group="content", max_score=Decimal(top))


@given(halves)
def test_every_whole_or_half_point_within_the_range_is_accepted_in_both_notations(score):
    assert parse_score(str(score), criterion()) == score
    assert parse_score(str(score).replace(".", ","), criterion()) == score


@given(st.decimals(min_value=0, max_value=5, places=2, allow_nan=False))
def test_a_score_that_is_not_a_half_point_multiple_is_refused(score):
    if score % Decimal("0.5") == 0:
        return
    with pytest.raises(ValidationError):
        parse_score(str(score), criterion())


@given(st.decimals(min_value=Decimal("3.5"), max_value=100, places=1, allow_nan=False))
def test_a_score_over_the_criterion_s_maximum_is_refused(score):
    with pytest.raises(ValidationError):
        parse_score(str(score), criterion("3"))


@given(
    st.lists(
        st.integers(min_value=0, max_value=78).map(lambda n: Decimal(n) / 2), min_size=1, max_size=7
    )
)
def test_the_average_lies_between_the_lowest_and_highest_total_and_has_one_decimal(totals):
    average = average_score(totals)
    assert min(totals) <= average <= max(totals)
    assert average == average.quantize(Decimal("0.1"))
    # within rounding of the exact mean
    exact = sum(totals) / len(totals)
    assert abs(average - exact) <= Decimal("0.05")


def test_two_assessors_with_20_and_21_points_average_20_5():
    assert average_score([Decimal("20"), Decimal("21")]) == Decimal("20.5")
    assert average_score([]) is None
