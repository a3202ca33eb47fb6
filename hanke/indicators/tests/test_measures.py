"""Measures count entered participants from the records up to a date: age bands, labour-market
status, companies by Y-tunnus, teachers trained and people who completed a module."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from hanke.events.models import Event, Registration
from hanke.events.services import attendance_mark, registration_create
from hanke.events.tests.factories import (
    CohortFactory,
    EventFactory,
    RegistrationFactory,
    TrainingModuleFactory,
    TrainingProgrammeFactory,
)
from hanke.indicators.measures import measure_count, measure_counts
from hanke.indicators.models import Measure
from hanke.participants.models import Participant
from hanke.participants.tests.factories import ParticipantFactory, start_data
from hanke.projects.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db

L = Participant.LabourStatus
D = datetime.date


def at(day: D, hour=12) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(day.year, day.month, day.day, hour))


@pytest.fixture
def project():
    return ProjectFactory(start_date=D(2024, 1, 1), end_date=D(2026, 6, 30))


MARCH = D(2024, 3, 1)


def person(project, entered_on=MARCH, **kw):
    return ParticipantFactory(project=project, entered_on=entered_on, **kw)


def test_only_people_who_have_entered_by_the_date_count(project):
    person(project, D(2024, 3, 1))
    person(project, D(2024, 5, 1))
    person(project, None)  # registered, never attended
    ParticipantFactory(entered_on=D(2024, 3, 1))  # another project

    assert measure_count(project, Measure.PARTICIPANTS, until=D(2024, 2, 29)) == 0
    assert measure_count(project, Measure.PARTICIPANTS, until=D(2024, 3, 1)) == 1
    assert measure_count(project, Measure.PARTICIPANTS, until=D(2024, 12, 31)) == 2
    assert (
        measure_count(project, Measure.PARTICIPANTS, since=D(2024, 4, 1), until=D(2024, 12, 31))
        == 1
    )


def test_age_bands_and_labour_statuses(project):
    person(project, age_band="under_18", labour_status=L.INACTIVE)
    person(project, age_band="18_29", labour_status=L.UNEMPLOYED)
    person(project, age_band="18_29", labour_status=L.LONG_TERM_UNEMPLOYED)
    person(project, age_band="30_54", labour_status=L.EMPLOYED)
    person(project, age_band="55_plus", labour_status=L.EMPLOYED)

    counts = measure_counts(project, until=D(2024, 12, 31))

    assert counts[Measure.PARTICIPANTS] == 5
    assert counts[Measure.AGE_UNDER_18] == 1
    assert counts[Measure.AGE_18_29] == 2
    assert counts[Measure.AGE_55_PLUS] == 1
    assert counts[Measure.UNEMPLOYED] == 2  # includes the long-term unemployed
    assert counts[Measure.LONG_TERM_UNEMPLOYED] == 1
    assert counts[Measure.INACTIVE] == 1
    assert counts[Measure.EMPLOYED] == 2


def test_companies_are_different_business_ids_among_counted_people(project):
    person(project, business_id="0737510-4")
    person(project, business_id="0737510-4")
    person(project, business_id="2609164-1")
    person(project, business_id="")
    person(project, None, business_id="1572860-0")  # not entered: not counted

    assert measure_count(project, Measure.COMPANIES, until=D(2024, 12, 31)) == 2


def test_an_erased_person_still_counts(project):
    erased = person(project, business_id="0737510-4")
    Participant.objects.filter(pk=erased.pk).update(
        name="", email="", email_key="", business_id="", erased_at=timezone.now()
    )
    assert measure_count(project, Measure.PARTICIPANTS, until=D(2024, 12, 31)) == 1
    assert measure_count(project, Measure.COMPANIES, until=D(2024, 12, 31)) == 1


def test_teacher_training_counts_people_who_attended_one(project):
    training = EventFactory(
        project=project, event_type=Event.Type.TEACHER_TRAINING, starts_at=at(D(2024, 4, 10))
    )
    webinar = EventFactory(project=project, starts_at=at(D(2024, 4, 12)))
    teacher = person(project, D(2024, 4, 10))
    RegistrationFactory(participant=teacher, event=training, attended=True)
    RegistrationFactory(participant=teacher, event=webinar, attended=True)
    absent = person(project, D(2024, 4, 12))
    RegistrationFactory(participant=absent, event=training, attended=False)
    RegistrationFactory(participant=absent, event=webinar, attended=True)

    assert measure_count(project, Measure.TEACHER_TRAINING, until=D(2024, 4, 9)) == 0
    assert measure_count(project, Measure.TEACHER_TRAINING, until=D(2024, 12, 31)) == 1


def test_people_trained_completed_a_module_by_the_date(project):
    cohort = CohortFactory(
        module=TrainingModuleFactory(programme=TrainingProgrammeFactory(project=project)),
        starts_on=D(2024, 1, 15),
    )
    done, still = person(project, D(2024, 1, 15)), person(project, D(2024, 1, 15))
    for participant in (done, still):
        Registration.objects.create(
            cohort=cohort, participant=participant, status=Registration.Status.CONFIRMED
        )
    Registration.objects.filter(participant=done).update(completed_on=D(2024, 2, 25))

    assert measure_count(project, Measure.PEOPLE_TRAINED, until=D(2024, 2, 24)) == 0
    assert measure_count(project, Measure.PEOPLE_TRAINED, until=D(2024, 2, 25)) == 1
    assert measure_count(project, Measure.PARTICIPANTS, until=D(2024, 2, 25)) == 2


def test_a_measure_not_counted_from_the_data_has_no_number(project):
    assert measure_count(project, Measure.NONE) is None


def test_registrations_made_through_the_services_count_after_attendance(project, personas):
    event = EventFactory(
        project=project, registration_enabled=True, starts_at=at(D(2024, 5, 20), 9)
    )
    before = at(D(2024, 5, 1))
    for number, year in enumerate((2000, 1960)):
        registration_create(
            target=event,
            data=start_data(email=f"p{number}@example.fi", birth_year=year, business_id=""),
            now=before,
        )
    assert measure_count(project, Measure.PARTICIPANTS, until=D(2024, 12, 31)) == 0

    attendance_mark(
        user=personas.applicant,
        event=event,
        attended_ids=event.registrations.values_list("pk", flat=True),
    )
    counts = measure_counts(project, until=D(2024, 12, 31))
    assert counts[Measure.PARTICIPANTS] == 2
    assert counts[Measure.AGE_18_29] == 1  # born 2000, 24 in 2024
    assert counts[Measure.AGE_55_PLUS] == 1  # born 1960, 64 in 2024


def test_all_measures_take_at_most_two_queries_whatever_the_number_of_people(project):
    for number in range(30):
        person(project, business_id="0737510-4" if number % 2 else "")
    with CaptureQueriesContext(connection) as queries:
        counts = measure_counts(project, until=D(2024, 12, 31))
    assert len(queries) == 2
    assert counts[Measure.PARTICIPANTS] == 30
    assert counts[Measure.COMPANIES] == 1
