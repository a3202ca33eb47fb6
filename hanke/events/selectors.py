"""Reads of events and training cohorts for the public pages: the calendar across all public
projects, one event's or cohort's page with the state of its registration, and the
registration a cancellation link names.

Only events of public projects (`Project.objects.public()`) are ever listed. An event is
upcoming until it ends (its end time, or its start when it has no end); events known only by a
rough `timing` (no start time) are not in the calendar."""

import datetime
from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from hanke.projects.models import Project

from .models import Cohort, Event, EventSpeaker, Registration
from .services import seats_left

UPCOMING = "upcoming"
PAST = "past"
ALL = "all"

# Feeds are read by calendar applications on a schedule: a bounded answer, newest first.
FEED_LIMIT = 500


# The calendar -----------------------------------------------------------------------------------


def events_public() -> QuerySet:
    """Events of public projects (with or without a start time)."""
    return Event.objects.filter(project__in=Project.objects.public())


def _with_end(qs: QuerySet) -> QuerySet:
    return qs.annotate(ends=Coalesce("ends_at", "starts_at"))


def event_calendar(
    *,
    region=None,
    theme=None,
    event_type: str = "",
    date_from: datetime.date | None = None,
    date_to: datetime.date | None = None,
    when: str = UPCOMING,
    now=None,
) -> QuerySet:
    """Events with a start time in public projects, filtered. Each filter is optional; give only
    validated values.

    - region: the region of the event's municipality; an event without a municipality (an online
      event) is in the regions of its project.
    - theme: the event's themes; an event with no themes of its own has its project's.
    - date_from / date_to: the day the event starts (local time), both inclusive.
    - when: UPCOMING (not yet ended, soonest first), PAST (ended, latest first) or ALL.
    """
    now = now or timezone.now()
    qs = _with_end(events_public().filter(starts_at__isnull=False))
    if region is not None:
        qs = qs.filter(
            Q(municipality__region=region)
            | Q(municipality__isnull=True, project__in=Project.objects.filter(regions=region))
        )
    if theme is not None:
        themed = Event.themes.through.objects
        qs = qs.filter(
            Q(pk__in=themed.filter(theme=theme).values("event_id"))
            | (
                ~Q(pk__in=themed.values("event_id"))
                & Q(project__in=Project.objects.filter(themes=theme))
            )
        )
    if event_type:
        qs = qs.filter(event_type=event_type)
    if date_from is not None:
        qs = qs.filter(starts_at__gte=_local_midnight(date_from))
    if date_to is not None:
        qs = qs.filter(starts_at__lt=_local_midnight(date_to + datetime.timedelta(days=1)))
    if when == PAST:
        qs = qs.filter(ends__lt=now).order_by("-starts_at", "-pk")
    elif when == UPCOMING:
        qs = qs.filter(ends__gte=now).order_by("starts_at", "pk")
    else:
        qs = qs.order_by("starts_at", "pk")
    return qs.select_related("project", "municipality__region").prefetch_related("themes")


