"""Writes on events, trainings and registrations.

Registration takes a lock on the event (or cohort) row, so seats are decided one registration at
a time: the same person twice gets their first registration back (no duplicate, also when the
two submissions race), a full event puts people on the waiting list, and a freed seat promotes
the first in the queue. E-mails go out once the transaction has committed, in the language the
person registered in; the confirmation carries the event's .ics."""

import logging
from dataclasses import dataclass
from urllib.parse import urljoin

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from hanke.participants.models import AccessLog
from hanke.participants.services import (
    access_record,
    participant_for_registration,
    participant_refresh_entry,
)

from .ical import registration_ics
from .models import Event, Registration

logger = logging.getLogger(__name__)

TOKEN_SALT = "hanke.events.registration"

CONFIRMED = "confirmed"
WAITING = "waiting"
PROMOTED = "promoted"
CANCELLED = "cancelled"


@dataclass(frozen=True)
class RegistrationOutcome:
    registration: Registration
    created: bool

    @property
    def already_registered(self) -> bool:
        return not self.created

    @property
    def waiting_position(self) -> int | None:
        return waiting_position(self.registration)


# Tokens for the cancellation link -------------------------------------------------------------


def registration_token(registration: Registration) -> str:
    return signing.dumps(registration.pk, salt=TOKEN_SALT)


