"""Property-based: for any set of participants and any period, the ESF+ table counts each person
who entered in the period exactly once per breakdown, and matches a count done by hand. Each
example is built in the database inside its own savepoint, which is rolled back afterwards."""

import datetime

import pytest
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hanke.indicators import measures
from hanke.indicators.models import Measure
from hanke.indicators.selectors import GENDER_COLUMNS, esf_rows_from_counts, esf_table
from hanke.participants.models import Participant, age_band_for, company_key_for
from hanke.projects.tests.factories import ProjectFactory

P = Participant
D = datetime.date
TODAY = D(2030, 1, 1)  # every generated entry is in the past
BUSINESS_IDS = ["", "0737510-4", "2609164-1", "1572860-0"]
QUESTIONS = ("disability", "third_country_national", "foreign_background", "minority")
GENDERS = [value for value, _label in GENDER_COLUMNS]

people = st.lists(
    st.fixed_dictionaries(
        {
            "gender": st.sampled_from(P.Gender.values),
            "labour_status": st.sampled_from(P.LabourStatus.values),
            "birth_year": st.integers(min_value=1940, max_value=2012),
            "education": st.sampled_from(P.Education.values),
            **{q: st.sampled_from(P.Answer.values) for q in QUESTIONS},
            "business_id": st.sampled_from(BUSINESS_IDS),
            "entered_on": st.one_of(st.none(), st.dates(D(2023, 1, 1), D(2025, 12, 31))),
        }
    ),
    max_size=14,
)
periods = st.tuples(st.dates(D(2022, 6, 1), D(2026, 6, 1)), st.dates(D(2022, 6, 1), D(2026, 6, 1)))


def create(project, specs):
    Participant.objects.bulk_create(
        Participant(
            project=project,
            consent_text="Suostun.",
            consented_at=timezone.now(),
            age_band=age_band_for(s["birth_year"], (s["entered_on"] or D(2024, 1, 1)).year),
            company_key=company_key_for(s["business_id"]),
            **s,
        )
        for s in specs
    )


def in_period(specs, start, end):
    return [s for s in specs if s["entered_on"] and start <= s["entered_on"] <= end]


def expected(row_key, spec) -> bool:
    """Whether one generated person belongs to an ESF row, decided by hand."""
    labour, band = spec["labour_status"], age_band_for(spec["birth_year"], spec["entered_on"].year)
    L, E, A = P.LabourStatus, P.Education, P.Answer
    rules = {
        "total": True,
        "unemployed": labour in (L.UNEMPLOYED, L.LONG_TERM_UNEMPLOYED),
        "long_term_unemployed": labour == L.LONG_TERM_UNEMPLOYED,
        "inactive": labour == L.INACTIVE,
        "employed": labour == L.EMPLOYED,
        "labour_unknown": False,
        "age_under_18": band == "under_18",
        "age_18_29": band == "18_29",
        "age_30_54": band == "30_54",
        "age_55_plus": band == "55_plus",
        "age_unknown": False,
        "isced_0_2": spec["education"] == E.ISCED_0_2,
        "isced_3_4": spec["education"] == E.ISCED_3_4,
        "isced_5_8": spec["education"] == E.ISCED_5_8,
        "education_unknown": False,
    }
    for q in QUESTIONS:
        rules[f"{q}_yes"] = spec[q] == A.YES
        rules[f"{q}_no"] = spec[q] == A.NO
        rules[f"{q}_not_answered"] = spec[q] == A.NOT_ANSWERED
    return rules[row_key]


@pytest.mark.django_db
@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(specs=people, period=periods)
def test_the_esf_table_adds_up_and_matches_a_count_by_hand(specs, period):
    start, end = sorted(period)
    with transaction.atomic():
        project = ProjectFactory()
        create(project, specs)
        table = esf_table(project, start=start, end=end, today=TODAY)
        companies = measures.measure_count(project, Measure.COMPANIES, since=start, until=end)
        transaction.set_rollback(True)

    counted = in_period(specs, start, end)
    rows = {row.key: row for row in table.rows}
    total = rows["total"].total
    assert total == len(counted)
    for row in table.rows:
        assert sum(row.by_gender) == row.total
        for column, gender in enumerate(GENDERS):
            by_hand = sum(1 for s in counted if s["gender"] == gender and expected(row.key, s))
            assert row.by_gender[column] == by_hand, (row.key, gender)

    def add(*keys):
        return sum(rows[key].total for key in keys)

    assert add("unemployed", "inactive", "employed", "labour_unknown") == total
    assert rows["long_term_unemployed"].total <= rows["unemployed"].total
    assert add("age_under_18", "age_18_29", "age_30_54", "age_55_plus", "age_unknown") == total
    assert add("isced_0_2", "isced_3_4", "isced_5_8", "education_unknown") == total
    for q in QUESTIONS:
        assert add(f"{q}_yes", f"{q}_no", f"{q}_not_answered") == total
    # companies: each Y-tunnus once, however many of its people came
    assert companies == len({s["business_id"] for s in counted if s["business_id"]})


@given(
    groups=st.lists(
        st.tuples(
            st.sampled_from([*P.Gender.values, ""]),
            st.dictionaries(
                st.sampled_from([row.key for row in measures.ESF_ROWS]),
                st.integers(min_value=0, max_value=1000),
            ),
        ),
        max_size=6,
    )
)
def test_every_row_of_the_table_keeps_all_its_people_in_the_gender_columns(groups):
    counts = [{"gender": gender, **values} for gender, values in groups]
    rows = esf_rows_from_counts(counts)
    for row in rows:
        assert sum(row.by_gender) == row.total
        assert row.total == sum(values.get(row.key, 0) for _gender, values in groups)
