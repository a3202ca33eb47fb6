"""Registering for an event in Chromium: the first person gets the last seat and a confirmation
with a valid .ics, the second lands on the waiting list, the first cancels by the link in the
e-mail and the second is promoted and told so. axe finds no serious violations on the event page,
the registration form (empty and with errors) and the calendar."""

import datetime
import re

import pytest
from django.core import mail
from icalendar import Calendar

from tests.e2e.test_accessibility import serious_violations

pytestmark = pytest.mark.browser


@pytest.fixture
def event_site(live_server, transactional_db, settings):
    """A public project's workshop with one seat, open for registration. The e-mails link to the
    live server (the server runs in this process, with the locmem e-mail backend)."""
    from django.utils import timezone

    from hanke.events.tests.factories import EventFactory, EventSpeakerFactory, SpeakerFactory
    from hanke.projects.tests.factories import ProjectFactory, ThemeFactory

    settings.SITE_URL = live_server.url
    project = ProjectFactory(name_fi="Tekoälyä verkkokauppaan", name_en="AI for online shops")
    start = (timezone.now() + datetime.timedelta(days=14)).replace(
        hour=10, minute=0, second=0, microsecond=0
    )
    event = EventFactory(
        project=project,
        title_fi="Verkkokaupan työpaja",
        title_en="E-commerce workshop",
        description_en="Hands-on work on your own online shop.",
        event_type="workshop",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=3),
        is_online=True,
        online_url="https://teams.example.fi/workshop",
        language="en",
        capacity=1,
        registration_enabled=True,
    )
    event.themes.add(ThemeFactory(name_fi="Verkkokauppa", name_en="E-commerce"))
    EventSpeakerFactory(
        event=event,
        speaker=SpeakerFactory(name="Maija Meikäläinen", organisation_name="Oamk"),
        is_keynote=True,
        topic_en="Product data",
    )
    mail.outbox.clear()
    return live_server.url, event


def register(page, base, event, *, name, email):
    page.goto(f"{base}/en/events/{event.pk}/register/")
    page.fill("#id_name", name)
    page.fill("#id_email", email)
    page.get_by_label("Employed, incl. self-employed").check()
    page.fill("#id_birth_year", "1990")
    page.get_by_label("Woman").check()
    page.get_by_label("Tertiary (ISCED 5–8)").check()
    page.locator("#id_consent").check()
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()


def mail_to(address, subject_start):
    found = [m for m in mail.outbox if m.to == [address] and m.subject.startswith(subject_start)]
    assert len(found) == 1, [(m.to, m.subject) for m in mail.outbox]
    return found[0]


def ics_of(message):
    ((filename, content, _mimetype),) = message.attachments
    assert filename == "event.ics"
    (vevent,) = Calendar.from_ical(content).walk("VEVENT")
    return vevent


def cancel_link(message):
    return re.search(r"https?://\S+/events/registration/\S+/", message.body).group(0)


def test_register_wait_cancel_and_promote(event_site, page):
    from hanke.events.models import Registration

    base, event = event_site

    # The event page, and the form with its errors, pass axe.
    page.goto(f"{base}/en/events/{event.pk}/")
    assert page.locator("h1").inner_text() == "E-commerce workshop"
    assert serious_violations(page) == []
    page.get_by_role("link", name="Register", exact=True).click()
    page.wait_for_url(f"**/en/events/{event.pk}/register/")
    assert serious_violations(page) == []
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator(".error-summary").is_visible()
    assert "You can register only if you agree to this." in page.locator("main").inner_text()
    assert serious_violations(page) == []
    assert Registration.objects.count() == 0

    # Aino takes the only seat and gets the confirmation with a valid .ics.
    register(page, base, event, name="Aino Ahola", email="aino@example.fi")
    assert page.locator("h1").inner_text() == "Registration confirmed"
    confirmation = mail_to("aino@example.fi", "Registration confirmed")
    vevent = ics_of(confirmation)
    assert str(vevent["summary"]) == "E-commerce workshop"
    assert vevent.decoded("dtstart") == event.starts_at
    assert vevent.decoded("dtend") == event.ends_at
    assert str(vevent["url"]) == f"{base}/en/events/{event.pk}/"

    # Bertta finds it full and joins the waiting list.
    page.goto(f"{base}/en/events/{event.pk}/")
    assert "It is full." in page.locator("main").inner_text()
    register(page, base, event, name="Bertta Berg", email="bertta@example.fi")
    assert page.locator("h1").inner_text() == "You are on the waiting list"
    assert "number 1 in the queue" in page.locator("main").inner_text()
    waiting = mail_to("bertta@example.fi", "On the waiting list")
    assert waiting.attachments == []

    # Aino opens the link in her e-mail: nothing happens until she presses the button.
    page.goto(cancel_link(confirmation))
    assert "E-commerce workshop" in page.locator("main").inner_text()
    assert Registration.objects.get(participant__email="aino@example.fi").status == "confirmed"
    page.get_by_role("button", name="Cancel my registration").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Registration cancelled"

    # Bertta has the seat now, and an e-mail saying so with the .ics.
    aino = Registration.objects.get(participant__email="aino@example.fi")
    bertta = Registration.objects.get(participant__email="bertta@example.fi")
    assert aino.status == Registration.Status.CANCELLED
    assert bertta.status == Registration.Status.CONFIRMED
    promoted = mail_to("bertta@example.fi", "A seat freed up")
    assert str(ics_of(promoted)["summary"]) == "E-commerce workshop"
    mail_to("aino@example.fi", "Registration cancelled")

    # Bertta's own link shows her confirmed seat; the event page shows no seats left.
    page.goto(cancel_link(promoted))
    assert "Status Confirmed" in re.sub(r"\s+", " ", page.locator("main").inner_text())
    page.goto(f"{base}/en/events/{event.pk}/")
    assert "0 of 1 left" in page.locator("main").inner_text()

    # The calendar lists it and passes axe too.
    page.goto(f"{base}/en/events/")
    assert page.get_by_role("link", name="E-commerce workshop").count() == 1
    assert serious_violations(page) == []
