"""iCalendar (RFC 5545) output of events and training cohorts, built with the `icalendar`
library: one event's .ics ("add to calendar", the confirmation e-mail's attachment) and feeds of
many (a project's, or all public events). Times are written in UTC; a cohort without times is an
all-day span."""

import datetime
from urllib.parse import urljoin

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from icalendar import Calendar
from icalendar import Event as VEvent

from hanke.core.i18n import localised

PRODID = "-//Hanke//Hanke events//FI"


def _host() -> str:
    return settings.SITE_URL.split("//", 1)[-1].split("/", 1)[0] or "hanke.invalid"


def _absolute(path: str) -> str:
    return urljoin(settings.SITE_URL.rstrip("/") + "/", path.lstrip("/"))


def _calendar(name: str) -> Calendar:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    return cal


def event_location(event) -> str:
    parts = [event.venue]
    if event.municipality_id:
        parts.append(str(localised(event.municipality, "name")))
    if event.is_online and event.online_url:
        parts.append(event.online_url)
    return ", ".join(part for part in parts if part)


def _vevent_for_event(event, stamp) -> VEvent | None:
    if event.starts_at is None:
        return None
    vevent = VEvent()
    vevent.add("uid", f"event-{event.pk}@{_host()}")
    vevent.add("dtstamp", stamp)
    vevent.add("dtstart", event.starts_at.astimezone(datetime.UTC))
    ends_at = event.ends_at or event.starts_at + datetime.timedelta(hours=1)
    vevent.add("dtend", ends_at.astimezone(datetime.UTC))
    vevent.add("summary", str(localised(event, "title")))
    description = str(localised(event, "description"))
    url = _absolute(reverse("events:event", args=[event.pk]))
    vevent.add("description", f"{description}\n\n{url}".strip())
    location = event_location(event)
    if location:
        vevent.add("location", location)
    vevent.add("url", url)
    vevent.add("last-modified", event.updated_at.astimezone(datetime.UTC))
    return vevent


def _vevent_for_cohort(cohort, stamp) -> VEvent | None:
    if cohort.starts_on is None:
        return None
    vevent = VEvent()
    vevent.add("uid", f"cohort-{cohort.pk}@{_host()}")
    vevent.add("dtstamp", stamp)
    vevent.add("dtstart", cohort.starts_on)
    # DTEND of an all-day event is exclusive
    vevent.add("dtend", (cohort.ends_on or cohort.starts_on) + datetime.timedelta(days=1))
    module = cohort.module
    vevent.add("summary", f"{localised(module, 'name')} ({cohort.year})")
    vevent.add("description", str(localised(module, "description")))
    return vevent


def events_ics(events, *, name: str) -> bytes:
    """A calendar of the events that have a start time."""
    cal = _calendar(name)
    stamp = timezone.now().astimezone(datetime.UTC)
    for event in events:
        vevent = _vevent_for_event(event, stamp)
        if vevent is not None:
            cal.add_component(vevent)
    return cal.to_ical()


def event_ics(event) -> bytes:
    return events_ics([event], name=str(localised(event, "title")))


def cohort_ics(cohort) -> bytes:
    cal = _calendar(str(localised(cohort.module, "name")))
    vevent = _vevent_for_cohort(cohort, timezone.now().astimezone(datetime.UTC))
    if vevent is not None:
        cal.add_component(vevent)
    return cal.to_ical()


def registration_ics(registration) -> bytes | None:
    """The .ics of what a person registered for, in their language; None without a date."""
    with translation.override(registration.language):
        if registration.event_id:
            if registration.event.starts_at is None:
                return None
            return event_ics(registration.event)
        if registration.cohort.starts_on is None:
            return None
        return cohort_ics(registration.cohort)
