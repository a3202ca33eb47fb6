"""Project staff mark who attended an event: ticking a confirmed registration sets it attended
and the person enters the project on the day of the event; unticking undoes both. Only
confirmed registrations of the event can be ticked, and only once the event has a start time;
a refused save changes nothing."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import translation

from hanke.events.models import Registration
from hanke.events.tests.factories import EventFactory
from hanke.participants.models import AccessLog

from .work_helpers import event_fixture, finnish_fixture, register, team_fixture  # noqa: F401

pytestmark = pytest.mark.django_db


def url(event, lang="fi"):
    with translation.override(lang):
        return reverse("events_work:attendance", args=[event.project_id, event.pk])


def text_of(response) -> str:
    html = response.content.decode().replace("\u00a0", " ")
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture
def seats(event):
    return [
        register(event, name="Anna Aaltonen"),
        register(event, name="Bertta Björk"),
        register(event, Registration.Status.WAITING, name="Cecilia Castrén"),
    ]


def test_the_form_lists_the_confirmed_people_with_a_labelled_checkbox_each(
    client, team, event, seats
):
    anna, bertta, cecilia = seats
    client.force_login(team.staff)
    response = client.get(url(event))
    assert response.status_code == 200
    html = response.content.decode()
    for reg in (anna, bertta):
        assert f'id="attended-{reg.pk}"' in html
        assert f'<label for="attended-{reg.pk}">' in html
    assert f'value="{cecilia.pk}"' not in html
    assert "Cecilia Castrén" not in html
    assert AccessLog.objects.filter(action=AccessLog.Action.LIST).count() == 1


def test_marking_attendance_records_it_and_the_entry_into_the_project(client, team, event, seats):
    anna, bertta, _ = seats
    client.force_login(team.staff)
    response = client.post(url(event, "en"), {"attended": [str(anna.pk)]})
    assert response.status_code == 302
    anna.refresh_from_db()
    bertta.refresh_from_db()
    assert anna.attended and not bertta.attended
    assert anna.participant.entered_on == datetime.date(2024, 3, 5)
    assert bertta.participant.entered_on is None
    log = AccessLog.objects.get(action=AccessLog.Action.ATTENDANCE)
    assert log.user == team.staff and log.project == team.project
    with translation.override("en"):
        page = client.get(response["Location"])
    assert "Attendance saved: 1 of 2 attended." in text_of(page)
    assert f'value="{anna.pk}" id="attended-{anna.pk}" checked' in page.content.decode()


def test_unticking_undoes_the_attendance_and_the_entry(client, team, event, seats):
    anna, bertta, _ = seats
    client.force_login(team.staff)
    client.post(url(event), {"attended": [str(anna.pk), str(bertta.pk)]})
    client.post(url(event), {"attended": [str(bertta.pk)]})
    anna.refresh_from_db()
    assert not anna.attended
    assert anna.participant.entered_on is None
    bertta.refresh_from_db()
    assert bertta.attended


def test_the_first_event_attended_is_the_entry_date(client, team, event, seats):
    anna = seats[0]
    earlier = EventFactory(
        project=team.project, starts_at=event.starts_at - datetime.timedelta(days=40)
    )
    earlier_seat = Registration.objects.create(
        event=earlier, participant=anna.participant, status=Registration.Status.CONFIRMED
    )
    client.force_login(team.staff)
    client.post(url(event), {"attended": [str(anna.pk)]})
    client.post(url(earlier), {"attended": [str(earlier_seat.pk)]})
    anna.participant.refresh_from_db()
    assert anna.participant.entered_on == datetime.date(2024, 1, 25)


@pytest.mark.parametrize("who", ["waiting", "cancelled", "other_event"])
def test_only_confirmed_registrations_of_the_event_can_be_ticked(client, team, event, seats, who):
    anna = seats[0]
    if who == "waiting":
        refused = seats[2]
    elif who == "cancelled":
        refused = register(event, Registration.Status.CANCELLED)
    else:
        refused = register(EventFactory(project=team.project))
    client.force_login(team.staff)
    response = client.post(url(event, "en"), {"attended": [str(anna.pk), str(refused.pk)]})
    assert response.status_code == 200
    assert "Only confirmed registrations of this event can be marked as attended." in text_of(
        response
    )
    assert "Attendance was not saved" in text_of(response)
    assert not Registration.objects.filter(attended=True).exists()
    anna.participant.refresh_from_db()
    assert anna.participant.entered_on is None
    assert not AccessLog.objects.filter(action=AccessLog.Action.ATTENDANCE).exists()


def test_a_damaged_list_is_refused(client, team, event, seats):
    client.force_login(team.staff)
    response = client.post(url(event, "en"), {"attended": ["x"]})
    assert response.status_code == 200
    assert "The list of people was damaged." in text_of(response)
    assert not Registration.objects.filter(attended=True).exists()


def test_attendance_needs_a_start_time(client, team, seats):
    undated = EventFactory(project=team.project, starts_at=None, timing_fi="Kevät 2020")
    seat = register(undated)
    client.force_login(team.staff)
    page = client.get(url(undated, "en"))
    assert page.status_code == 200
    assert "The event has no start time yet." in text_of(page)
    assert "<form" not in page.content.decode().split('id="main"')[1].split("</main>")[0]
    response = client.post(url(undated, "en"), {"attended": [str(seat.pk)]})
    assert "Give the event a start time before marking attendance." in text_of(response)
    seat.refresh_from_db()
    assert not seat.attended


def test_an_officer_may_not_mark_attendance(client, team, event, seats):
    client.force_login(team.officer)
    assert client.get(url(event)).status_code == 403
    assert client.post(url(event), {"attended": [str(seats[0].pk)]}).status_code == 403
    assert not Registration.objects.filter(attended=True).exists()
