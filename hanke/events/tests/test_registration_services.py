"""Registering: a seat while there are seats, the waiting list after, one registration per
person (the same e-mail address in any case), closed registration refused, and the e-mails: the
confirmation with the event's .ics and the cancel link, the waiting-list notice."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from icalendar import Calendar

from hanke.events import services
from hanke.events.models import Registration
from hanke.events.tests.factories import CohortFactory, EventFactory
from hanke.participants.models import Participant
from hanke.participants.tests.factories import start_data

pytestmark = pytest.mark.django_db


def in_days(days, hour=12):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


@pytest.fixture
def event():
    return EventFactory(
        title_fi="Verkkokaupan työpaja",
        title_en="E-commerce workshop",
        starts_at=in_days(14),
        registration_enabled=True,
        capacity=2,
    )


@pytest.fixture
def register(django_capture_on_commit_callbacks):
    """Register through the service and send the e-mails the commit would send."""

    def create(target, language="fi", **data):
        with django_capture_on_commit_callbacks(execute=True):
            return services.registration_create(
                target=target, data=start_data(**data), language=language
            )

    return create


def person(n):
    return {"name": f"Henkilö {n}", "email": f"henkilo{n}@example.fi"}


def test_seats_are_confirmed_until_full_then_the_waiting_list_in_order(event, register):
    first = register(event, **person(1))
    second = register(event, **person(2))
    third = register(event, **person(3))
    fourth = register(event, **person(4))
    assert first.created and second.created and third.created and fourth.created
    assert first.registration.status == Registration.Status.CONFIRMED
    assert second.registration.status == Registration.Status.CONFIRMED
    assert third.registration.status == Registration.Status.WAITING
    assert fourth.registration.status == Registration.Status.WAITING
    assert first.waiting_position is None
    assert third.waiting_position == 1
    assert fourth.waiting_position == 2
    assert services.seats_left(event) == 0


def test_no_capacity_means_no_limit(register):
    event = EventFactory(starts_at=in_days(3), registration_enabled=True, capacity=None)
    outcomes = [register(event, **person(n)) for n in range(5)]
    assert {o.registration.status for o in outcomes} == {Registration.Status.CONFIRMED}
    assert services.seats_left(event) is None


def test_the_same_email_twice_gives_the_first_registration_back(event, register):
    first = register(event, **person(1))
    again = register(event, name="Henkilö Yksi", email="HENKILO1@Example.FI ")
    assert again.already_registered and not again.created
    assert again.registration.pk == first.registration.pk
    assert Registration.objects.count() == 1
    assert Participant.objects.count() == 1


def test_a_person_may_register_again_after_cancelling(event, register):
    first = register(event, **person(1))
    services.registration_cancel(registration=first.registration)
    again = register(event, **person(1))
    assert again.created
    assert again.registration.status == Registration.Status.CONFIRMED
    assert Participant.objects.count() == 1


def test_one_person_is_one_participant_across_events_of_a_project(event, register):
    other = EventFactory(project=event.project, starts_at=in_days(20), registration_enabled=True)
    register(event, **person(1))
    register(other, **person(1))
    assert Participant.objects.count() == 1
    assert Registration.objects.count() == 2


@pytest.mark.parametrize(
    "window",
    [
        {"registration_enabled": False},
        {"registration_closes_at": "past"},
        {"registration_opens_at": "future"},
        {"starts_at": "past"},
    ],
)
def test_closed_registration_is_refused(register, window):
    values = {"registration_enabled": True, "starts_at": in_days(14)}
    for key, value in window.items():
        values[key] = {"past": in_days(-1), "future": in_days(3)}.get(value, value)
    event = EventFactory(**values)
    with translation.override("en"), pytest.raises(ValidationError) as error:
        register(event, **person(1))
    assert error.value.messages == ["Registration is closed."]
    assert Registration.objects.count() == 0
    assert Participant.objects.count() == 0


def test_confirmation_email_has_the_ics_and_the_cancel_link(event, register, mailoutbox):
    outcome = register(event, language="en", **person(1))
    (mail,) = mailoutbox
    assert mail.to == ["henkilo1@example.fi"]
    assert mail.subject == "Registration confirmed: E-commerce workshop"
    assert "Your registration is confirmed." in mail.body
    assert services.cancel_url(outcome.registration) in mail.body
    assert "/en/events/registration/" in services.cancel_url(outcome.registration)
    ((filename, content, mimetype),) = mail.attachments
    assert filename == "event.ics"
    assert mimetype.startswith("text/calendar")
    cal = Calendar.from_ical(content)
    (vevent,) = cal.walk("VEVENT")
    assert str(vevent["summary"]) == "E-commerce workshop"
    assert vevent.decoded("dtstart") == event.starts_at
    assert str(vevent["uid"]).startswith(f"event-{event.pk}@")


def test_confirmation_in_the_language_of_the_form(event, register, mailoutbox):
    register(event, language="fi", **person(1))
    (mail,) = mailoutbox
    assert "Verkkokaupan työpaja" in mail.subject
    assert "/fi/events/registration/" in mail.body


def test_waiting_list_email_gives_the_position_and_the_link_to_leave(event, register, mailoutbox):
    register(event, **person(1))
    register(event, **person(2))
    mailoutbox.clear()
    outcome = register(event, language="en", **person(3))
    (mail,) = mailoutbox
    assert mail.subject == "On the waiting list: E-commerce workshop"
    assert "number 1 in the queue" in mail.body
    assert services.cancel_url(outcome.registration) in mail.body
    assert mail.attachments == []


def test_no_email_for_an_already_registered_person(event, register, mailoutbox):
    register(event, **person(1))
    mailoutbox.clear()
    register(event, **person(1))
    assert mailoutbox == []


def test_cohort_enrolment_email_has_an_all_day_ics(register, mailoutbox):
    cohort = CohortFactory(
        starts_on=timezone.localdate() + datetime.timedelta(days=30),
        ends_on=timezone.localdate() + datetime.timedelta(days=72),
        registration_enabled=True,
    )
    register(cohort, **person(1))
    (mail,) = mailoutbox
    ((_name, content, _type),) = mail.attachments
    (vevent,) = Calendar.from_ical(content).walk("VEVENT")
    assert vevent.decoded("dtstart") == cohort.starts_on
    assert vevent.decoded("dtend") == cohort.ends_on + datetime.timedelta(days=1)


# Through the page --------------------------------------------------------------------------------


def form_data(**overrides):
    data = {
        "name": "Maija Meikäläinen",
        "email": "maija@example.fi",
        "labour_status": "employed",
        "birth_year": "1990",
        "gender": "woman",
        "education": "isced_5_8",
        "consent": "on",
    }
    data.update(overrides)
    return data


@pytest.fixture
def submit(client, django_capture_on_commit_callbacks):
    def post(event, **overrides):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(f"/en/events/{event.pk}/register/", form_data(**overrides))
        assert response.status_code == 200
        return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))

    return post


def test_pages_say_confirmed_waiting_and_already_registered(event, submit, mailoutbox):
    assert "Registration confirmed" in submit(event, email="a@example.fi")
    assert "Registration confirmed" in submit(event, email="b@example.fi")
    waiting = submit(event, email="c@example.fi")
    assert "You are on the waiting list" in waiting
    assert "number 1 in the queue" in waiting
    assert "number 2 in the queue" in submit(event, email="d@example.fi")
    mails = len(mailoutbox)
    again = submit(event, email="A@Example.fi")
    assert "You are already registered" in again
    assert "we did not register it again" in again
    assert "Registration confirmed" not in again
    assert Registration.objects.filter(event=event).count() == 4
    assert len(mailoutbox) == mails


def test_already_registered_page_does_not_tell_the_status_of_the_registration(event, submit):
    for n in range(3):
        submit(event, email=f"p{n}@example.fi")
    page = submit(event, email="p2@example.fi")
    assert "You are already registered" in page
    assert "waiting list" not in page.split("You are already registered")[1].split("Event")[0]
