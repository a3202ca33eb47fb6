"""Project staff list, add and edit the project's events: type, texts in Finnish, English or
Swedish, time, place, themes, work package, capacity and registration window, speakers and the
recording. Broken rules give a translated error next to the field and save nothing; raising the
capacity confirms people from the waiting list in their order."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from hanke.events.models import Event, EventSpeaker, Registration, Speaker
from hanke.events.tests.factories import EventFactory, EventSpeakerFactory, SpeakerFactory
from hanke.events.work_services import event_save
from hanke.projects.tests.factories import ThemeFactory, WorkPackageFactory

from .work_helpers import event_fixture, finnish_fixture, register, team_fixture  # noqa: F401

pytestmark = pytest.mark.django_db


def new_url(project):
    return reverse("events_work:new", args=[project.pk])


def edit_url(event):
    return reverse("events_work:edit", args=[event.project_id, event.pk])


def form_data(**overrides) -> dict:
    """A valid post of the event form: a workshop in Oulu next spring, no speakers."""
    year = timezone.localdate().year + 1
    data = {
        "event_type": "workshop",
        "title_fi": "Tekoäly asiakaspalvelussa",
        "title_en": "",
        "title_sv": "",
        "description_fi": "Työpaja pk-yrityksille.",
        "starts_at": f"{year}-04-14T09:00",
        "ends_at": f"{year}-04-14T12:00",
        "is_online": "",
        "online_url": "",
        "venue": "BusinessOulu, Solutions-sali",
        "language": "fi",
        "capacity": "30",
        "registration_enabled": "on",
        "registration_opens_at": f"{year}-03-01T08:00",
        "registration_closes_at": f"{year}-04-10T16:00",
        "recording_url": "",
        "speakers-TOTAL_FORMS": "2",
        "speakers-INITIAL_FORMS": "0",
        "speakers-MIN_NUM_FORMS": "0",
        "speakers-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def text_of(response) -> str:
    return response.content.decode().replace("\u00a0", " ")


# --- The list ----------------------------------------------------------------------------------


def test_the_list_shows_upcoming_past_and_undated_events_with_their_counts(client, team, event):
    attended = register(event)
    attended.attended = True
    attended.save()
    register(event)
    register(event, Registration.Status.WAITING)
    register(event, Registration.Status.CANCELLED)
    upcoming = EventFactory(
        project=team.project,
        title_fi="Tuleva työpaja",
        starts_at=timezone.now() + datetime.timedelta(days=10),
    )
    EventFactory(
        project=team.project, title_fi="Kevään webinaari", starts_at=None, timing_fi="Kevät"
    )
    EventFactory(title_fi="Toisen hankkeen tapahtuma")
    client.force_login(team.staff)
    with translation.override("en"):
        response = client.get(reverse("events_work:list", args=[team.project.pk]))
    html = text_of(response)
    assert response.status_code == 200
    assert html.index("Upcoming events") < html.index("Tuleva työpaja")
    assert html.index("Past events") < html.index("AI tools for e-commerce")
    assert html.index("Events without a date") < html.index("Kevään webinaari")
    assert "Toisen hankkeen tapahtuma" not in html
    row = html[html.index("AI tools for e-commerce") :].split("</tr>")[0]
    cells = [c.split("</td>")[0].strip() for c in row.split('<td class="num">')[1:]]
    assert cells == ["2", "2", "1", "1"]  # confirmed, capacity, waiting, attended
    assert f"/en/projects/{team.project.pk}/events/{upcoming.pk}/" in html
    assert f"/en/projects/{team.project.pk}/events/new/" in html


def test_an_officer_sees_the_list_without_the_editing_links(client, team, event):
    client.force_login(team.officer)
    response = client.get(reverse("events_work:list", args=[team.project.pk]))
    assert response.status_code == 200
    assert "Verkkokaupan tekoälytyökalut" in text_of(response)
    assert reverse("events_work:new", args=[team.project.pk]) not in text_of(response)
    assert f'href="{edit_url(event)}"' not in text_of(response)


# --- Adding and editing --------------------------------------------------------------------------


def test_staff_add_an_event_with_themes_work_package_and_speakers(client, team):
    theme = ThemeFactory(name_fi="Digitaalinen markkinointi")
    client.force_login(team.staff)
    data = form_data(
        themes=[str(theme.pk)],
        work_package=str(team.package.pk),
        **{
            "speakers-0-name": "Anna Asiantuntija",
            "speakers-0-organisation_name": "TEQU",
            "speakers-0-bio": "Verkkokaupan kehittäjä.",
            "speakers-0-topic": "Chatbotit",
            "speakers-0-is_keynote": "on",
        },
    )
    response = client.post(new_url(team.project), data)
    event = Event.objects.get(project=team.project)
    assert response.status_code == 302
    assert response["Location"] == edit_url(event)
    assert event.title_fi == "Tekoäly asiakaspalvelussa"
    assert event.event_type == Event.Type.WORKSHOP
    assert timezone.localtime(event.starts_at).hour == 9
    assert event.duration == datetime.timedelta(hours=3)
    assert event.capacity == 30 and event.registration_enabled
    assert event.work_package == team.package
    assert list(event.themes.all()) == [theme]
    assert event.original_language == "fi"
    link = EventSpeaker.objects.get(event=event)
    assert link.is_keynote and link.topic_fi == "Chatbotit"
    assert link.speaker.name == "Anna Asiantuntija"
    assert link.speaker.organisation_name == "TEQU"
    assert link.speaker.bio_fi == "Verkkokaupan kehittäjä."
    with translation.override("en"):
        page = client.get(edit_url(event))
    assert "Anna Asiantuntija" in text_of(page)
    # The message was written when the form was sent from the Finnish page.
    assert "Tapahtuma ”Tekoäly asiakaspalvelussa” tallennettiin." in text_of(page)


def test_an_event_may_be_written_in_english_only(client, team):
    client.force_login(team.staff)
    response = client.post(
        new_url(team.project),
        form_data(title_fi="", description_fi="", title_en="Keynote day", language="en"),
    )
    assert response.status_code == 302
    event = Event.objects.get(project=team.project)
    assert event.title_en == "Keynote day"
    assert event.original_language == "en"


def test_editing_keeps_renames_and_removes_speakers(client, team, event):
    kept = EventSpeakerFactory(event=event, speaker=SpeakerFactory(name="Kalle Keynote"))
    gone = EventSpeakerFactory(event=event, speaker=SpeakerFactory(name="Pia Poistuva"))
    client.force_login(team.staff)
    page = client.get(edit_url(event))
    assert "Kalle Keynote" in text_of(page) and "Pia Poistuva" in text_of(page)
    data = form_data(
        event_type="webinar",
        title_fi="Verkkokaupan tekoälytyökalut",
        starts_at="2024-03-05T13:00",
        ends_at="2024-03-05T15:00",
        registration_opens_at="",
        registration_closes_at="",
        capacity="2",
        **{
            "speakers-TOTAL_FORMS": "4",
            "speakers-INITIAL_FORMS": "2",
            "speakers-0-link": str(kept.pk),
            "speakers-0-name": "Kalle Keynote-Korhonen",
            "speakers-0-organisation_name": "Lapin yliopisto",
            "speakers-0-topic": "Tekoäly myynnissä",
            "speakers-0-is_keynote": "on",
            "speakers-1-link": str(gone.pk),
            "speakers-1-name": "Pia Poistuva",
            "speakers-1-DELETE": "on",
            "speakers-2-name": "Uusi Puhuja",
            "speakers-2-is_keynote": "",
        },
    )
    response = client.post(edit_url(event), data)
    assert response.status_code == 302, text_of(response)
    links = {link.speaker.name: link for link in event.speaker_links.select_related("speaker")}
    assert set(links) == {"Kalle Keynote-Korhonen", "Uusi Puhuja"}
    assert links["Kalle Keynote-Korhonen"].speaker.organisation_name == "Lapin yliopisto"
    assert links["Kalle Keynote-Korhonen"].topic_fi == "Tekoäly myynnissä"
    assert not links["Uusi Puhuja"].is_keynote
    assert Speaker.objects.filter(name="Pia Poistuva").exists()  # only the link went


def test_a_speaker_row_of_another_event_is_refused(client, team, event):
    foreign = EventSpeakerFactory(speaker=SpeakerFactory(name="Vieras"))
    client.force_login(team.staff)
    data = form_data(
        **{
            "speakers-TOTAL_FORMS": "1",
            "speakers-0-link": str(foreign.pk),
            "speakers-0-name": "Kaapattu nimi",
        }
    )
    response = client.post("/en" + edit_url(event)[3:], data)
    assert response.status_code == 200
    assert "This speaker row is not one of this event&#x27;s." in text_of(response)
    assert 'id="id_speakers-0-name-error"' in text_of(response)
    foreign.speaker.refresh_from_db()
    assert foreign.speaker.name == "Vieras"
    event.refresh_from_db()
    assert event.title_fi == "Verkkokaupan tekoälytyökalut"


# --- Validation: nothing is saved ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"title_fi": ""}, "title_fi", "Give the title in at least one language"),
        ({"ends_at": "{year}-04-14T08:00"}, "ends_at", "The event must end after it starts."),
        ({"ends_at": "{year}-04-14T09:00"}, "ends_at", "The event must end after it starts."),
        (
            {"registration_closes_at": "{year}-02-01T08:00"},
            "registration_closes_at",
            "Registration must close after it opens.",
        ),
        (
            {"recording_url": "https://www.youtube.com/watch?v=abc"},
            "recording_url",
            "A recording can be attached only once the event has started.",
        ),
        ({"event_type": ""}, "event_type", "This field is required."),
        ({"capacity": "0"}, "capacity", "greater than or equal to 1"),
        ({"starts_at": "huomenna"}, "starts_at", "Enter a valid date/time."),
    ],
)
def test_a_broken_rule_shows_an_error_next_to_the_field_and_saves_nothing(
    client, team, overrides, field, message
):
    year = timezone.localdate().year + 1
    overrides = {k: v.format(year=year) for k, v in overrides.items()}
    client.force_login(team.staff)
    response = client.post("/en" + new_url(team.project)[3:], form_data(**overrides))
    html = text_of(response)
    assert response.status_code == 200
    assert message in html
    assert f'id="id_{field}-error"' in html
    assert f'aria-describedby="id_{field}-error' in html
    assert "Please correct the following" in html
    assert not Event.objects.filter(project=team.project).exists()


def test_the_errors_are_in_finnish_on_the_finnish_page(client, team):
    client.force_login(team.staff)
    response = client.post(new_url(team.project), form_data(title_fi=""))
    assert response.status_code == 200
    assert 'id="id_title_fi-error"' in text_of(response)
    with translation.override("fi"):
        from django.utils.translation import gettext

        expected = gettext("Give the title in at least one language (Finnish, English or Swedish).")
    assert expected in text_of(response)


def test_a_work_package_of_another_project_is_refused(client, team, event):
    foreign = WorkPackageFactory(title_fi="Vieras työpaketti")
    client.force_login(team.staff)
    data = form_data(
        title_fi="Uusi nimi",
        starts_at="2024-03-05T13:00",
        ends_at="2024-03-05T15:00",
        registration_opens_at="",
        registration_closes_at="",
        work_package=str(foreign.pk),
    )
    response = client.post("/en" + edit_url(event)[3:], data)
    assert response.status_code == 200
    assert 'id="id_work_package-error"' in text_of(response)
    assert "Select a valid choice" in text_of(response)
    event.refresh_from_db()
    assert event.title_fi == "Verkkokaupan tekoälytyökalut"
    assert event.work_package is None


def test_the_service_refuses_a_work_package_of_another_project(team):
    from django.core.exceptions import ValidationError

    foreign = WorkPackageFactory()
    with pytest.raises(ValidationError) as caught:
        event_save(
            user=team.staff,
            project=team.project,
            data={"event_type": "webinar", "title_fi": "X", "work_package": foreign},
        )
    assert "work_package" in caught.value.message_dict
    assert not Event.objects.filter(project=team.project).exists()


def test_a_recording_is_attached_once_the_event_has_started(client, team, event):
    client.force_login(team.staff)
    data = form_data(
        event_type="webinar",
        title_fi="Verkkokaupan tekoälytyökalut",
        starts_at="2024-03-05T13:00",
        ends_at="2024-03-05T15:00",
        registration_opens_at="",
        registration_closes_at="",
        capacity="2",
        recording_url="https://www.youtube.com/watch?v=hehku1",
        recording_note_fi="TEQU:n YouTube-kanavalla",
    )
    response = client.post(edit_url(event), data)
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.recording_url == "https://www.youtube.com/watch?v=hehku1"
    assert event.recording_note_fi == "TEQU:n YouTube-kanavalla"


def test_a_capacity_below_the_confirmed_seats_is_refused(client, team, event):
    register(event)
    register(event)
    client.force_login(team.staff)
    data = form_data(
        event_type="webinar",
        title_fi="Verkkokaupan tekoälytyökalut",
        starts_at="2024-03-05T13:00",
        ends_at="2024-03-05T15:00",
        registration_opens_at="",
        registration_closes_at="",
        capacity="1",
    )
    response = client.post("/en" + edit_url(event)[3:], data)
    assert response.status_code == 200
    assert "2 people already have a seat" in text_of(response)
    event.refresh_from_db()
    assert event.capacity == 2


# --- Capacity and the waiting list --------------------------------------------------------------


def upcoming_event(team, capacity):
    return EventFactory(
        project=team.project,
        title_fi="Suosittu työpaja",
        starts_at=timezone.now() + datetime.timedelta(days=30),
        ends_at=timezone.now() + datetime.timedelta(days=30, hours=2),
        capacity=capacity,
        registration_enabled=True,
    )


def test_raising_the_capacity_confirms_the_waiting_in_their_order(
    client, team, django_capture_on_commit_callbacks
):
    event = upcoming_event(team, capacity=1)
    register(event, name="Eka Paikalla")
    first = register(event, Registration.Status.WAITING, name="Toka Jonossa")
    second = register(event, Registration.Status.WAITING, name="Kolmas Jonossa")
    third = register(event, Registration.Status.WAITING, name="Neljäs Jonossa")
    start = timezone.localtime(event.starts_at)
    end = timezone.localtime(event.ends_at)
    client.force_login(team.staff)
    data = form_data(
        title_fi="Suosittu työpaja",
        starts_at=start.strftime("%Y-%m-%dT%H:%M"),
        ends_at=end.strftime("%Y-%m-%dT%H:%M"),
        registration_opens_at="",
        registration_closes_at="",
        capacity="3",
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit_url(event), data)
    assert response.status_code == 302
    for reg in (first, second, third):
        reg.refresh_from_db()
    assert first.status == second.status == Registration.Status.CONFIRMED
    assert third.status == Registration.Status.WAITING
    assert first.confirmed_at and second.confirmed_at
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [first.participant.email, second.participant.email]
    )


def test_removing_the_limit_confirms_everybody_waiting(team):
    event = upcoming_event(team, capacity=1)
    register(event)
    waiting = [register(event, Registration.Status.WAITING) for _ in range(3)]
    event_save(
        user=team.staff,
        project=team.project,
        event=event,
        data={"event_type": "workshop", "title_fi": "Suosittu työpaja", "capacity": None},
    )
    assert all(
        Registration.objects.get(pk=r.pk).status == Registration.Status.CONFIRMED for r in waiting
    )


def test_an_unchanged_capacity_promotes_nobody(team):
    event = upcoming_event(team, capacity=1)
    register(event)
    waiting = register(event, Registration.Status.WAITING)
    event_save(
        user=team.staff,
        project=team.project,
        event=event,
        data={"event_type": "workshop", "title_fi": "Uusi otsikko", "capacity": 1},
    )
    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.WAITING


def test_an_officer_may_not_edit_and_nothing_changes(client, team, event):
    client.force_login(team.officer)
    assert client.get(edit_url(event)).status_code == 403
    response = client.post(edit_url(event), form_data(title_fi="Virkailijan otsikko"))
    assert response.status_code == 403
    event.refresh_from_db()
    assert event.title_fi == "Verkkokaupan tekoälytyökalut"


def test_an_event_of_another_project_is_not_found(client, team):
    foreign = EventFactory()
    client.force_login(team.staff)
    url = reverse("events_work:edit", args=[team.project.pk, foreign.pk])
    assert client.get(url).status_code == 404


def test_the_service_checks_what_the_form_would(team):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as caught:
        event_save(
            user=team.staff,
            project=team.project,
            data={"event_type": "webinar", "title_fi": "x" * 301, "online_url": "ei osoite"},
        )
    assert {"title_fi", "online_url"} <= set(caught.value.message_dict)
    assert not Event.objects.filter(project=team.project).exists()


def test_the_same_speaker_twice_is_refused(team, event):
    from django.core.exceptions import ValidationError

    with translation.override("en"), pytest.raises(ValidationError) as caught:
        event_save(
            user=team.staff,
            project=team.project,
            event=event,
            data={"event_type": "webinar", "title_fi": "Uusi otsikko"},
            speakers=[{"name": "Anna Puhuja"}, {"name": "anna puhuja"}],
        )
    assert caught.value.message_dict == {
        "1.name": ["This speaker is already on the list of this event."]
    }
    event.refresh_from_db()
    assert event.title_fi == "Verkkokaupan tekoälytyökalut"
    assert not event.speaker_links.exists()
