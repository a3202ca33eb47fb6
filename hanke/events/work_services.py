"""Writes of the project staff's event pages: saving an event with its speakers.

`event_validate` holds every rule an event's fields must meet, so the form shows the same errors
next to its fields that `event_save` would raise. Raising the capacity of an event with a waiting
list confirms the first people in the queue into the new seats (`services.registration_promote`).
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from hanke.core.i18n import LANGUAGE_CODES

from .models import Event, EventSpeaker, Registration, Speaker
from .services import registration_promote

# The event's own fields the staff's form sets (translated ones with their language columns).
TRANSLATED_FIELDS = ("title", "description", "timing", "recording_note")
PLAIN_FIELDS = (
    "event_type",
    "starts_at",
    "ends_at",
    "is_online",
    "online_url",
    "municipality",
    "venue",
    "language",
    "work_package",
    "capacity",
    "registration_enabled",
    "registration_opens_at",
    "registration_closes_at",
    "keynote_speakers_announced",
    "recording_url",
)
TEXT_DEFAULTS = {"online_url": "", "venue": "", "language": "", "recording_url": ""}


def translated_names(field: str) -> list[str]:
    return [f"{field}_{code}" for code in LANGUAGE_CODES]


def _confirmed_count(event: Event | None) -> int:
    if event is None or event.pk is None:
        return 0
    return Registration.objects.filter(event=event, status=Registration.Status.CONFIRMED).count()


def event_validate(*, project, event: Event | None, data: dict, now=None) -> None:
    """Raise a ValidationError naming the fields of `data` that break a rule. `data` holds the
    fields present (missing ones are not checked, except the title)."""
    now = now or timezone.now()
    errors: dict[str, list[str]] = {}

    def error(field, message):
        errors.setdefault(field, []).append(message)

    if not any((data.get(name) or "").strip() for name in translated_names("title")):
        error(
            "title_fi",
            _("Give the title in at least one language (Finnish, English or Swedish)."),
        )
    event_type = data.get("event_type")
    if event_type not in Event.Type.values:
        error("event_type", _("Choose the type of the event."))
    starts, ends = data.get("starts_at"), data.get("ends_at")
    if ends and not starts:
        error("starts_at", _("Give the start time too, or leave the end time empty."))
    elif starts and ends and ends <= starts:
        error("ends_at", _("The event must end after it starts."))
    opens, closes = data.get("registration_opens_at"), data.get("registration_closes_at")
    if opens and closes and closes <= opens:
        error("registration_closes_at", _("Registration must close after it opens."))
    if data.get("recording_url") and not (starts and starts <= now):
        error(
            "recording_url",
            _(
                "A recording can be attached only once the event has started. Give the start "
                "time, or add the recording after the event."
            ),
        )
    package = data.get("work_package")
    if package is not None and package.project_id != project.pk:
        error("work_package", _("Choose one of this project's work packages."))
    capacity = data.get("capacity")
    if capacity is not None:
        if capacity < 1:
            error("capacity", _("The capacity must be at least 1, or empty for no limit."))
        else:
            confirmed = _confirmed_count(event)
            if capacity < confirmed:
                error(
                    "capacity",
                    ngettext(
                        "%(count)s person already has a seat, so the capacity cannot be less. "
                        "Cancel registrations first.",
                        "%(count)s people already have a seat, so the capacity cannot be less. "
                        "Cancel registrations first.",
                        confirmed,
                    )
                    % {"count": confirmed},
                )
    announced = data.get("keynote_speakers_announced")
    if announced is not None and announced < 0:
        error("keynote_speakers_announced", _("Give a number of zero or more."))
    if errors:
        raise ValidationError(errors)


def speakers_validate(*, event: Event | None, speakers: list[dict]) -> None:
    """Each speaker needs a name, once per event; an existing row must be one of this event's."""
    errors: dict[str, list[str]] = {}
    seen = set()
    own_links = (
        set(event.speaker_links.values_list("pk", flat=True)) if event and event.pk else set()
    )
    for n, row in enumerate(speakers):
        name = (row.get("name") or "").strip()
        if not name:
            errors.setdefault(f"{n}.name", []).append(_("Give the speaker's name."))
        elif name.casefold() in seen:
            errors.setdefault(f"{n}.name", []).append(
                _("This speaker is already on the list of this event.")
            )
        seen.add(name.casefold())
        link = row.get("link")
        if link and link not in own_links:
            errors.setdefault(f"{n}.name", []).append(
                _("This speaker row is not one of this event's. Reload the page and try again.")
            )
    if errors:
        raise ValidationError(errors)


