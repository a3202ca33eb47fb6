import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from hanke.events.models import (
    Cohort,
    Event,
    EventSpeaker,
    Registration,
    Speaker,
    TrainingModule,
    TrainingProgramme,
)
from hanke.projects.tests.factories import ProjectFactory


class SpeakerFactory(DjangoModelFactory):
    class Meta:
        model = Speaker

    name = factory.Sequence(lambda n: f"Puhuja {n}")


class EventFactory(DjangoModelFactory):
    class Meta:
        model = Event

    project = factory.SubFactory(ProjectFactory)
    title_fi = factory.Sequence(lambda n: f"Tapahtuma {n}")
    event_type = Event.Type.WEBINAR
    original_language = "fi"
    starts_at = factory.LazyFunction(
        lambda: timezone.make_aware(datetime.datetime(2024, 3, 5, 13, 0))
    )
    is_online = True


class EventSpeakerFactory(DjangoModelFactory):
    class Meta:
        model = EventSpeaker

    event = factory.SubFactory(EventFactory)
    speaker = factory.SubFactory(SpeakerFactory)
    is_keynote = True


class TrainingProgrammeFactory(DjangoModelFactory):
    class Meta:
        model = TrainingProgramme

    project = factory.SubFactory(ProjectFactory)
    name_fi = factory.Sequence(lambda n: f"Koulutus {n}")
    original_language = "fi"


class TrainingModuleFactory(DjangoModelFactory):
    class Meta:
        model = TrainingModule

    programme = factory.SubFactory(TrainingProgrammeFactory)
    number = factory.Sequence(lambda n: n + 1)
    name_fi = factory.Sequence(lambda n: f"Moduuli {n}")
    credits = 5
    duration_weeks = 6
    online_theory = True
    contact_workshops = 2


class CohortFactory(DjangoModelFactory):
    class Meta:
        model = Cohort

    module = factory.SubFactory(TrainingModuleFactory)
    year = 2024
    starts_on = datetime.date(2024, 1, 15)
    ends_on = datetime.date(2024, 2, 25)


class RegistrationFactory(DjangoModelFactory):
    """A confirmed seat at an event of the participant's project."""

    class Meta:
        model = Registration

    participant = factory.SubFactory("hanke.participants.tests.factories.ParticipantFactory")
    event = factory.SubFactory(EventFactory, project=factory.SelfAttribute("..participant.project"))
    status = Registration.Status.CONFIRMED
    confirmed_at = factory.LazyFunction(timezone.now)
