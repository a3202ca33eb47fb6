import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from hanke.events.models import Event, EventSpeaker, Speaker
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
