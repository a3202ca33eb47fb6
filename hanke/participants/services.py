"""Writes on participants' personal data: the record made at registration, the access log,
export and erasure on request, and the purge of data past its retention period."""

import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import AccessLog, Participant, age_band_for, company_key_for

# The start data a registration form gives (hanke.events.forms.RegistrationForm's cleaned data).
START_DATA_FIELDS = (
    "birth_year",
    "gender",
    "labour_status",
    "education",
    "disability",
    "third_country_national",
    "foreign_background",
    "minority",
)


def consent_text(project) -> str:
    """The consent a person gives when registering, in the active language. Stored with the
    participant as it was shown."""
    from hanke.core.i18n import localised

    controller = (
        localised(project.implementer, "name").text
        if project.implementer_id
        else project.display_name
    )
    return _(
        "I agree that %(controller)s stores my name, e-mail address and the start data above to "
        "organise the project's events and trainings and to report them to the funder. The funder "
        "receives only aggregate figures. My data is kept until the retention period ends, and I "
        "can ask to see it or have it erased."
    ) % {"controller": controller}


def access_record(*, user, action, project=None, participant=None, detail: str = "") -> AccessLog:
    """Log one view, export or erasure of personal data."""
    return AccessLog.objects.create(
        user=user if (user is not None and user.is_authenticated) else None,
        action=action,
        project=project or (participant.project if participant else None),
        participant=participant,
        detail=detail[:300],
    )


def participant_for_registration(*, project, data: dict, now=None) -> tuple[Participant, bool]:
    """The participant with this e-mail address in this project, created with the start data if
    new. An existing participant keeps the name and start data given first (ESF+ start data
    describes the person when they entered the project; and whoever types someone's e-mail
    address must not be able to rename them). Safe under concurrent
    registrations: a lost race to create the record reads the winner's."""
    now = now or timezone.now()
    email_key = data["email"].strip().lower()
    existing = Participant.objects.filter(project=project, email_key=email_key).first()
    if existing is not None:
        return existing, False
    business_id = data.get("business_id") or ""
    participant = Participant(
        project=project,
        name=data["name"],
        email=data["email"].strip(),
        email_key=email_key,
        consent_text=consent_text(project),
        consented_at=now,
        age_band=age_band_for(data["birth_year"], timezone.localdate(now).year),
        company_name=data.get("company_name") or "",
        business_id=business_id,
        company_key=company_key_for(business_id),
        **{name: data[name] for name in START_DATA_FIELDS if name in data},
    )
    try:
        with transaction.atomic():
            participant.save()
    except IntegrityError:
        return Participant.objects.get(project=project, email_key=email_key), False
    return participant, True


def participant_refresh_entry(participant: Participant) -> None:
    """Set when the person entered the project: the first event they attended or the start of the
    first training cohort they are enrolled in (the enrolment date when the cohort has none). The
    age band is the one in that year."""
    from hanke.events.models import Registration

    dates = []
    for reg in participant.registrations.select_related("event", "cohort"):
        if reg.event_id and reg.attended and reg.event.starts_at:
            dates.append(timezone.localdate(reg.event.starts_at))
        elif reg.cohort_id and reg.status == Registration.Status.CONFIRMED:
            started = reg.cohort.starts_on or timezone.localdate(reg.confirmed_at or reg.created_at)
            dates.append(started)
    entered_on = min(dates) if dates else None
    fields = []
    if entered_on != participant.entered_on:
        participant.entered_on = entered_on
        fields.append("entered_on")
    if participant.birth_year:
        year = (entered_on or timezone.localdate(participant.created_at)).year
        band = age_band_for(participant.birth_year, year)
        if band != participant.age_band:
            participant.age_band = band
            fields.append("age_band")
    if fields:
        participant.save(update_fields=fields)


def _registration_name(registration) -> str:
    """The event's title or the cohort's module and year, in the active language when written
    in it, else in the language it was written in (never blank for a Finnish-only event)."""
    from hanke.core.i18n import localised

    if registration.event_id:
        return localised(registration.event, "title").text
    cohort = registration.cohort
    return f"{localised(cohort.module, 'name').text} {cohort.year}"


