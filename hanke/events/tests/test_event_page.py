"""The public page of an event says what, when, where, who speaks, how to register and what it
belongs to; the project page lists its upcoming and past events with recordings."""

import datetime

import pytest
from django.utils import timezone

from hanke.accounts import roles
from hanke.accounts.tests.factories import MembershipFactory, UserFactory
from hanke.core.models import Municipality, Region
from hanke.events.models import Registration
from hanke.events.tests.factories import (
    EventFactory,
    EventSpeakerFactory,
    RegistrationFactory,
    SpeakerFactory,
)
from hanke.participants.tests.factories import ParticipantFactory
from hanke.projects import workflow
from hanke.projects.tests.factories import ProjectFactory, ThemeFactory, WorkPackageFactory

pytestmark = pytest.mark.django_db


def in_days(days, hour=13):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


@pytest.fixture
def rovaniemi():
    lapland = Region.objects.create(
        code="19", nuts3_code="FI1D7", name_fi="Lappi", name_en="Lapland"
    )
    return Municipality.objects.create(code="698", name_fi="Rovaniemi", region=lapland)


@pytest.fixture
def keynote_event(rovaniemi):
    project = ProjectFactory(name_fi="HEHKU")
    wp = WorkPackageFactory(project=project, number=2, title_fi="Tapahtumat")
    event = EventFactory(
        project=project,
        work_package=wp,
        title_fi="Digitaalisen markkinoinnin pääseminaari",
        description_fi="Neljä pääpuhujaa kertoo verkkokaupasta.",
        event_type="keynote_event",
        starts_at=in_days(10, 12),
        ends_at=in_days(10, 12) + datetime.timedelta(hours=3, minutes=30),
        is_online=False,
        municipality=rovaniemi,
        venue="Lapin yliopisto, sali 1",
        language="fi",
        capacity=40,
        registration_enabled=True,
    )
    event.themes.add(ThemeFactory(name_fi="Digitaalinen markkinointi", name_en="Digital marketing"))
    EventSpeakerFactory(
        event=event,
        speaker=SpeakerFactory(
            name="Maija Meikäläinen", organisation_name="TEQU", bio_fi="Verkkokaupan asiantuntija."
        ),
        is_keynote=True,
        topic_fi="Asiakasdata",
    )
    EventSpeakerFactory(
        event=event,
        speaker=SpeakerFactory(name="Pekka Puhuja", organisation_name="Lapin AMK"),
        is_keynote=False,
    )
    for _ in range(3):
        RegistrationFactory(event=event, participant=ParticipantFactory(project=project))
    return event


def test_event_page_shows_what_when_where_and_who(read_page, keynote_event):
    page = read_page(f"/en/events/{keynote_event.pk}/")
    text = page.text
    assert "Keynote event" in text
    assert "Digitaalisen markkinoinnin pääseminaari" in text
    start = keynote_event.starts_at
    local = timezone.localtime(start)
    assert f"{local.day} " in text and "12:00 – 15:30" in text
    assert "Duration 3 h 30 min" in text
    assert "Place Lapin yliopisto, sali 1, Rovaniemi" in text
    assert "Language Finnish" in text
    assert "Themes Digital marketing" in text
    assert "Maija Meikäläinen Keynote speaker" in text
    assert "TEQU" in text and "Topic: Asiakasdata" in text
    assert "Verkkokaupan asiantuntija." in text
    assert "Pekka Puhuja" in text and "Lapin AMK" in text
    assert "Seats 37 of 40 left" in text
    assert "Registration is open." in text
    assert f'href="/en/events/{keynote_event.pk}/register/"' in page.html
    assert f'href="/en/projects/{keynote_event.project.pk}/"' in page.html
    assert "Work package 2: Tapahtumat" in text
    assert f'href="/en/events/{keynote_event.pk}/event.ics"' in page.html
    assert "Add to calendar" in text


def test_keynote_speakers_are_listed_first(read_page, keynote_event):
    text = read_page(f"/en/events/{keynote_event.pk}/").text
    assert text.index("Maija Meikäläinen") < text.index("Pekka Puhuja")


def test_text_in_another_language_is_marked_with_lang(read_page, keynote_event):
    html = read_page(f"/en/events/{keynote_event.pk}/").html
    assert '<span lang="fi">Digitaalisen markkinoinnin pääseminaari</span>' in html
    assert "The title is available only in Finnish." in html
    assert '<div lang="fi" class="prose">' in html  # the description and the bio
    assert '<span lang="fi">Asiakasdata</span>' in html
    assert '<span lang="fi">Tapahtumat</span>' in html
    assert '<span lang="fi">HEHKU</span>' in html  # the project's name
    finnish = read_page(f"/fi/events/{keynote_event.pk}/").html
    assert 'lang="fi">Digitaalisen' not in finnish


def test_online_event_shows_its_link_and_finnish_times(read_page):
    event = EventFactory(
        title_fi="Verkkokauppa-webinaari",
        is_online=True,
        online_url="https://teams.example.fi/webinaari",
        starts_at=in_days(5, 9),
        ends_at=in_days(5, 9) + datetime.timedelta(minutes=45),
    )
    text = read_page(f"/fi/events/{event.pk}/").text
    assert "Webinaari" in text or "Webinar" in text
    assert "https://teams.example.fi/webinaari" in text
    assert "klo 9.00 – 9.45" in text
    assert "45 min" in text


