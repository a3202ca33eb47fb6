"""The public calendar lists the events of all public projects: upcoming by default, past on
request, filtered by region, theme, type and dates, in pages, with a feed of the same events."""

import datetime

import pytest
from django.test import override_settings
from django.utils import timezone

from hanke.core.models import Municipality, Region
from hanke.events.tests.factories import EventFactory
from hanke.projects import workflow
from hanke.projects.tests.factories import ProjectFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def in_days(days, hour=12):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


def day(days):
    return (timezone.localdate() + datetime.timedelta(days=days)).isoformat()


@pytest.fixture
def calendar(read_page):
    """The titles the calendar lists for a query, in order."""

    def titles(query=""):
        page = read_page(f"/en/events/{query}")
        main = page.html.split('class="calendar-list"', 1)
        if len(main) == 1:
            return []
        items = main[1].split("</ul>\n", 1)[0].split('class="calendar-title"')[1:]
        return [item.split('lang="fi">', 1)[1].split("<", 1)[0] for item in items]

    return titles


@pytest.fixture
def places():
    lapland = Region.objects.create(code="19", name_fi="Lappi", name_en="Lapland")
    north = Region.objects.create(code="17", name_fi="Pohjois-Pohjanmaa")
    return {
        "lapland": lapland,
        "north": north,
        "rovaniemi": Municipality.objects.create(code="698", name_fi="Rovaniemi", region=lapland),
        "oulu": Municipality.objects.create(code="564", name_fi="Oulu", region=north),
    }


def test_upcoming_events_soonest_first_and_past_ones_latest_first(calendar):
    EventFactory(title_fi="Ensi kuussa", starts_at=in_days(30))
    EventFactory(title_fi="Ensi viikolla", starts_at=in_days(7))
    EventFactory(title_fi="Viime viikolla", starts_at=in_days(-7))
    EventFactory(title_fi="Viime vuonna", starts_at=in_days(-365))
    EventFactory(title_fi="Ajankohta auki", starts_at=None, timing_fi="Kevät 2021")

    assert calendar() == ["Ensi viikolla", "Ensi kuussa"]
    assert calendar("?when=past") == ["Viime viikolla", "Viime vuonna"]
    assert calendar("?when=all") == [
        "Viime vuonna",
        "Viime viikolla",
        "Ensi viikolla",
        "Ensi kuussa",
    ]


def test_an_event_under_way_is_still_upcoming(calendar):
    EventFactory(
        title_fi="Käynnissä",
        starts_at=timezone.now() - datetime.timedelta(hours=1),
        ends_at=timezone.now() + datetime.timedelta(hours=1),
    )
    assert calendar() == ["Käynnissä"]
    assert calendar("?when=past") == []


def test_events_of_unpublished_projects_are_never_listed(calendar):
    EventFactory(title_fi="Julkinen", starts_at=in_days(3))
    EventFactory(title_fi="Piilossa", starts_at=in_days(3), project=ProjectFactory(is_public=False))
    EventFactory(
        title_fi="Luonnos", starts_at=in_days(3), project=ProjectFactory(status=workflow.DRAFT)
    )
    EventFactory(
        title_fi="Hylätty", starts_at=in_days(-3), project=ProjectFactory(status=workflow.REJECTED)
    )
    assert calendar() == ["Julkinen"]
    assert calendar("?when=all") == ["Julkinen"]


def test_region_filter_uses_the_municipality_or_for_online_events_the_project(calendar, places):
    lapland_project = ProjectFactory()
    lapland_project.regions.add(places["lapland"])
    EventFactory(
        title_fi="Rovaniemellä",
        starts_at=in_days(1),
        municipality=places["rovaniemi"],
        is_online=False,
    )
    EventFactory(
        title_fi="Oulussa",
        starts_at=in_days(2),
        municipality=places["oulu"],
        is_online=False,
        project=lapland_project,
    )
    EventFactory(title_fi="Lapin webinaari", starts_at=in_days(3), project=lapland_project)
    EventFactory(title_fi="Muu webinaari", starts_at=in_days(4))

    lapland = places["lapland"].pk
    assert calendar(f"?region={lapland}") == ["Rovaniemellä", "Lapin webinaari"]
    assert calendar(f"?region={places['north'].pk}") == ["Oulussa"]


def test_theme_filter_uses_the_event_themes_or_else_the_project_themes(calendar):
    marketing = ThemeFactory(name_fi="Digitaalinen markkinointi")
    data = ThemeFactory(name_fi="Data ja asiakkuudet")
    project = ProjectFactory()
    project.themes.add(marketing)
    own = EventFactory(title_fi="Oma teema", starts_at=in_days(1), project=project)
    own.themes.add(data)
    EventFactory(title_fi="Hankkeen teema", starts_at=in_days(2), project=project)
    EventFactory(title_fi="Ei teemaa", starts_at=in_days(3))

    assert calendar(f"?theme={marketing.pk}") == ["Hankkeen teema"]
    assert calendar(f"?theme={data.pk}") == ["Oma teema"]


