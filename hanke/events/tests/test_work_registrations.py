"""An event's registrations for the project staff and the funder's officer: confirmed, the
waiting list in queue order and cancelled, each viewing logged; staff may cancel a seat, which
goes to the first in the queue. The printable check-in list (and its PDF) of the confirmed
people, also logged."""

import io
import re

import pypdf
import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from hanke.events.models import Registration
from hanke.events.tests.factories import EventFactory
from hanke.participants.models import AccessLog
from hanke.participants.services import participant_erase

from .work_helpers import event_fixture, finnish_fixture, register, team_fixture  # noqa: F401

pytestmark = pytest.mark.django_db


def url(name, event, *args):
    return reverse(f"events_work:{name}", args=[event.project_id, event.pk, *args])


def text_of(response) -> str:
    html = response.content.decode().replace("\u00a0", " ")
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture
def people(event):
    """Two confirmed seats (one with a company), two in the queue and one cancelled."""
    return {
        "anna": register(
            event,
            name="Anna Aaltonen",
            email="anna@example.fi",
            company_name="Verkkopuoti Oy",
            business_id="0737510-4",
        ),
        "bertta": register(event, name="Bertta Björk", email="bertta@example.fi"),
        "cecilia": register(event, Registration.Status.WAITING, name="Cecilia Castrén"),
        "daniel": register(event, Registration.Status.WAITING, name="Daniel Dahl"),
        "eero": register(event, Registration.Status.CANCELLED, name="Eero Eskola"),
    }


def section(text, start, end=None):
    begin = text.index(start)
    return text[begin : text.index(end, begin) if end else None]


def test_the_page_shows_confirmed_waiting_and_cancelled_with_contact_details(
    client, team, event, people
):
    client.force_login(team.staff)
    with translation.override("en"):
        response = client.get(url("registrations", event))
    assert response.status_code == 200
    text = text_of(response)
    confirmed = section(text, "Confirmed registrations", "The waiting list in queue order")
    waiting = section(text, "The waiting list in queue order", "Cancelled registrations")
    cancelled = section(text, "Cancelled registrations, latest first")
    assert "Anna Aaltonen" in confirmed and "Bertta Björk" in confirmed
    assert "anna@example.fi" in confirmed and "Verkkopuoti Oy" in confirmed
    assert "0737510-4" in confirmed
    assert waiting.index("Cecilia Castrén") < waiting.index("Daniel Dahl")
    assert "Eero Eskola" in cancelled and "Anna Aaltonen" not in cancelled
    assert "Cancel the registration" in confirmed


def test_viewing_the_registrations_is_logged(client, team, event, people):
    client.force_login(team.officer)
    response = client.get(url("registrations", event))
    assert response.status_code == 200
    log = AccessLog.objects.get()
    assert log.action == AccessLog.Action.LIST
    assert log.user == team.officer
    assert log.project == team.project
    assert "Verkkokaupan tekoälytyökalut" in log.detail


def test_an_officer_sees_but_may_not_cancel(client, team, event, people):
    client.force_login(team.officer)
    page = client.get(url("registrations", event))
    assert "Anna Aaltonen" in text_of(page)
    assert url("registration_cancel", event, people["anna"].pk) not in page.content.decode()
    response = client.post(url("registration_cancel", event, people["anna"].pk))
    assert response.status_code == 403
    people["anna"].refresh_from_db()
    assert people["anna"].status == Registration.Status.CONFIRMED


def test_staff_cancel_a_seat_and_the_first_in_the_queue_gets_it(
    client, team, event, people, django_capture_on_commit_callbacks
):
    client.force_login(team.staff)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en" + url("registration_cancel", event, people["bertta"].pk)[3:])
    assert response.status_code == 302
    assert response["Location"].endswith(url("registrations", event)[3:])
    for reg in people.values():
        reg.refresh_from_db()
    cecilia_email = people["cecilia"].participant.email
    assert people["bertta"].status == Registration.Status.CANCELLED
    assert people["bertta"].cancelled_at is not None
    assert people["cecilia"].status == Registration.Status.CONFIRMED
    assert people["daniel"].status == Registration.Status.WAITING
    # E-mails to the cancelled person and to the promoted one.
    assert sorted(m.to[0] for m in mail.outbox) == sorted(["bertta@example.fi", cecilia_email])
    with translation.override("en"):
        page = client.get(response["Location"])
    assert "The registration of Bertta Björk was cancelled." in text_of(page)
    assert "Cecilia Castrén got the seat from the waiting list." in text_of(page)


def test_cancelling_twice_changes_nothing(client, team, event, people):
    client.force_login(team.staff)
    response = client.post("/en" + url("registration_cancel", event, people["eero"].pk)[3:])
    assert response.status_code == 302
    with translation.override("en"):
        page = client.get(response["Location"])
    assert "The registration had already been cancelled." in text_of(page)
    people["cecilia"].refresh_from_db()
    assert people["cecilia"].status == Registration.Status.WAITING


def test_cancelling_needs_a_post_and_a_registration_of_this_event(client, team, event, people):
    client.force_login(team.staff)
    assert client.get(url("registration_cancel", event, people["anna"].pk)).status_code == 405
    other = EventFactory(project=team.project)
    assert client.post(url("registration_cancel", other, people["anna"].pk)).status_code == 404
    people["anna"].refresh_from_db()
    assert people["anna"].status == Registration.Status.CONFIRMED


def test_an_erased_person_is_shown_without_a_name(client, team, event, people):
    participant_erase(user=team.staff, participant=people["anna"].participant)
    client.force_login(team.staff)
    with translation.override("en"):
        response = client.get(url("registrations", event))
    assert "(erased)" in text_of(response)
    assert "Anna Aaltonen" not in text_of(response)


# --- The check-in list -------------------------------------------------------------------------


def test_the_check_in_list_has_the_confirmed_people_and_a_signature_column(
    client, team, event, people
):
    client.force_login(team.staff)
    with translation.override("en"):
        response = client.get(url("check_in", event))
    assert response.status_code == 200
    text = text_of(response)
    table = section(text, "2 confirmed registrations")
    assert table.index("Anna Aaltonen") < table.index("Bertta Björk")  # by name
    assert "Verkkopuoti Oy" in table and "Signature" in table
    assert "Cecilia Castrén" not in text and "Eero Eskola" not in text
    assert "anna@example.fi" not in text  # no more personal data than needed
    assert "5 Mar 2024, 13:00–15:00" in text
    assert "events/work.css" in response.content.decode()  # the print style


def test_printing_the_check_in_list_is_logged(client, team, event, people):
    client.force_login(team.officer)
    assert client.get(url("check_in", event)).status_code == 200
    log = AccessLog.objects.get()
    assert (log.action, log.user, log.project) == (
        AccessLog.Action.CHECK_IN,
        team.officer,
        team.project,
    )


def test_the_check_in_list_as_a_pdf(client, team, event, people):
    client.force_login(team.staff)
    response = client.get(url("check_in_pdf", event))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pypdf.PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert "Anna Aaltonen" in text and "Bertta Björk" in text
    assert "Verkkopuoti Oy" in text
    assert "Cecilia Castrén" not in text
    assert AccessLog.objects.get().action == AccessLog.Action.CHECK_IN