def _original_language(event: Event, data: dict) -> str:
    """The language the record is written in: kept while it still has a title, else the first
    language that has one."""
    current = event.original_language if event.pk else ""
    if current and (data.get(f"title_{current}") or "").strip():
        return current
    for code in LANGUAGE_CODES:
        if (data.get(f"title_{code}") or "").strip():
            return code
    return current or LANGUAGE_CODES[0]


@transaction.atomic
def event_save(
    *, user, project, event: Event | None = None, data: dict, speakers=None, now=None
) -> Event:
    """Create (event=None) or update a project's event from the staff form's cleaned data.

    `data` holds the event's fields (translated ones as `<field>_<fi|en|sv>`, `themes` as an
    iterable of themes). `speakers`, when given, is the whole list of the event's speakers as
    dicts (`link`: the EventSpeaker row for an existing one, `name`, `organisation_name`, `bio`,
    `topic`, `is_keynote`): rows left out are removed. Speakers' bio and topic are written in the
    event's original language. Raises ValidationError (nothing saved) when a rule is broken."""
    now = now or timezone.now()
    if event is not None:
        if event.project_id != project.pk:
            raise ValidationError(_("The event is not one of this project's."))
        event = Event.objects.select_for_update().get(pk=event.pk)
    old_capacity = event.capacity if event is not None else None
    event_validate(project=project, event=event, data=data, now=now)
    if speakers is not None:
        speakers_validate(event=event, speakers=speakers)
    event = event or Event(project=project)
    for field in TRANSLATED_FIELDS:
        for name in translated_names(field):
            if name in data:
                setattr(event, name, (data[name] or "").strip())
    for field in PLAIN_FIELDS:
        if field in data:
            value = data[field]
            if value is None and field in TEXT_DEFAULTS:
                value = TEXT_DEFAULTS[field]
            setattr(event, field, value)
    event.original_language = _original_language(event, data)
    event.full_clean()  # lengths, choices and addresses, for callers other than the form
    event.save()
    if "themes" in data:
        event.themes.set(data["themes"] or [])
    if speakers is not None:
        _speakers_save(event, speakers)
    grew = event.capacity is None or (old_capacity is not None and event.capacity > old_capacity)
    if old_capacity != event.capacity and grew:
        registration_promote(target=event, now=now)
    return event


def _speakers_save(event: Event, rows: list[dict]) -> None:
    lang = event.original_language
    links = {link.pk: link for link in event.speaker_links.select_related("speaker")}
    kept = set()
    for row in rows:
        name = row["name"].strip()
        organisation = (row.get("organisation_name") or "").strip()
        bio = (row.get("bio") or "").strip()
        link = links.get(row.get("link"))
        if link is not None:
            speaker = link.speaker
            speaker.name = name
            speaker.organisation_name = organisation
            setattr(speaker, f"bio_{lang}", bio)
            speaker.save()
        else:
            speaker = Speaker.objects.filter(
                name__iexact=name, organisation_name__iexact=organisation
            ).first() or Speaker(name=name, organisation_name=organisation)
            if bio or speaker.pk is None:
                setattr(speaker, f"bio_{lang}", bio)
            speaker.save()
            link = EventSpeaker.objects.filter(event=event, speaker=speaker).first() or (
                EventSpeaker(event=event, speaker=speaker)
            )
        link.is_keynote = bool(row.get("is_keynote"))
        setattr(link, f"topic_{lang}", (row.get("topic") or "").strip())
        link.save()
        kept.add(link.pk)
    event.speaker_links.exclude(pk__in=kept).delete()
