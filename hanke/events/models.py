"""Events of a project: webinars, lectures, workshops, keynote events. The foundation keeps what a
public programme needs; registrations and trainings build on it."""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from hanke.core.models import RequiresTextInSomeLanguage, SourcedModel


class Speaker(models.Model):
    name = models.CharField(_("name"), max_length=200)
    organisation_name = models.CharField(_("organisation"), max_length=200, blank=True)
    bio = models.TextField(_("short bio"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")

    def __str__(self) -> str:
        return self.name


class Event(RequiresTextInSomeLanguage, SourcedModel):
    translated_required = ("title",)

    class Type(models.TextChoices):
        WEBINAR = "webinar", _("Webinar")
        LECTURE = "lecture", _("Lecture")
        WORKSHOP = "workshop", _("Workshop")
        LECTURES_AND_WORKSHOPS = "lectures_workshops", _("Lectures and workshops")
        KEYNOTE_EVENT = "keynote_event", _("Keynote event")
        NETWORK_WORKSHOP = "network_workshop", _("Network workshop")
        TEACHER_TRAINING = "teacher_training", _("Teacher training")
        INFO_SESSION = "info_session", _("Info session")

    project = models.ForeignKey(
        "projects.Project",
        on_delete=models.CASCADE,
        related_name="events",
        verbose_name=_("project"),
    )
    work_package = models.ForeignKey(
        "projects.WorkPackage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("work package"),
    )
    title = models.CharField(_("title"), max_length=300, blank=True)
    event_type = models.CharField(_("type"), max_length=24, choices=Type.choices)
    description = models.TextField(_("description"), blank=True)
    starts_at = models.DateTimeField(_("starts"), null=True, blank=True)
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    timing = models.CharField(
        _("timing"),
        max_length=200,
        blank=True,
        help_text=_("When the exact time is not known, e.g. 'Spring 2020'."),
    )
    is_online = models.BooleanField(_("online"), default=False)
    municipality = models.ForeignKey(
        "core.Municipality",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("municipality"),
    )
    venue = models.CharField(_("venue"), max_length=300, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    themes = models.ManyToManyField(
        "projects.Theme", blank=True, related_name="events", verbose_name=_("themes")
    )
    speakers = models.ManyToManyField(
        Speaker, through="EventSpeaker", blank=True, related_name="events"
    )
    keynote_speakers_announced = models.PositiveSmallIntegerField(
        _("number of keynote speakers announced"),
        null=True,
        blank=True,
        help_text=_("When the programme announces keynote speakers before naming them."),
    )
    recording_url = models.URLField(_("recording"), blank=True)
    recording_note = models.CharField(_("where the recording is"), max_length=300, blank=True)

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            models.CheckConstraint(
                condition=Q(starts_at__isnull=True)
                | Q(ends_at__isnull=True)
                | Q(starts_at__lte=F("ends_at")),
                name="event_times_ordered",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def keynote_speakers(self):
        return [link.speaker for link in self.speaker_links.all() if link.is_keynote]


class EventSpeaker(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="speaker_links")
    speaker = models.ForeignKey(Speaker, on_delete=models.CASCADE, related_name="event_links")
    is_keynote = models.BooleanField(_("keynote"), default=False)
    topic = models.CharField(_("topic"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("speaker of an event")
        verbose_name_plural = _("speakers")
        constraints = [
            models.UniqueConstraint(fields=["event", "speaker"], name="event_speaker_unique")
        ]

    def __str__(self) -> str:
        return f"{self.speaker} @ {self.event}"
