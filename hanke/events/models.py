"""Events of a project (webinars, lectures, workshops, keynote events, teacher trainings) and its
trainings (programmes of modules run as yearly cohorts), with the registrations of both: one
`Registration` is a seat at an event or an enrolment in a cohort, confirmed or on the waiting
list, and later attended (events) or completed (cohorts)."""

from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hanke.core.i18n import LANGUAGE_CHOICES
from hanke.core.models import RequiresTextInSomeLanguage, SourcedModel


class RegistrationWindow(models.Model):
    """Capacity and registration settings shared by events and training cohorts."""

    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Empty means no limit.")
    )
    registration_enabled = models.BooleanField(_("registration open to the public"), default=False)
    registration_opens_at = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("registration closes"), null=True, blank=True)

    class Meta:
        abstract = True

    def registration_is_open(self, now=None) -> bool:
        now = now or timezone.now()
        if not self.registration_enabled:
            return False
        if self.registration_opens_at and now < self.registration_opens_at:
            return False
        if self.registration_closes_at and now >= self.registration_closes_at:
            return False
        return self.registration_ends_naturally_after(now)

    def registration_ends_naturally_after(self, now) -> bool:
        return True


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


class Event(RequiresTextInSomeLanguage, RegistrationWindow, SourcedModel):
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
    language = models.CharField(
        _("language"), max_length=2, choices=LANGUAGE_CHOICES, blank=True, default=""
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
            ),
            models.CheckConstraint(
                condition=Q(registration_opens_at__isnull=True)
                | Q(registration_closes_at__isnull=True)
                | Q(registration_opens_at__lt=F("registration_closes_at")),
                name="event_registration_window_ordered",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def registration_ends_naturally_after(self, now) -> bool:
        """Registration closes when the event starts, whatever the window says."""
        return self.starts_at is None or now < self.starts_at

    @property
    def duration(self):
        if self.starts_at and self.ends_at:
            return self.ends_at - self.starts_at
        return None

    @property
    def has_taken_place(self) -> bool:
        return bool(self.starts_at and self.starts_at <= timezone.now())

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


class TrainingProgramme(RequiresTextInSomeLanguage, SourcedModel):
    """A training of several modules, e.g. seed 002's 30 op programme of five 5 op modules."""

    translated_required = ("name",)

    project = models.ForeignKey(
        "projects.Project",
        on_delete=models.CASCADE,
        related_name="training_programmes",
        verbose_name=_("project"),
    )
    work_package = models.ForeignKey(
        "projects.WorkPackage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="training_programmes",
        verbose_name=_("work package"),
    )
    name = models.CharField(_("name"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["project", "pk"]
        verbose_name = _("training programme")
        verbose_name_plural = _("training programmes")

    def __str__(self) -> str:
        return self.name

    @property
    def total_credits(self):
        return sum((m.credits or 0 for m in self.modules.all()), 0)


class TrainingModule(RequiresTextInSomeLanguage, models.Model):
    """A module: credits in op (ECTS), duration in weeks, online theory and contact workshops."""

    translated_required = ("name",)

    programme = models.ForeignKey(
        TrainingProgramme, on_delete=models.CASCADE, related_name="modules"
    )
    number = models.PositiveSmallIntegerField(_("number"))
    name = models.CharField(_("name"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)
    credits = models.DecimalField(
        _("credits (op / ECTS)"), max_digits=4, decimal_places=1, null=True, blank=True
    )
    duration_weeks = models.PositiveSmallIntegerField(_("duration (weeks)"), null=True, blank=True)
    online_theory = models.BooleanField(_("online theory"), default=False)
    contact_workshops = models.PositiveSmallIntegerField(
        _("contact workshops"), null=True, blank=True
    )

    class Meta:
        ordering = ["programme", "number"]
        verbose_name = _("training module")
        verbose_name_plural = _("training modules")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "number"], name="training_module_number_unique"
            ),
            models.CheckConstraint(
                condition=Q(credits__isnull=True) | Q(credits__gt=0),
                name="training_module_credits_positive",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Cohort(RegistrationWindow, models.Model):
    """One run of a module, e.g. module 1 in 2024. Enrolments are registrations to it."""

    module = models.ForeignKey(TrainingModule, on_delete=models.CASCADE, related_name="cohorts")
    year = models.PositiveSmallIntegerField(_("year"))
    starts_on = models.DateField(_("starts"), null=True, blank=True)
    ends_on = models.DateField(_("ends"), null=True, blank=True)
    timing = models.CharField(
        _("timing"),
        max_length=200,
        blank=True,
        help_text=_("When the exact dates are not known, e.g. 'Spring 2026'."),
    )

    class Meta:
        ordering = ["year", "starts_on", "module__number", "pk"]
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        constraints = [
            models.CheckConstraint(
                condition=Q(starts_on__isnull=True)
                | Q(ends_on__isnull=True)
                | Q(starts_on__lte=F("ends_on")),
                name="cohort_dates_ordered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.module} {self.year}"

    def registration_ends_naturally_after(self, now) -> bool:
        return self.ends_on is None or timezone.localdate(now) <= self.ends_on

    @property
    def has_started(self) -> bool:
        return bool(self.starts_on and self.starts_on <= timezone.localdate())


class SmallGroup(models.Model):
    """A small group inside a training programme's year, e.g. an e-commerce club."""

    programme = models.ForeignKey(
        TrainingProgramme, on_delete=models.CASCADE, related_name="small_groups"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    name = models.CharField(_("name"), max_length=200)
    members = models.ManyToManyField(
        "participants.Participant",
        blank=True,
        related_name="small_groups",
        verbose_name=_("members"),
    )

    class Meta:
        ordering = ["year", "name"]
        verbose_name = _("small group")
        verbose_name_plural = _("small groups")

    def __str__(self) -> str:
        return self.name


class Registration(models.Model):
    """A seat at an event or an enrolment in a training cohort. The waiting list is the waiting
    registrations in the order they came (`created_at`, then `pk`)."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITING = "waiting", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    ACTIVE = (Status.CONFIRMED, Status.WAITING)

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, null=True, blank=True, related_name="registrations"
    )
    cohort = models.ForeignKey(
        Cohort, on_delete=models.CASCADE, null=True, blank=True, related_name="registrations"
    )
    participant = models.ForeignKey(
        "participants.Participant", on_delete=models.CASCADE, related_name="registrations"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    language = models.CharField(
        _("language"),
        max_length=2,
        choices=LANGUAGE_CHOICES,
        default="fi",
        help_text=_("The language the person registered in: their e-mails are in it."),
    )
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("seat confirmed"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    attended = models.BooleanField(_("attended"), default=False)
    completed_on = models.DateField(_("completed"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.CheckConstraint(
                condition=Q(event__isnull=False, cohort__isnull=True)
                | Q(event__isnull=True, cohort__isnull=False),
                name="registration_event_or_cohort",
            ),
            models.UniqueConstraint(
                fields=["event", "participant"],
                condition=Q(status__in=["confirmed", "waiting"]),
                name="registration_once_per_event",
            ),
            models.UniqueConstraint(
                fields=["cohort", "participant"],
                condition=Q(status__in=["confirmed", "waiting"]),
                name="registration_once_per_cohort",
            ),
            models.CheckConstraint(
                condition=Q(attended=False) | Q(status="confirmed"),
                name="registration_attended_only_confirmed",
            ),
        ]
        indexes = [models.Index(fields=["event", "status", "created_at"])]

    def __str__(self) -> str:
        return f"{self.participant} → {self.event or self.cohort}"

    @property
    def target(self):
        return self.event or self.cohort
