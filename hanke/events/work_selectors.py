"""Reads of the project staff's event pages: a project's events with their registration counts,
one event's registrations by status, and the check-in and attendance lists."""

from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from .models import Event, EventSpeaker, Registration

CONFIRMED = Registration.Status.CONFIRMED
WAITING = Registration.Status.WAITING
CANCELLED = Registration.Status.CANCELLED


def _with_counts(qs: QuerySet) -> QuerySet:
    return qs.annotate(
        confirmed_count=Count("registrations", filter=Q(registrations__status=CONFIRMED)),
        waiting_count=Count("registrations", filter=Q(registrations__status=WAITING)),
        attended_count=Count(
            "registrations",
            filter=Q(registrations__status=CONFIRMED, registrations__attended=True),
        ),
    )


@dataclass(frozen=True)
class ProjectEvents:
    upcoming: list  # soonest first
    past: list  # latest first
    undated: list  # known only by a rough timing

    def __bool__(self) -> bool:
        return bool(self.upcoming or self.past or self.undated)


def project_events(*, project, now=None) -> ProjectEvents:
    """The project's events with `confirmed_count`, `waiting_count` and `attended_count`. An event
    is past once it has ended (its end time, or its start when it has none)."""
    now = now or timezone.now()
    events = list(_with_counts(project.events.all()).select_related("municipality", "work_package"))
    upcoming, past, undated = [], [], []
    for event in events:
        end = event.ends_at or event.starts_at
        if event.starts_at is None:
            undated.append(event)
        elif end < now:
            past.append(event)
        else:
            upcoming.append(event)
    upcoming.sort(key=lambda e: (e.starts_at, e.pk))
    past.sort(key=lambda e: (e.starts_at, e.pk), reverse=True)
    undated.sort(key=lambda e: e.pk)
    return ProjectEvents(upcoming=upcoming, past=past, undated=undated)


def project_event_get(*, project, pk: int) -> Event | None:
    """One of the project's events with its counts, themes and speakers (keynotes first)."""
    return (
        _with_counts(project.events.filter(pk=pk))
        .select_related("project__implementer", "municipality", "work_package")
        .prefetch_related(
            "themes",
            Prefetch(
                "speaker_links",
                queryset=EventSpeaker.objects.select_related("speaker").order_by(
                    "-is_keynote", "pk"
                ),
            ),
        )
        .first()
    )


@dataclass(frozen=True)
class EventRegistrations:
    confirmed: list
    waiting: list  # in queue order: the first is promoted to the next free seat
    cancelled: list


def event_registrations(*, event: Event) -> EventRegistrations:
    regs = Registration.objects.filter(event=event).select_related("participant")
    return EventRegistrations(
        confirmed=list(regs.filter(status=CONFIRMED).order_by("confirmed_at", "created_at", "pk")),
        waiting=list(regs.filter(status=WAITING).order_by("created_at", "pk")),
        cancelled=list(regs.filter(status=CANCELLED).order_by("-cancelled_at", "-pk")),
    )


def check_in_list(*, event: Event) -> list[Registration]:
    """The confirmed registrations in the order of the names (erased people last)."""
    regs = Registration.objects.filter(event=event, status=CONFIRMED).select_related("participant")
    return sorted(
        regs, key=lambda r: (r.participant.is_erased, r.participant.name.casefold(), r.pk)
    )


def event_registration_get(*, event: Event, pk: int) -> Registration | None:
    return (
        Registration.objects.filter(event=event, pk=pk)
        .select_related("participant", "event__project")
        .first()
    )
