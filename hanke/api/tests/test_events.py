"""Events of public projects: the calendar's events with its filters, and one event as its page
shows it. Events of drafts and unpublished projects never appear, nor who registered."""

import datetime

from django.utils import timezone


def ids(data) -> list[int]:
    return [row["id"] for row in data["results"]]


def test_the_events_of_public_projects(catalogue, api_get):
    data = api_get("/events")
    # the calendar's events, those with a start time, soonest first
    assert ids(data) == [catalogue.webinar.pk, catalogue.coming.pk]
    webinar = data["results"][0]
    assert webinar["title"]["fi"] == "Verkkokaupan webinaari"
    assert webinar["starts_at"] == "2024-03-05T13:00:00+02:00"
    assert webinar["ends_at"] == "2024-03-05T15:00:00+02:00"
    assert webinar["type"]["code"] == "webinar"
    assert webinar["project"] == {
        "id": catalogue.shop.pk,
        "name": {"fi": "Verkkokauppaklubi", "en": "E-commerce club", "sv": None},
    }
    # no themes of its own: its project's, as on the calendar
    assert [t["slug"] for t in webinar["themes"]] == ["digitalisaatio"]
    for hidden in (catalogue.hidden_event, catalogue.draft_event):
        api_get(f"/events/{hidden.pk}", status=404)


def test_filters(catalogue, api_get):
    today = timezone.localdate()
    assert ids(api_get("/events", {"when": "upcoming"})) == [catalogue.coming.pk]
    assert ids(api_get("/events", {"when": "past"})) == [catalogue.webinar.pk]
    assert ids(api_get("/events", {"from": "2024-03-05", "to": "2024-03-05"})) == [
        catalogue.webinar.pk
    ]
    assert ids(
        api_get("/events", {"from": "2024-03-06", "to": today + datetime.timedelta(60)})
    ) == [catalogue.coming.pk]
    assert ids(api_get("/events", {"project": catalogue.skills_project.pk})) == [
        catalogue.coming.pk
    ]
    assert ids(api_get("/events", {"region": catalogue.north.pk})) == [catalogue.coming.pk]
    assert ids(api_get("/events", {"theme": catalogue.skills.pk})) == [catalogue.coming.pk]
    assert ids(api_get("/events", {"type": "workshop"})) == [catalogue.coming.pk]


def test_an_event_as_its_page_shows_it(catalogue, api_get):
    data = api_get(f"/events/{catalogue.webinar.pk}")
    assert data["online_url"] == "https://example.fi/webinaari"
    assert data["recording_url"] == "https://example.fi/tallenne"
    assert data["speakers"] == [
        {
            "name": "Maija Meikäläinen",
            "organisation": None,
            "is_keynote": True,
            "topic": {"fi": "Kasvu", "en": None, "sv": None},
        }
    ]
    assert data["registration"]["state"] == "not_offered"


def test_an_events_registration_state_but_never_who_registered(catalogue, api_get):
    from hanke.events.tests.factories import RegistrationFactory

    RegistrationFactory(event=catalogue.coming, participant__project=catalogue.skills_project)
    data = api_get(f"/events/{catalogue.coming.pk}")
    assert data["registration"] == {
        "state": "open",
        "opens_at": None,
        "closes_at": None,
        "capacity": 30,
        "seats_left": 29,
    }
    text = str(data)
    participant = catalogue.coming.registrations.get().participant
    assert participant.email not in text and participant.name not in text


def test_an_event_without_a_time_has_its_timing(catalogue, api_get):
    data = api_get(f"/events/{catalogue.undated.pk}")
    assert data["starts_at"] is None
    assert data["timing"] == {"fi": "Kevät", "en": None, "sv": None}
