"""Property-based: the arithmetic holds for any input, not just the seeds."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from hanke.core.money import percent_of, share_percent
from hanke.finance.calculations import PlanCheck, check_financing, compute_costs, largest_aid_within
from hanke.finance.models import FLAT_RATES, CostCategory, CostModel, FundingSource

amounts = st.decimals(
    min_value=0, max_value=10_000_000, places=2, allow_nan=False, allow_infinity=False
)
whole_euros = st.integers(min_value=1, max_value=50_000_000).map(Decimal)


@given(staff=amounts, travel=amounts, model=st.sampled_from(list(FLAT_RATES)))
def test_total_is_lines_plus_flat_rate(staff, travel, model):
    figures = compute_costs(model, {CostCategory.STAFF: staff, CostCategory.TRAVEL: travel})
    assert figures.flat_rate_amount == percent_of(staff, FLAT_RATES[model])
    assert figures.total == staff + travel + figures.flat_rate_amount
    # the flat rate is within half a cent of the exact product
    assert abs(figures.flat_rate_amount - staff * FLAT_RATES[model] / 100) <= Decimal("0.005")


@given(total=whole_euros, aid_share=st.integers(min_value=0, max_value=100))
def test_a_plan_that_adds_up_within_the_maximum_passes(total, aid_share):
    aid = (total * Decimal("0.80") * aid_share / 100).to_integral_value(rounding="ROUND_FLOOR")
    check = PlanCheck()
    check_financing(
        total, {FundingSource.AID: aid, FundingSource.OWN: total - aid}, Decimal("80"), check
    )
    assert check.ok, check.errors


@given(total=whole_euros, extra=st.integers(min_value=1, max_value=1000))
def test_a_plan_that_does_not_add_up_is_refused(total, extra):
    check = PlanCheck()
    check_financing(total, {FundingSource.OWN: total + extra}, Decimal("80"), check)
    assert "financing" in check.errors


@given(total=st.integers(min_value=100, max_value=50_000_000).map(Decimal))
def test_aid_above_the_maximum_at_two_decimals_is_refused(total):
    aid = total  # 100 %
    check = PlanCheck()
    check_financing(total, {FundingSource.AID: aid}, Decimal("80"), check)
    assert "source_aid" in check.errors


@given(part=amounts, whole=amounts.filter(lambda w: w > 0))
def test_shares_have_two_decimals(part, whole):
    share = share_percent(part, whole)
    assert share == share.quantize(Decimal("0.01"))
    assert abs(share - part * 100 / whole) <= Decimal("0.005")


def test_unknown_cost_model_has_no_flat_rate():
    figures = compute_costs(CostModel.REAL_COSTS, {CostCategory.STAFF: Decimal("100")})
    assert figures.flat_rate_amount == 0 and figures.total == Decimal("100.00")


@given(total=whole_euros, rate=st.integers(min_value=1, max_value=100).map(Decimal))
def test_the_suggested_aid_limit_is_the_largest_that_passes(total, rate):
    limit = largest_aid_within(total, rate)
    assert share_percent(limit, total) <= rate
    assert share_percent(limit + 1, total) > rate


@given(
    staff=amounts,
    revenues=st.decimals(min_value=0, max_value=1000, places=2),
    reduction=st.decimals(min_value=0, max_value=10_000_000, places=2),
    rate=st.integers(min_value=0, max_value=100).map(Decimal),
    remaining=amounts,
)
def test_claim_figures_hold_for_any_input(staff, revenues, reduction, rate, remaining):
    from hanke.finance.calculations import compute_claim

    reduction = min(reduction, staff)
    figures = compute_claim(
        CostModel.FLAT_RATE_40,
        {CostCategory.STAFF: staff, CostCategory.REVENUES: revenues},
        {CostCategory.STAFF: reduction},
        rate,
        remaining,
    )
    reduced_staff = staff - reduction
    assert figures.flat_rate_amount == percent_of(reduced_staff, 40)
    assert figures.eligible == max(reduced_staff + figures.flat_rate_amount - revenues, 0)
    assert figures.aid <= remaining and figures.aid <= figures.aid_before_cap
    assert figures.aid + figures.own_financing == figures.eligible
    assert figures.capped == (figures.aid < figures.aid_before_cap)