def test_registration_states_are_said_clearly(read_page):
    not_yet = EventFactory(
        starts_at=in_days(20),
        registration_enabled=True,
        registration_opens_at=in_days(3, 8),
    )
    closed = EventFactory(
        starts_at=in_days(20),
        registration_enabled=True,
        registration_closes_at=in_days(-1),
    )
    full = EventFactory(starts_at=in_days(20), registration_enabled=True, capacity=1)
    RegistrationFactory(event=full, participant=ParticipantFactory(project=full.project))
    not_offered = EventFactory(starts_at=in_days(20), registration_enabled=False)

    assert "Registration opens on" in read_page(f"/en/events/{not_yet.pk}/").text
    assert "Registration has closed." in read_page(f"/en/events/{closed.pk}/").text
    full_page = read_page(f"/en/events/{full.pk}/")
    assert "It is full." in full_page.text
    assert "Seats 0 of 1 left" in full_page.text
    assert "Join the waiting list" in full_page.text
    assert "Registration is not taken through this site." in (
        read_page(f"/en/events/{not_offered.pk}/").text
    )
    for event in (not_yet, closed, not_offered):
        assert f"/events/{event.pk}/register/" not in read_page(f"/en/events/{event.pk}/").html


def test_waiting_list_length_is_shown(read_page):
    event = EventFactory(starts_at=in_days(20), registration_enabled=True, capacity=1)
    RegistrationFactory(event=event, participant=ParticipantFactory(project=event.project))
    for _ in range(2):
        RegistrationFactory(
            event=event,
            participant=ParticipantFactory(project=event.project),
            status=Registration.Status.WAITING,
            confirmed_at=None,
        )
    assert "Waiting list 2 people" in read_page(f"/en/events/{event.pk}/").text


def test_past_event_shows_its_recording_and_no_registration(read_page):
    event = EventFactory(
        starts_at=in_days(-30),
        recording_url="https://www.youtube.com/watch?v=hehku",
        registration_enabled=True,
    )
    page = read_page(f"/en/events/{event.pk}/")
    assert "This event has taken place." in page.text
    assert 'href="https://www.youtube.com/watch?v=hehku"' in page.html
    assert "Registration" not in page.text.split("Basic information")[-1].split("Recording")[0]
    assert f"/events/{event.pk}/register/" not in page.html


def test_event_with_only_a_rough_timing(read_page):
    event = EventFactory(starts_at=None, timing_fi="Kevät 2021", keynote_speakers_announced=4)
    page = read_page(f"/en/events/{event.pk}/")
    assert '<span lang="fi">Kevät 2021</span>' in page.html
    assert "4 keynote speakers" in page.text
    assert "Add to calendar" not in page.text


def test_events_of_unpublished_projects_are_not_public(client, read_page):
    hidden = EventFactory(project=ProjectFactory(is_public=False))
    draft = EventFactory(project=ProjectFactory(status=workflow.DRAFT))
    for event in (hidden, draft):
        read_page(f"/en/events/{event.pk}/", status=404)
        read_page(f"/en/events/{event.pk}/register/", status=404)
    read_page("/en/events/999999/", status=404)


def test_project_staff_see_a_preview_without_registration(client, read_page):
    project = ProjectFactory(is_public=False)
    event = EventFactory(project=project, starts_at=in_days(5), registration_enabled=True)
    staff = UserFactory(roles=[roles.APPLICANT])
    MembershipFactory(user=staff, organisation=project.implementer)
    client.force_login(staff)
    page = read_page(f"/en/events/{event.pk}/")
    assert "Preview: the project is not public" in page.text
    assert f"/events/{event.pk}/register/" not in page.html
    assert f"/events/{event.pk}/event.ics" not in page.html


def test_main_navigation_links_to_the_calendar(read_page):
    html = read_page("/en/").html
    assert '<a href="/en/events/">Events</a>' in html
    assert '<a href="/en/events/" aria-current="page">Events</a>' in read_page("/en/events/").html


# The project page ---------------------------------------------------------------------------


def test_project_page_lists_upcoming_and_past_events_with_recordings(read_page):
    project = ProjectFactory()
    soon = EventFactory(project=project, title_fi="Tuleva työpaja", starts_at=in_days(7))
    later = EventFactory(project=project, title_fi="Myöhempi työpaja", starts_at=in_days(30))
    held = EventFactory(
        project=project,
        title_fi="Pidetty webinaari",
        starts_at=in_days(-7),
        recording_url="https://www.youtube.com/watch?v=held",
    )
    older = EventFactory(project=project, title_fi="Vanha webinaari", starts_at=in_days(-70))
    page = read_page(f"/en/projects/{project.pk}/")
    text = page.text
    upcoming = text.split("Upcoming events")[1].split("Past events")[0]
    past = text.split("Past events")[1]
    assert upcoming.index("Tuleva työpaja") < upcoming.index("Myöhempi työpaja")
    assert "Pidetty webinaari" not in upcoming
    assert past.index("Pidetty webinaari") < past.index("Vanha webinaari")
    assert "Recording Watch the recording" in past
    for event in (soon, later, held, older):
        assert f'href="/en/events/{event.pk}/"' in page.html
    assert f'href="/en/projects/{project.pk}/events.ics"' in page.html


def test_project_page_work_packages_have_anchors_for_event_pages(read_page, keynote_event):
    html = read_page(f"/en/projects/{keynote_event.project.pk}/").html
    assert f'id="wp-{keynote_event.work_package.pk}"' in html
