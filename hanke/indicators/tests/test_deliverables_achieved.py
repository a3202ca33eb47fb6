"""A deliverable's achieved count comes from the records: published items, events held, modules
run, people trained, different participants of its work package. Nobody types it in."""

import datetime

import pytest
from django.utils import timezone

from hanke.events.models import Event, Registration
from hanke.events.tests.factories import (
    CohortFactory,
    EventFactory,
    RegistrationFactory,
    TrainingModuleFactory,
    TrainingProgrammeFactory,
)
from hanke.indicators.measures import deliverables_achieved
from hanke.indicators.selectors import Progress, deliverable_target
from hanke.participants.tests.factories import ParticipantFactory
from hanke.projects.models import Deliverable, Publication
from hanke.projects.tests.factories import DeliverableFactory, ProjectFactory, WorkPackageFactory

pytestmark = pytest.mark.django_db

D = datetime.date
T = Deliverable.Type
Q = Deliverable.Qualifier
UNTIL = D(2025, 6, 30)


def at(day: D) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(day.year, day.month, day.day, 10))


@pytest.fixture
def project():
    return ProjectFactory()


def deliverable(project, kind, wp=None, qualifier=Q.AT_LEAST, minimum=1, maximum=None):
    return DeliverableFactory(
        project=project,
        work_package=wp,
        deliverable_type=kind,
        target_qualifier=qualifier,
        target_min=minimum,
        target_max=maximum,
    )


def test_publications_count_when_published_by_the_date(project):
    blogs = deliverable(project, T.BLOG_POST, qualifier=Q.RANGE, minimum=25, maximum=30)
    workbook = deliverable(project, T.WORKBOOK, qualifier=Q.EXACTLY)
    for day in (D(2024, 5, 1), D(2024, 6, 1), D(2025, 8, 1)):
        Publication.objects.create(
            project=project, deliverable=blogs, title="Blogi", published_on=day
        )
    Publication.objects.create(project=project, title="Ei tuotokseen", published_on=D(2024, 1, 1))

    achieved = deliverables_achieved(project, until=UNTIL)

    assert achieved[blogs.pk] == 2
    assert achieved[workbook.pk] == 0


def test_events_of_the_work_package_that_have_taken_place(project):
    wp2, wp4 = WorkPackageFactory(project=project), WorkPackageFactory(project=project)
    events = deliverable(project, T.EVENT, wp2, minimum=15)
    sessions = deliverable(
        project, T.TRAINING_SESSION, wp4, qualifier=Q.RANGE, minimum=10, maximum=15
    )
    all_events = deliverable(project, T.EVENT)
    EventFactory(project=project, work_package=wp2, starts_at=at(D(2024, 3, 1)))
    EventFactory(project=project, work_package=wp2, starts_at=at(D(2025, 9, 1)))  # after the date
    EventFactory(project=project, work_package=wp2, starts_at=None, timing="Kevät 2026")
    for day in (D(2024, 4, 1), D(2024, 9, 1)):
        EventFactory(
            project=project,
            work_package=wp4,
            event_type=Event.Type.TEACHER_TRAINING,
            starts_at=at(day),
        )
    EventFactory(starts_at=at(D(2024, 3, 1)))  # another project

    achieved = deliverables_achieved(project, until=UNTIL)

    assert achieved[events.pk] == 1
    assert achieved[sessions.pk] == 2
    assert achieved[all_events.pk] == 3


def test_modules_people_trained_and_participants_of_the_work_package(project):
    wp1, wp2 = WorkPackageFactory(project=project), WorkPackageFactory(project=project)
    modules = deliverable(project, T.TRAINING_MODULE, wp1, qualifier=Q.EXACTLY, minimum=5)
    trained = deliverable(project, T.PEOPLE_TRAINED, wp1, minimum=100)
    wp1_people = deliverable(project, T.PARTICIPANTS, wp1, qualifier=Q.ABOUT, minimum=100)
    wp2_people = deliverable(project, T.PARTICIPANTS, wp2, qualifier=Q.ABOUT, minimum=100)
    everyone = deliverable(project, T.PARTICIPANTS, minimum=170)

    programme = TrainingProgrammeFactory(project=project, work_package=wp1)
    first, second, third = (TrainingModuleFactory(programme=programme) for _ in range(3))
    run_2024 = CohortFactory(module=first, starts_on=D(2024, 1, 15), ends_on=D(2024, 2, 25))
    run_2025 = CohortFactory(
        module=first, year=2025, starts_on=D(2025, 1, 13), ends_on=D(2025, 2, 23)
    )
    CohortFactory(module=second, starts_on=D(2024, 3, 4), ends_on=D(2024, 4, 14))
    CohortFactory(module=third, year=2026, starts_on=D(2026, 3, 2), ends_on=D(2026, 4, 12))

    anna, ben, cai = (ParticipantFactory(project=project) for _ in range(3))
    for participant, cohort in ((anna, run_2024), (anna, run_2025), (ben, run_2024)):
        Registration.objects.create(
            cohort=cohort, participant=participant, status=Registration.Status.CONFIRMED
        )
    Registration.objects.filter(participant=anna).update(completed_on=D(2024, 2, 25))
    Registration.objects.create(
        cohort=run_2025, participant=cai, status=Registration.Status.WAITING
    )
    event = EventFactory(project=project, work_package=wp2, starts_at=at(D(2024, 5, 1)))
    RegistrationFactory(participant=anna, event=event, attended=True)
    RegistrationFactory(participant=cai, event=event, attended=True)

    achieved = deliverables_achieved(project, until=UNTIL)

    assert achieved[modules.pk] == 2  # the 2026 module has not started
    assert achieved[trained.pk] == 1  # anna, once although she completed two runs
    assert achieved[wp1_people.pk] == 2  # anna and ben enrolled; cai only waits
    assert achieved[wp2_people.pk] == 2  # anna and cai attended
    assert achieved[everyone.pk] == 3  # each person once


@pytest.mark.parametrize(
    ("qualifier", "minimum", "maximum", "achieved", "reached"),
    [
        (Q.EXACTLY, 5, None, 4, False),
        (Q.EXACTLY, 5, None, 5, True),
        (Q.AT_LEAST, 100, None, 99, False),
        (Q.AT_LEAST, 100, None, 130, True),
        (Q.ABOUT, 100, None, 100, True),
        (Q.RANGE, 25, 30, 24, False),
        (Q.RANGE, 25, 30, 25, True),
        (Q.RANGE, 25, 30, 31, True),
    ],
)
def test_a_target_is_reached_at_its_number_and_a_range_at_its_minimum(
    project, qualifier, minimum, maximum, achieved, reached
):
    item = deliverable(project, T.BLOG_POST, qualifier=qualifier, minimum=minimum, maximum=maximum)
    progress = Progress(deliverable_target(item), achieved)
    assert progress.reached is reached
    assert progress.bar_value <= progress.bar_max


def test_the_percentage_is_exact_while_the_bar_stops_at_the_target():
    progress = Progress(100, 130)
    assert str(progress.percent) == "130.00"
    assert progress.bar_value == progress.bar_max == 100


def test_no_numeric_target_has_no_bar(project):
    item = deliverable(project, T.VIDEO, qualifier=Q.NONE, minimum=None)
    progress = Progress(deliverable_target(item), 3)
    assert progress.bar_max is None and progress.percent is None and not progress.reached