def _local_midnight(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def event_feed(**filters) -> list[Event]:
    """The calendar's events for an iCalendar feed (at most FEED_LIMIT)."""
    qs = event_calendar(**filters).select_related(None).select_related("municipality")
    if filters.get("when") == ALL:  # the latest ones when there are too many
        return sorted(
            qs.prefetch_related(None).order_by("-starts_at", "-pk")[:FEED_LIMIT],
            key=lambda e: (e.starts_at, e.pk),
        )
    return list(qs.prefetch_related(None)[:FEED_LIMIT])


def project_feed(*, project: Project) -> list[Event]:
    """A public project's events with a start time, for its iCalendar feed."""
    return list(
        project.events.filter(starts_at__isnull=False)
        .select_related("municipality")
        .order_by("starts_at", "pk")[:FEED_LIMIT]
    )


def project_public_get(*, pk: int) -> Project | None:
    return Project.objects.public().filter(pk=pk).first()


def event_is_past(event: Event, now=None) -> bool:
    """Ended (by its end time, or its start when it has none); False without a start time."""
    now = now or timezone.now()
    end = event.ends_at or event.starts_at
    return bool(end and end < now)


# One event or cohort ----------------------------------------------------------------------------

NOT_OFFERED = "not_offered"
NOT_YET_OPEN = "not_yet_open"
OPEN = "open"
FULL = "full"
CLOSED = "closed"


@dataclass(frozen=True)
class RegistrationState:
    """Where registration for an event or a cohort stands, for the public pages."""

    state: str  # NOT_OFFERED, NOT_YET_OPEN, OPEN, FULL (open: join the waiting list), CLOSED
    capacity: int | None
    seats_left: int | None
    waiting: int
    opens_at: datetime.datetime | None
    closes_at: datetime.datetime | None

    @property
    def accepts(self) -> bool:
        """The form takes registrations (to a seat or to the waiting list)."""
        return self.state in (OPEN, FULL)


def registration_state(target, now=None) -> RegistrationState:
    now = now or timezone.now()
    left = seats_left(target)
    waiting = Registration.objects.filter(
        **({"event": target} if isinstance(target, Event) else {"cohort": target}),
        status=Registration.Status.WAITING,
    ).count()
    if not target.registration_enabled:
        state = NOT_OFFERED
    elif target.registration_is_open(now):
        state = FULL if left is not None and left <= 0 else OPEN
    elif target.registration_opens_at and now < target.registration_opens_at:
        state = NOT_YET_OPEN
    else:
        state = CLOSED
    return RegistrationState(
        state=state,
        capacity=target.capacity,
        seats_left=left,
        waiting=waiting,
        opens_at=target.registration_opens_at,
        closes_at=target.registration_closes_at,
    )


def duration_text(start, end) -> str:
    """`2 h`, `1 h 30 min`, `45 min`; several days as `3 days`; empty without both ends."""
    if not start or not end or end <= start:
        return ""
    start_day, end_day = timezone.localdate(start), timezone.localdate(end)
    if start_day != end_day:
        days = (end_day - start_day).days + 1
        return ngettext("%(n)s day", "%(n)s days", days) % {"n": days}
    minutes = int((end - start).total_seconds() // 60)
    hours, minutes = divmod(minutes, 60)
    if hours and minutes:
        return _("%(hours)s h %(minutes)s min") % {"hours": hours, "minutes": minutes}
    if hours:
        return _("%(hours)s h") % {"hours": hours}
    return _("%(minutes)s min") % {"minutes": minutes}


@dataclass(frozen=True)
class EventPage:
    event: Event
    speakers: list  # EventSpeaker, keynotes first
    themes: list
    registration: RegistrationState
    duration: str
    is_past: bool
    is_public: bool


def _event_queryset() -> QuerySet:
    return Event.objects.select_related(
        "project__implementer", "municipality__region", "work_package"
    ).prefetch_related(
        "themes",
        Prefetch(
            "speaker_links",
            queryset=EventSpeaker.objects.select_related("speaker").order_by(
                "-is_keynote", "speaker__name", "pk"
            ),
        ),
    )


def event_get(*, pk: int) -> Event | None:
    """The event, whether or not its project is public (the caller decides)."""
    return _event_queryset().filter(pk=pk).first()


def event_public_get(*, pk: int) -> Event | None:
    """The event if its project is public."""
    return _event_queryset().filter(pk=pk, project__in=Project.objects.public()).first()


def event_page(event: Event, now=None) -> EventPage:
    now = now or timezone.now()
    themes = list(event.themes.all()) or list(event.project.themes.all())
    return EventPage(
        event=event,
        speakers=list(event.speaker_links.all()),
        themes=themes,
        registration=registration_state(event, now),
        duration=duration_text(event.starts_at, event.ends_at),
        is_past=event_is_past(event, now),
        is_public=Project.objects.public().filter(pk=event.project_id).exists(),
    )


@dataclass(frozen=True)
class CohortPage:
    cohort: Cohort
    module: object
    programme: object
    project: Project
    other_modules: list
    registration: RegistrationState
    is_public: bool


def _cohort_queryset() -> QuerySet:
    return Cohort.objects.select_related(
        "module__programme__project__implementer", "module__programme__work_package"
    )


def cohort_get(*, pk: int) -> Cohort | None:
    return _cohort_queryset().filter(pk=pk).first()


def cohort_public_get(*, pk: int) -> Cohort | None:
    return (
        _cohort_queryset()
        .filter(pk=pk, module__programme__project__in=Project.objects.public())
        .first()
    )


def cohort_page(cohort: Cohort, now=None) -> CohortPage:
    module = cohort.module
    programme = module.programme
    project = programme.project
    return CohortPage(
        cohort=cohort,
        module=module,
        programme=programme,
        project=project,
        other_modules=list(programme.modules.exclude(pk=module.pk).order_by("number")),
        registration=registration_state(cohort, now),
        is_public=Project.objects.public().filter(pk=project.pk).exists(),
    )


def project_of(target) -> Project:
    return target.project if isinstance(target, Event) else target.module.programme.project


# Registrations ----------------------------------------------------------------------------------


def registration_cancellable(registration: Registration, now=None) -> bool:
    """A person may cancel their own registration until the event starts or the cohort starts;
    after that attendance and entry into the project are records, not plans."""
    now = now or timezone.now()
    if registration.status == Registration.Status.CANCELLED:
        return False
    if registration.event_id:
        starts = registration.event.starts_at
        return starts is None or now < starts
    starts_on = registration.cohort.starts_on
    return starts_on is None or timezone.localdate(now) < starts_on


def upcoming_and_past(events, now=None) -> tuple[list, list, list]:
    """Split a project's events: upcoming (soonest first), past (latest first), and those
    known only by a rough timing."""
    now = now or timezone.now()
    upcoming, past, undated = [], [], []
    for event in events:
        if event.starts_at is None:
            undated.append(event)
        elif event_is_past(event, now):
            past.append(event)
        else:
            upcoming.append(event)
    upcoming.sort(key=lambda e: (e.starts_at, e.pk))
    past.sort(key=lambda e: (e.starts_at, e.pk), reverse=True)
    return upcoming, past, undated