def test_type_filter(calendar):
    EventFactory(title_fi="Webinaari", starts_at=in_days(1), event_type="webinar")
    EventFactory(title_fi="Työpaja", starts_at=in_days(2), event_type="workshop")
    assert calendar("?type=workshop") == ["Työpaja"]
    assert calendar("?type=webinar") == ["Webinaari"]


def test_date_range_includes_both_days(calendar):
    EventFactory(title_fi="Päivä 10", starts_at=in_days(10, 8))
    EventFactory(title_fi="Päivä 12", starts_at=in_days(12, 23))
    EventFactory(title_fi="Päivä 13", starts_at=in_days(13, 0))
    EventFactory(title_fi="Päivä 20", starts_at=in_days(20))

    assert calendar(f"?from={day(10)}&to={day(12)}") == ["Päivä 10", "Päivä 12"]
    assert calendar(f"?from={day(13)}") == ["Päivä 13", "Päivä 20"]
    assert calendar(f"?to={day(11)}") == ["Päivä 10"]
    finnish_date = (timezone.localdate() + datetime.timedelta(days=20)).strftime("%d.%m.%Y")
    assert calendar(f"?from={finnish_date}") == ["Päivä 20"]


def test_date_range_in_the_past(calendar):
    EventFactory(title_fi="Kuukausi sitten", starts_at=in_days(-30))
    EventFactory(title_fi="Viikko sitten", starts_at=in_days(-7))
    assert calendar(f"?when=past&from={day(-40)}&to={day(-20)}") == ["Kuukausi sitten"]


def test_filters_combine(calendar, places):
    theme = ThemeFactory()
    match = EventFactory(
        title_fi="Osuu",
        starts_at=in_days(5),
        event_type="workshop",
        municipality=places["rovaniemi"],
        is_online=False,
    )
    match.themes.add(theme)
    wrong_type = EventFactory(
        title_fi="Väärä tyyppi",
        starts_at=in_days(5),
        event_type="webinar",
        municipality=places["rovaniemi"],
    )
    wrong_type.themes.add(theme)
    wrong_place = EventFactory(
        title_fi="Väärä paikka",
        starts_at=in_days(5),
        event_type="workshop",
        municipality=places["oulu"],
    )
    wrong_place.themes.add(theme)
    wrong_day = EventFactory(
        title_fi="Väärä päivä",
        starts_at=in_days(9),
        event_type="workshop",
        municipality=places["rovaniemi"],
    )
    wrong_day.themes.add(theme)
    EventFactory(
        title_fi="Ei teemaa",
        starts_at=in_days(5),
        event_type="workshop",
        municipality=places["rovaniemi"],
    )
    query = (
        f"?region={places['lapland'].pk}&theme={theme.pk}&type=workshop&from={day(4)}&to={day(6)}"
    )
    assert calendar(query) == ["Osuu"]


def test_bad_filter_values_are_reported_and_left_out(read_page, calendar):
    EventFactory(title_fi="Työpaja", starts_at=in_days(2), event_type="workshop")
    EventFactory(title_fi="Webinaari", starts_at=in_days(3), event_type="webinar")
    page = read_page("/en/events/?type=workshop&region=999&from=yesterday&when=soon")
    assert "Choose a region from the list." in page.text
    assert "Give the date as day.month.year" in page.text
    assert "Choose upcoming, past or all events." in page.text
    assert 'aria-invalid="true"' in page.html
    assert calendar("?type=workshop&region=999&from=yesterday") == ["Työpaja"]
    page = read_page(f"/en/events/?from={day(5)}&to={day(1)}")
    assert "The end date is before the start date." in page.text


def test_filters_show_in_the_form_and_links_keep_them(read_page):
    theme = ThemeFactory()
    EventFactory(starts_at=in_days(2), event_type="workshop").themes.add(theme)
    page = read_page(f"/en/events/?type=workshop&theme={theme.pk}")
    assert '<option value="workshop" selected>' in page.html
    assert f'<option value="{theme.pk}" selected>' in page.html
    assert f'href="/en/events/calendar.ics?theme={theme.pk}&amp;type=workshop"' in page.html
    assert "Clear filters" in page.text


@override_settings(HANKE_PAGE_SIZE=3)
def test_pages_keep_the_filters(read_page, calendar):
    for n in range(4):
        EventFactory(title_fi=f"Työpaja {n}", starts_at=in_days(n + 1), event_type="workshop")
    EventFactory(title_fi="Webinaari", starts_at=in_days(2), event_type="webinar")
    first = read_page("/en/events/?type=workshop")
    assert "4 events found – page 1 of 2" in first.text
    assert 'href="?type=workshop&amp;page=2"' in first.html
    assert calendar("?type=workshop&page=2") == ["Työpaja 3"]


def test_nothing_upcoming_offers_past_events_with_the_same_filters(read_page):
    EventFactory(starts_at=in_days(-3), event_type="workshop")
    page = read_page("/en/events/?type=workshop")
    assert "No upcoming event matches these filters." in page.text
    assert 'href="/en/events/?type=workshop&amp;when=past"' in page.html


def test_calendar_in_finnish(read_page):
    EventFactory(starts_at=in_days(2))
    page = read_page("/fi/events/")
    assert '<html lang="fi">' in page.html
    assert "klo" in page.text
