"""Cancelling by the signed link in the e-mail: the link shows the registration and a button,
only the button cancels, a damaged or forged link gets a friendly page, and a cancelled
registration says so."""

import datetime
from urllib.parse import urlsplit

import pytest
from django.core import signing
from django.utils import timezone

from hanke.events import services
from hanke.events.models import Registration
from hanke.events.tests.factories import CohortFactory, EventFactory, RegistrationFactory
from hanke.participants.tests.factories import ParticipantFactory

pytestmark = pytest.mark.django_db


def in_days(days, hour=12):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


@pytest.fixture
def registration():
    event = EventFactory(
        title_en="E-commerce workshop", starts_at=in_days(10), registration_enabled=True
    )
    return RegistrationFactory(
        event=event,
        participant=ParticipantFactory(project=event.project, name="Maija Meikäläinen"),
        language="en",
    )


def link(registration):
    return f"/en/events/registration/{services.registration_token(registration)}/"


def test_the_link_shows_the_registration_and_does_not_cancel(read_page, registration):
    page = read_page(link(registration))
    assert "E-commerce workshop" in page.text
    assert "Maija Meikäläinen" in page.text
    assert "Status Confirmed" in page.text
    assert ">Cancel my registration</button>" in page.html
    assert 'method="post"' in page.html
    assert page.response["Cache-Control"].startswith("max-age=0")
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED


def test_the_button_cancels_and_confirms_it(
    client, registration, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(link(registration))
    assert response.status_code == 200
    assert "Registration cancelled" in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CANCELLED
    assert registration.cancelled_at is not None
    (mail,) = mailoutbox
    assert mail.subject == "Registration cancelled: E-commerce workshop"


def test_a_waiting_person_leaves_the_waiting_list(client, read_page, registration):
    waiting = RegistrationFactory(
        event=registration.event,
        participant=ParticipantFactory(project=registration.event.project),
        status=Registration.Status.WAITING,
        confirmed_at=None,
    )
    page = read_page(link(waiting))
    assert "Status On the waiting list" in page.text
    assert ">Leave the waiting list</button>" in page.html
    client.post(link(waiting))
    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.CANCELLED


def test_an_already_cancelled_registration_says_so_and_posting_again_is_harmless(
    client, read_page, registration, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(link(registration))
    registration.refresh_from_db()
    cancelled_at = registration.cancelled_at
    page = read_page(link(registration))
    assert "This registration has already been cancelled." in page.text
    assert "<button" not in page.html.split("<main", 1)[1]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(link(registration))
    assert response.status_code == 200
    assert "already been cancelled" in response.content.decode()
    registration.refresh_from_db()
    assert registration.cancelled_at == cancelled_at
    assert len(mailoutbox) == 1


@pytest.mark.parametrize(
    "token",
    [
        "nonsense",
        "MQ:1abcde:forgedsignature",
        signing.dumps(1, salt="another.salt"),
        signing.dumps("1", salt=services.TOKEN_SALT),
        signing.dumps(999999, salt=services.TOKEN_SALT),
    ],
)
def test_bad_or_forged_links_get_a_friendly_not_found_page(client, registration, token):
    for method in (client.get, client.post):
        response = method(f"/en/events/registration/{token}/")
        assert response.status_code == 404
        html = response.content.decode()
        assert "This link does not work" in html
        assert "Browse the events" in html
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED


def test_a_token_cut_short_does_not_work(client, registration):
    token = services.registration_token(registration)
    assert client.get(f"/en/events/registration/{token[:-3]}/").status_code == 404


def test_after_the_event_has_started_the_link_no_longer_cancels(client, read_page):
    event = EventFactory(starts_at=in_days(-1))
    registration = RegistrationFactory(
        event=event, participant=ParticipantFactory(project=event.project), attended=True
    )
    page = read_page(link(registration))
    assert "The event has already started" in page.text
    assert "<button" not in page.html.split("<main", 1)[1]
    client.post(link(registration))
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED
    assert registration.attended


def test_a_training_enrolment_is_cancelled_before_the_cohort_starts_only(client, read_page):
    today = timezone.localdate()
    future = CohortFactory(starts_on=today + datetime.timedelta(days=5), ends_on=None)
    started = CohortFactory(starts_on=today - datetime.timedelta(days=5), ends_on=None)
    enrolments = {}
    for name, cohort in (("future", future), ("started", started)):
        enrolments[name] = Registration.objects.create(
            cohort=cohort,
            participant=ParticipantFactory(project=cohort.module.programme.project),
            status=Registration.Status.CONFIRMED,
            confirmed_at=timezone.now(),
            language="en",
        )
    assert "The training has already started" in read_page(link(enrolments["started"])).text
    client.post(link(enrolments["started"]))
    client.post(link(enrolments["future"]))
    for reg in enrolments.values():
        reg.refresh_from_db()
    assert enrolments["started"].status == Registration.Status.CONFIRMED
    assert enrolments["future"].status == Registration.Status.CANCELLED


def test_the_link_works_in_the_language_it_was_sent_in(read_page, registration):
    registration.language = "fi"
    registration.save()
    url = services.cancel_url(registration)
    assert "/fi/events/registration/" in url
    page = read_page(urlsplit(url).path)
    assert '<html lang="fi">' in page.html