def participant_export(*, user, participant: Participant) -> dict:
    """Everything Hanke holds on one person, for a subject access request. Logged."""
    access_record(user=user, action=AccessLog.Action.EXPORT, participant=participant)
    p = participant
    return {
        "project": p.project.display_name,
        "name": p.name,
        "email": p.email,
        "registered": p.created_at.isoformat(),
        "consent_text": p.consent_text,
        "consent_given": p.consented_at.isoformat(),
        "birth_year": p.birth_year,
        "age_band": p.get_age_band_display(),
        "gender": p.get_gender_display(),
        "labour_market_status": p.get_labour_status_display(),
        "education": p.get_education_display(),
        "disability": p.get_disability_display(),
        "third_country_national": p.get_third_country_national_display(),
        "foreign_background": p.get_foreign_background_display(),
        "minority": p.get_minority_display(),
        "company_name": p.company_name,
        "business_id": p.business_id,
        "entered_project": p.entered_on.isoformat() if p.entered_on else None,
        "erased": p.erased_at.isoformat() if p.erased_at else None,
        "registrations": [
            {
                "event_or_training": _registration_name(reg),
                "status": reg.get_status_display(),
                "registered": reg.created_at.isoformat(),
                "attended": reg.attended,
                "completed": reg.completed_on.isoformat() if reg.completed_on else None,
            }
            for reg in p.registrations.select_related("event", "cohort__module")
        ],
        "small_groups": [group.name for group in p.small_groups.all()],
    }


@transaction.atomic
def participant_erase(*, user, participant: Participant, reason: str = "", purge=False) -> None:
    """Erase a person's identifying data on request (or at the end of the retention period).
    Their seats at future events and in cohorts not yet started are cancelled (freeing them for
    the waiting list). What stays is coded: age band, gender, labour-market status, education,
    the disadvantage answers, the company key and the attendance, so aggregates keep their counts."""
    from hanke.events.services import registration_cancel

    participant = Participant.objects.select_for_update().get(pk=participant.pk)
    if participant.is_erased:
        return
    today = timezone.localdate()
    for reg in participant.registrations.filter(status__in=["confirmed", "waiting"]).select_related(
        "event", "cohort"
    ):
        upcoming = (
            reg.event and (reg.event.starts_at is None or reg.event.starts_at > timezone.now())
        ) or (reg.cohort and (reg.cohort.starts_on is None or reg.cohort.starts_on > today))
        if upcoming:
            registration_cancel(registration=reg, notify_person=False)
    participant.small_groups.clear()
    participant.name = ""
    participant.email = ""
    participant.email_key = ""
    participant.birth_year = None
    participant.company_name = ""
    participant.business_id = ""
    participant.erased_at = timezone.now()
    # Only the erased fields: cancelling the seats above may have moved the entry date, which
    # participant_refresh_entry saved on its own copy of the row.
    participant.save(
        update_fields=[
            "name",
            "email",
            "email_key",
            "birth_year",
            "company_name",
            "business_id",
            "erased_at",
        ]
    )
    access_record(
        user=user,
        action=AccessLog.Action.PURGE if purge else AccessLog.Action.ERASE,
        participant=participant,
        detail=reason,
    )


def retention_days() -> int:
    return int(settings.PARTICIPANT_DATA_RETENTION_DAYS)


def participants_past_retention(*, today=None):
    """Participants whose personal data has passed the retention period: counted from the
    project's end date, or, for a project without one, from the person's latest registration
    (or when the record was made, if no registration is left)."""
    today = today or timezone.localdate()
    cutoff = today - datetime.timedelta(days=retention_days())
    live = Participant.objects.filter(erased_at__isnull=True)
    by_project_end = live.filter(project__end_date__isnull=False, project__end_date__lt=cutoff)
    # A person whose registrations are all gone (their event was deleted) is counted from the
    # day the record was made, rather than kept for ever.
    open_ended = (
        live.filter(project__end_date__isnull=True)
        .annotate(last=Coalesce(Max("registrations__created_at"), "created_at"))
        .filter(last__date__lt=cutoff)
    )
    ids = set(by_project_end.values_list("pk", flat=True)) | set(
        open_ended.values_list("pk", flat=True)
    )
    return Participant.objects.filter(pk__in=ids).order_by("pk")


def personal_data_purge(*, today=None, dry_run=False) -> int:
    """Erase the personal data of everyone past the retention period. Returns how many."""
    expired = list(participants_past_retention(today=today))
    if not dry_run:
        for participant in expired:
            participant_erase(
                user=None,
                participant=participant,
                reason=f"retention period of {retention_days()} days ended",
                purge=True,
            )
    return len(expired)
