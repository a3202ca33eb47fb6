"""Registrations submitted at the same moment: the same person twice gets one registration, and
two people racing for the last seat get one seat and one place in the queue.

PostgreSQL only: there the two requests really run side by side, each in its own connection and
transaction, and the lock on the event row is what keeps them apart. SQLite lets one writer at a
time hold the whole database, so the race the test is about cannot happen there."""

import datetime
import threading

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.utils import timezone

from hanke.events.models import Registration
from hanke.events.tests.factories import EventFactory
from hanke.participants.models import Participant

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        "postgresql" not in settings.DATABASES["default"]["ENGINE"],
        reason="Needs PostgreSQL (DATABASE_URL): SQLite runs one writer at a time, so "
        "concurrent registrations cannot race there.",
    ),
]

ROUNDS = 5


def form_data(email, name="Maija Meikäläinen"):
    return {
        "name": name,
        "email": email,
        "labour_status": "employed",
        "birth_year": "1990",
        "gender": "woman",
        "education": "isced_5_8",
        "consent": "on",
    }


def submit_together(url, payloads):
    """POST each payload from its own thread (own client, own database connection), released
    at the same moment. Returns the status codes; re-raises any thread's error."""
    barrier = threading.Barrier(len(payloads))
    results, errors = [None] * len(payloads), []

    def run(index, data):
        try:
            client = Client()
            barrier.wait(timeout=30)
            results[index] = client.post(url, data).status_code
        except Exception as exc:  # noqa: BLE001 - reported to the test below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, d)) for i, d in enumerate(payloads)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    if errors:
        raise errors[0]
    return results


def future_event(**kwargs):
    start = timezone.now() + datetime.timedelta(days=7)
    return EventFactory(starts_at=start, registration_enabled=True, **kwargs)


def test_the_same_person_submitting_twice_at_once_is_registered_once():
    for n in range(ROUNDS):
        event = future_event(capacity=10)
        email = f"maija{n}@example.fi"
        codes = submit_together(
            f"/en/events/{event.pk}/register/",
            [form_data(email), form_data(email.upper())],
        )
        assert codes == [200, 200]
        assert Registration.objects.filter(event=event).count() == 1
        assert Participant.objects.filter(project=event.project, email_key=email).count() == 1


def test_two_people_racing_for_the_last_seat_get_one_seat_and_one_queue_place():
    for n in range(ROUNDS):
        event = future_event(capacity=1)
        codes = submit_together(
            f"/en/events/{event.pk}/register/",
            [
                form_data(f"aino{n}@example.fi", "Aino"),
                form_data(f"bertta{n}@example.fi", "Bertta"),
            ],
        )
        assert codes == [200, 200]
        statuses = sorted(Registration.objects.filter(event=event).values_list("status", flat=True))
        assert statuses == [Registration.Status.CONFIRMED, Registration.Status.WAITING]