def registration_from_token(token: str) -> Registration | None:
    """The registration a signed link names; None for a forged, damaged or stale link."""
    try:
        pk = signing.loads(token, salt=TOKEN_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(pk, int):
        return None
    return (
        Registration.objects.select_related("event__project", "cohort__module", "participant")
        .filter(pk=pk)
        .first()
    )


def cancel_url(registration: Registration) -> str:
    with translation.override(registration.language):
        path = reverse("events:registration_cancel", args=[registration_token(registration)])
    return urljoin(settings.SITE_URL.rstrip("/") + "/", path.lstrip("/"))


# Seats -----------------------------------------------------------------------------------------


def _target_filter(target) -> dict:
    return {"event": target} if isinstance(target, Event) else {"cohort": target}


def _lock(target):
    model = type(target)
    return model.objects.select_for_update().get(pk=target.pk)


def seats_taken(target) -> int:
    return Registration.objects.filter(
        **_target_filter(target), status=Registration.Status.CONFIRMED
    ).count()


def seats_left(target) -> int | None:
    if target.capacity is None:
        return None
    return max(target.capacity - seats_taken(target), 0)


def waiting_position(registration: Registration) -> int | None:
    """1 for the first in the queue; None when not waiting."""
    if registration.status != Registration.Status.WAITING:
        return None
    return Registration.objects.filter(
        **_target_filter(registration.target),
        status=Registration.Status.WAITING,
        pk__lte=registration.pk,
    ).count()


def _project_of(target):
    return target.project if isinstance(target, Event) else target.module.programme.project


@transaction.atomic
def registration_create(*, target, data: dict, language: str = "fi", now=None):
    """Register a person for an event or a training cohort from the public form's cleaned data.

    Returns a RegistrationOutcome; raises ValidationError when registration is closed."""
    now = now or timezone.now()
    target = _lock(target)
    if not target.registration_is_open(now):
        raise ValidationError(_("Registration is closed."), code="registration_closed")
    participant, _created = participant_for_registration(
        project=_project_of(target), data=data, now=now
    )
    active = Registration.objects.filter(
        **_target_filter(target), participant=participant, status__in=Registration.ACTIVE
    )
    existing = active.first()
    if existing is not None:
        return RegistrationOutcome(existing, created=False)
    left = seats_left(target)
    status = (
        Registration.Status.CONFIRMED if left is None or left > 0 else Registration.Status.WAITING
    )
    try:
        with transaction.atomic():
            registration = Registration.objects.create(
                **_target_filter(target),
                participant=participant,
                status=status,
                language=language,
                confirmed_at=now if status == Registration.Status.CONFIRMED else None,
            )
    except IntegrityError:
        return RegistrationOutcome(active.get(), created=False)
    if registration.cohort_id:
        participant_refresh_entry(participant)
    _notify(registration, CONFIRMED if status == Registration.Status.CONFIRMED else WAITING)
    return RegistrationOutcome(registration, created=True)


def _promote(target, now) -> list[Registration]:
    """Fill free seats from the waiting list, first come first served."""
    promoted = []
    left = seats_left(target)
    queue = Registration.objects.filter(
        **_target_filter(target), status=Registration.Status.WAITING
    ).order_by("created_at", "pk")
    for registration in queue.select_related("participant"):
        if left is not None and left <= 0:
            break
        registration.status = Registration.Status.CONFIRMED
        registration.confirmed_at = now
        registration.save(update_fields=["status", "confirmed_at"])
        if registration.cohort_id:
            participant_refresh_entry(registration.participant)
        _notify(registration, PROMOTED)
        promoted.append(registration)
        if left is not None:
            left -= 1
    return promoted


@transaction.atomic
def registration_promote(*, target, now=None) -> list[Registration]:
    """After the capacity grew: confirm people from the waiting list into the new seats."""
    return _promote(_lock(target), now or timezone.now())


@transaction.atomic
def registration_cancel(*, registration: Registration, notify_person=True, now=None) -> bool:
    """Cancel a seat or a place in the queue; a freed seat goes to the first waiting person.
    Returns False when it was already cancelled."""
    now = now or timezone.now()
    target = _lock(registration.target)
    registration = Registration.objects.select_related("participant").get(pk=registration.pk)
    if registration.status == Registration.Status.CANCELLED:
        return False
    was_confirmed = registration.status == Registration.Status.CONFIRMED
    registration.status = Registration.Status.CANCELLED
    registration.cancelled_at = now
    registration.attended = False
    registration.save(update_fields=["status", "cancelled_at", "attended"])
    participant_refresh_entry(registration.participant)
    if notify_person:
        _notify(registration, CANCELLED)
    if was_confirmed:
        _promote(target, now)
    return True


# Attendance and completion ---------------------------------------------------------------------


@transaction.atomic
def attendance_mark(*, user, event: Event, attended_ids) -> int:
    """Set who attended the event (the confirmed registrations whose ids are given) and who did
    not (the rest). Returns the number attended."""
    if event.starts_at is None:
        raise ValidationError(
            _("Give the event a start time before marking attendance."), code="no_start_time"
        )
    attended_ids = {int(pk) for pk in attended_ids}
    confirmed = Registration.objects.filter(event=event, status=Registration.Status.CONFIRMED)
    unknown = attended_ids - set(confirmed.values_list("pk", flat=True))
    if unknown:
        raise ValidationError(
            _("Only confirmed registrations of this event can be marked as attended."),
            code="not_confirmed",
        )
    changed = []
    for registration in confirmed.select_related("participant"):
        value = registration.pk in attended_ids
        if registration.attended != value:
            registration.attended = value
            registration.save(update_fields=["attended"])
            changed.append(registration.participant)
    for participant in changed:
        participant_refresh_entry(participant)
    access_record(
        user=user,
        action=AccessLog.Action.ATTENDANCE,
        project=event.project,
        detail=str(event),
    )
    return len(attended_ids)


@transaction.atomic
def enrolment_complete(*, user, registration: Registration, completed_on=None) -> Registration:
    """Record that an enrolled person completed the cohort's module (None clears it)."""
    if registration.cohort_id is None or registration.status != Registration.Status.CONFIRMED:
        raise ValidationError(
            _("Only a confirmed enrolment in a training cohort can be completed."),
            code="not_enrolment",
        )
    cohort = registration.cohort
    if completed_on is not None and completed_on > timezone.localdate():
        raise ValidationError(
            _("A completion date cannot be in the future."), code="completed_in_future"
        )
    if completed_on is not None and cohort.starts_on and completed_on < cohort.starts_on:
        raise ValidationError(
            _("A module cannot be completed before its cohort starts."), code="before_start"
        )
    registration.completed_on = completed_on
    registration.save(update_fields=["completed_on"])
    return registration


# E-mail ----------------------------------------------------------------------------------------


def _notify(registration: Registration, kind: str) -> None:
    transaction.on_commit(lambda: _send(registration.pk, kind))


def _send(registration_pk: int, kind: str) -> None:
    registration = (
        Registration.objects.select_related(
            "participant", "event__project", "event__municipality", "cohort__module__programme"
        )
        .filter(pk=registration_pk)
        .first()
    )
    if registration is None or not registration.participant.email:
        return
    with translation.override(registration.language):
        context = {
            "registration": registration,
            "participant": registration.participant,
            "event": registration.event,
            "cohort": registration.cohort,
            "position": waiting_position(registration),
            "cancel_url": cancel_url(registration) if kind != CANCELLED else "",
            "site_url": settings.SITE_URL,
        }
        subject = " ".join(
            render_to_string(f"email/registration_{kind}_subject.txt", context).split()
        )
        body = render_to_string(f"email/registration_{kind}_body.txt", context)
        message = EmailMessage(
            subject=subject,
            body=body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[registration.participant.email],
        )
        if kind in (CONFIRMED, PROMOTED):
            ics = registration_ics(registration)
            if ics:
                message.attach("event.ics", ics, "text/calendar; charset=utf-8; method=PUBLISH")
    try:
        message.send()
    except OSError:
        logger.exception("Could not send the %s e-mail of registration %s", kind, registration_pk)
