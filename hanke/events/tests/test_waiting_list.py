"""The waiting list: when a seat frees up it goes to the first in the queue, who gets an e-mail
with the .ics; the others move up; cancelling twice or leaving the queue frees no seat."""

import datetime

import pytest
from django.utils import timezone
from icalendar import Calendar

from hanke.events import services
from hanke.events.models import Registration
from hanke.events.tests.factories import EventFactory
from hanke.participants.tests.factories import start_data

pytestmark = pytest.mark.django_db


def in_days(days, hour=12):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


@pytest.fixture
def full_event(django_capture_on_commit_callbacks, mailoutbox):
    """Capacity 1: Aino has the seat, Bertta, Cecilia and Doris wait in that order."""
    event = EventFactory(
        title_en="Network workshop", starts_at=in_days(7), registration_enabled=True, capacity=1
    )
    people = {}
    for name in ("aino", "bertta", "cecilia", "doris"):
        with django_capture_on_commit_callbacks(execute=True):
            people[name] = services.registration_create(
                target=event,
                data=start_data(name=name.title(), email=f"{name}@example.fi"),
                language="en",
            ).registration
    mailoutbox.clear()
    return event, people


@pytest.fixture
def cancel(django_capture_on_commit_callbacks):
    def run(registration):
        with django_capture_on_commit_callbacks(execute=True):
            return services.registration_cancel(registration=registration)

    return run


def status(registration):
    registration.refresh_from_db()
    return registration.status


def test_a_freed_seat_goes_to_the_first_in_the_queue(full_event, cancel, mailoutbox):
    event, people = full_event
    assert [services.waiting_position(people[n]) for n in ("bertta", "cecilia", "doris")] == [
        1,
        2,
        3,
    ]
    assert cancel(people["aino"]) is True
    assert status(people["bertta"]) == Registration.Status.CONFIRMED
    assert people["bertta"].confirmed_at is not None
    assert status(people["cecilia"]) == Registration.Status.WAITING
    assert services.waiting_position(people["cecilia"]) == 1
    assert services.waiting_position(people["doris"]) == 2
    assert services.seats_left(event) == 0

    cancelled, promoted = sorted(mailoutbox, key=lambda m: m.to[0])
    assert cancelled.to == ["aino@example.fi"]
    assert cancelled.subject == "Registration cancelled: Network workshop"
    assert promoted.to == ["bertta@example.fi"]
    assert promoted.subject == ("A seat freed up: your registration is confirmed: Network workshop")
    assert services.cancel_url(people["bertta"]) in promoted.body
    ((_name, content, _type),) = promoted.attachments
    (vevent,) = Calendar.from_ical(content).walk("VEVENT")
    assert vevent.decoded("dtstart") == event.starts_at


def test_people_are_promoted_in_the_order_they_registered(full_event, cancel, mailoutbox):
    _event, people = full_event
    cancel(people["aino"])
    cancel(people["bertta"])
    cancel(people["cecilia"])
    promoted = [m.to[0] for m in mailoutbox if m.subject.startswith("A seat freed up")]
    assert promoted == ["bertta@example.fi", "cecilia@example.fi", "doris@example.fi"]
    assert status(people["doris"]) == Registration.Status.CONFIRMED


def test_leaving_the_queue_frees_no_seat_and_moves_the_others_up(full_event, cancel, mailoutbox):
    _event, people = full_event
    cancel(people["bertta"])
    assert status(people["aino"]) == Registration.Status.CONFIRMED
    assert status(people["cecilia"]) == Registration.Status.WAITING
    assert services.waiting_position(people["cecilia"]) == 1
    assert [m.to for m in mailoutbox] == [["bertta@example.fi"]]


def test_cancelling_twice_is_harmless(full_event, cancel, mailoutbox):
    _event, people = full_event
    assert cancel(people["aino"]) is True
    assert cancel(people["aino"]) is False
    assert status(people["bertta"]) == Registration.Status.CONFIRMED
    assert status(people["cecilia"]) == Registration.Status.WAITING
    assert len(mailoutbox) == 2  # one cancellation, one promotion


def test_more_seats_promote_as_many_people(full_event, django_capture_on_commit_callbacks):
    event, people = full_event
    event.capacity = 3
    event.save()
    with django_capture_on_commit_callbacks(execute=True):
        promoted = services.registration_promote(target=event)
    assert [r.pk for r in promoted] == [people["bertta"].pk, people["cecilia"].pk]
    assert status(people["doris"]) == Registration.Status.WAITING


def test_the_freed_seat_shows_on_the_event_page(full_event, cancel, client):
    event, people = full_event
    html = client.get(f"/en/events/{event.pk}/").content.decode()
    assert "Waiting list" in html and "3 people" in html
    cancel(people["aino"])
    html = client.get(f"/en/events/{event.pk}/").content.decode()
    assert "2 people" in html
