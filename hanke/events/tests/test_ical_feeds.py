"""iCalendar output: the calendar's feed (with its filters), a project's feed, one event's
"add to calendar" file and a training cohort's all-day file parse with the `icalendar` library and
hold the right events."""

import datetime

import pytest
from django.utils import timezone
from icalendar import Calendar

from hanke.core.models import Municipality, Region
from hanke.events.tests.factories import CohortFactory, EventFactory
from hanke.projects import workflow
from hanke.projects.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def in_days(days, hour=12):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return response, Calendar.from_ical(response.content)


def vevents(cal):
    return {str(e["summary"]): e for e in cal.walk("VEVENT")}


def test_one_event_file_has_everything_a_calendar_needs(client, settings):
    settings.SITE_URL = "https://hanke.example.fi"
    lapland = Region.objects.create(code="19", name_fi="Lappi")
    rovaniemi = Municipality.objects.create(code="698", name_fi="Rovaniemi", region=lapland)
    start = in_days(10, 12)
    event = EventFactory(
        title_fi="Pääseminaari",
        title_en="Main seminar",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=3),
        is_online=False,
        municipality=rovaniemi,
        venue="Lapin yliopisto",
    )
    response, cal = fetch(client, f"/en/events/{event.pk}/event.ics")
    assert response["Content-Disposition"] == f'attachment; filename="event-{event.pk}.ics"'
    (vevent,) = cal.walk("VEVENT")
    assert str(vevent["uid"]) == f"event-{event.pk}@hanke.example.fi"
    assert vevent.decoded("dtstart") == start
    assert vevent.decoded("dtstart").utcoffset() == datetime.timedelta(0)  # written in UTC
    assert vevent.decoded("dtend") == start + datetime.timedelta(hours=3)
    assert vevent["dtstart"].to_ical().endswith(b"Z")
    assert str(vevent["summary"]) == "Main seminar"
    assert str(vevent["location"]) == "Lapin yliopisto, Rovaniemi"
    assert str(vevent["url"]) == f"https://hanke.example.fi/en/events/{event.pk}/"
    assert str(cal["version"]) == "2.0"


def test_summary_follows_the_language_of_the_address(client):
    event = EventFactory(title_fi="Pääseminaari", title_en="Main seminar", starts_at=in_days(3))
    _response, cal = fetch(client, f"/fi/events/{event.pk}/event.ics")
    assert "Pääseminaari" in vevents(cal)


def test_event_without_an_end_lasts_an_hour_and_online_link_is_the_location(client):
    event = EventFactory(
        starts_at=in_days(3), is_online=True, online_url="https://teams.example.fi/x"
    )
    _response, cal = fetch(client, f"/en/events/{event.pk}/event.ics")
    (vevent,) = cal.walk("VEVENT")
    assert vevent.decoded("dtend") - vevent.decoded("dtstart") == datetime.timedelta(hours=1)
    assert str(vevent["location"]) == "https://teams.example.fi/x"


def test_no_file_for_an_event_without_a_time_or_of_an_unpublished_project(client):
    undated = EventFactory(starts_at=None, timing_fi="Kevät 2021")
    hidden = EventFactory(starts_at=in_days(3), project=ProjectFactory(is_public=False))
    draft = EventFactory(starts_at=in_days(3), project=ProjectFactory(status=workflow.DRAFT))
    for event in (undated, hidden, draft):
        assert client.get(f"/en/events/{event.pk}/event.ics").status_code == 404
    assert client.get("/en/events/999999/event.ics").status_code == 404


def test_project_feed_has_the_project_events_only(client):
    project = ProjectFactory(name_fi="HEHKU")
    EventFactory(project=project, title_fi="Tuleva", starts_at=in_days(5))
    EventFactory(project=project, title_fi="Mennyt", starts_at=in_days(-50))
    EventFactory(project=project, title_fi="Ajankohta auki", starts_at=None)
    EventFactory(title_fi="Toisen hankkeen", starts_at=in_days(5))
    response, cal = fetch(client, f"/fi/projects/{project.pk}/events.ics")
    assert f'filename="project-{project.pk}-events.ics"' in response["Content-Disposition"]
    assert set(vevents(cal)) == {"Tuleva", "Mennyt"}
    assert str(cal["x-wr-calname"]) == "HEHKU"


def test_feeds_of_unpublished_projects_are_not_found(client):
    hidden = ProjectFactory(is_public=False)
    EventFactory(project=hidden, starts_at=in_days(5))
    draft = ProjectFactory(status=workflow.DRAFT)
    for project in (hidden, draft):
        assert client.get(f"/fi/projects/{project.pk}/events.ics").status_code == 404


def test_calendar_feed_follows_the_calendar_filters(client):
    EventFactory(title_fi="Työpaja", starts_at=in_days(2), event_type="workshop")
    EventFactory(title_fi="Webinaari", starts_at=in_days(3), event_type="webinar")
    EventFactory(title_fi="Mennyt työpaja", starts_at=in_days(-3), event_type="workshop")
    EventFactory(title_fi="Piilossa", starts_at=in_days(2), project=ProjectFactory(is_public=False))
    # A subscribed calendar drops what the feed leaves out, so by default it keeps past events.
    _response, cal = fetch(client, "/fi/events/calendar.ics")
    assert set(vevents(cal)) == {"Työpaja", "Webinaari", "Mennyt työpaja"}
    _response, cal = fetch(client, "/fi/events/calendar.ics?type=workshop")
    assert set(vevents(cal)) == {"Työpaja", "Mennyt työpaja"}
    _response, cal = fetch(client, "/fi/events/calendar.ics?type=workshop&when=upcoming")
    assert set(vevents(cal)) == {"Työpaja"}
    _response, cal = fetch(client, "/fi/events/calendar.ics?type=nonsense")
    assert set(vevents(cal)) == {"Työpaja", "Webinaari", "Mennyt työpaja"}


def test_every_uid_is_unique_in_a_feed(client):
    for n in range(5):
        EventFactory(starts_at=in_days(n + 1))
    _response, cal = fetch(client, "/en/events/calendar.ics")
    uids = [str(e["uid"]) for e in cal.walk("VEVENT")]
    assert len(uids) == 5 == len(set(uids))


def test_cohort_file_is_an_all_day_span(client):
    cohort = CohortFactory(
        module__name_fi="Verkkokaupan perusteet",
        year=2026,
        starts_on=datetime.date(2026, 1, 12),
        ends_on=datetime.date(2026, 2, 22),
    )
    response, cal = fetch(client, f"/fi/trainings/cohorts/{cohort.pk}/cohort.ics")
    assert f'filename="training-{cohort.pk}.ics"' in response["Content-Disposition"]
    (vevent,) = cal.walk("VEVENT")
    assert vevent.decoded("dtstart") == datetime.date(2026, 1, 12)
    assert not isinstance(vevent.decoded("dtstart"), datetime.datetime)
    assert vevent.decoded("dtend") == datetime.date(2026, 2, 23)  # exclusive end
    assert str(vevent["summary"]) == "Verkkokaupan perusteet (2026)"
    assert str(vevent["uid"]).startswith(f"cohort-{cohort.pk}@")


def test_no_cohort_file_without_dates_or_for_unpublished_projects(client):
    undated = CohortFactory(starts_on=None, ends_on=None, timing_fi="Kevät 2026")
    hidden = CohortFactory(module__programme__project=ProjectFactory(is_public=False))
    for cohort in (undated, hidden):
        assert client.get(f"/fi/trainings/cohorts/{cohort.pk}/cohort.ics").status_code == 404
