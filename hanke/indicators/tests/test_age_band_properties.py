"""Property-based: the ESF+ age bands cover every age once, in order, with the boundaries
17/18, 29/30 and 54/55."""

from hypothesis import given
from hypothesis import strategies as st

from hanke.participants.models import AgeBand, age_band_for

ORDER = [AgeBand.UNDER_18, AgeBand.AGE_18_29, AgeBand.AGE_30_54, AgeBand.AGE_55_PLUS]
birth_years = st.integers(min_value=1900, max_value=2030)


@given(birth_year=birth_years)
def test_bands_are_contiguous_and_exhaustive(birth_year):
    bands = [age_band_for(birth_year, birth_year + age) for age in range(0, 121)]
    assert set(bands) == set(ORDER)  # every band is reached, nothing else appears
    indexes = [ORDER.index(band) for band in bands]
    # consecutive ages stay in a band or move to the next one: no gaps, no overlaps
    assert all(b - a in (0, 1) for a, b in zip(indexes, indexes[1:], strict=False))


@given(
    birth_year=birth_years,
    age=st.integers(min_value=-5, max_value=130),
    older=st.integers(min_value=0, max_value=100),
)
def test_bands_are_monotone_in_age(birth_year, age, older):
    younger_band = age_band_for(birth_year, birth_year + age)
    older_band = age_band_for(birth_year, birth_year + age + older)
    assert ORDER.index(younger_band) <= ORDER.index(older_band)


@given(birth_year=birth_years)
def test_the_boundaries(birth_year):
    def band(age):
        return age_band_for(birth_year, birth_year + age)

    assert band(0) == band(17) == AgeBand.UNDER_18
    assert band(18) == band(29) == AgeBand.AGE_18_29
    assert band(30) == band(54) == AgeBand.AGE_30_54
    assert band(55) == band(100) == AgeBand.AGE_55_PLUS


@given(birth_year=birth_years, year=st.integers(min_value=1900, max_value=2100))
def test_the_band_holds_the_age(birth_year, year):
    age = year - birth_year
    low, high = {
        AgeBand.UNDER_18: (None, 17),
        AgeBand.AGE_18_29: (18, 29),
        AgeBand.AGE_30_54: (30, 54),
        AgeBand.AGE_55_PLUS: (55, None),
    }[age_band_for(birth_year, year)]
    assert (low is None or age >= low) and (high is None or age <= high)
