"""Seed 000's events as records: eight events (four regional lectures and workshops, four main
events in Rovaniemi with four keynote speakers each), the Covid19-package's six webinars with
their recordings on TEQU's YouTube channel (no address given, none invented) and one network
workshop. The four themes are the project's; the source ties no theme to an event."""

import pytest

from hanke.events.models import Event
from hanke.projects.models import Project

pytestmark = pytest.mark.django_db

SOURCE = "seeds/000_641497b59f3b4df2.txt"


@pytest.fixture
def hehku(demo):
    return Project.objects.get(source_document=SOURCE)


def test_eight_events_six_webinars_and_one_network_workshop(hehku):
    by_type = {}
    for event in Event.objects.filter(project=hehku):
        by_type.setdefault(event.event_type, []).append(event)
        assert event.source_document == SOURCE
    assert len(by_type[Event.Type.LECTURES_AND_WORKSHOPS]) == 4
    assert len(by_type[Event.Type.KEYNOTE_EVENT]) == 4
    assert len(by_type[Event.Type.WEBINAR]) == 6
    assert len(by_type[Event.Type.NETWORK_WORKSHOP]) == 1
    assert Event.objects.filter(project=hehku).count() == 15
    assert all(e.keynote_speakers_announced == 4 for e in by_type[Event.Type.KEYNOTE_EVENT])
    assert all(e.municipality.name_fi == "Rovaniemi" for e in by_type[Event.Type.KEYNOTE_EVENT])


def test_the_webinars_recordings_are_on_tequs_youtube_channel_without_an_address(hehku):
    webinars = Event.objects.filter(project=hehku, event_type=Event.Type.WEBINAR)
    assert all(w.recording_note_en == "Recording on TEQU’s YouTube channel" for w in webinars)
    assert all(w.recording_url == "" for w in webinars)
    assert all(w.timing_en == "Spring 2020" and w.is_online for w in webinars)
    assert not Event.objects.filter(project=hehku).exclude(recording_url="").exists()


def test_no_invented_dates_work_packages_or_themes_per_event(hehku):
    events = Event.objects.filter(project=hehku)
    assert not events.filter(starts_at__isnull=False).exists()
    assert not events.filter(work_package__isnull=False).exists()
    assert not hehku.work_packages.exists()
    assert not Event.themes.through.objects.filter(event__project=hehku).exists()
    assert sorted(hehku.themes.values_list("name_en", flat=True)) == [
        "Data and customer relationships",
        "Digi Startup",
        "Digital marketing and sales",
        "Global digital resources",
    ]
    assert "does not say which event covers which theme" in hehku.source_notes_en


def test_the_events_are_on_the_project_page(hehku, page_text):
    text = page_text(f"/en/projects/{hehku.pk}/")
    assert text.count("Covid19-Package webinar on e-sales (") == 6
    assert "Covid19-Package network workshop" in text
    assert text.count("Recording on TEQU’s YouTube channel") >= 6
