import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hanke.core.models import RequiresTextInSomeLanguage, SourcedModel
from hanke.indicators.models import Measure

from . import workflow


class Theme(models.Model):
    """A theme a project works on, e.g. HEHKU's 'Digital marketing and sales'."""

    slug = models.SlugField(_("identifier"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=150)

    class Meta:
        ordering = ["name"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self) -> str:
        return self.name


class ProjectQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_public=True, status__in=workflow.PUBLIC_STATES)


class Project(SourcedModel):
    """One project through its whole life: application → assessment → decision → implementation."""

    class Kind(models.TextChoices):
        DEVELOPMENT = "development", _("Development project")
        INVESTMENT = "investment", _("Investment project")

    class DatePrecision(models.TextChoices):
        DAY = "day", _("Day")
        MONTH = "month", _("Month")

    code = models.CharField(
        _("project code"),
        max_length=16,
        blank=True,
        help_text=_("EURA code, e.g. S30355 (ESF), A12345 (ERDF), J12345 (JTF)."),
    )
    name = models.CharField(_("name"), max_length=300, blank=True)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    summary = models.TextField(_("summary for publication"), blank=True)
    results = models.TextField(_("results"), blank=True)
    source_notes = models.TextField(
        _("notes on the source"),
        blank=True,
        help_text=_("What the source document does not say, so nobody mistakes a gap for a fact."),
    )
    kind = models.CharField(
        _("kind"), max_length=16, choices=Kind.choices, default=Kind.DEVELOPMENT
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=workflow.STATUS_CHOICES,
        default=workflow.DRAFT,
        db_index=True,
    )
    is_public = models.BooleanField(_("published"), default=False)
    implementer = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="implemented_projects",
        verbose_name=_("implementer"),
    )
    funding_authority = models.ForeignKey(
        "programmes.FundingAuthority",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="projects",
        verbose_name=_("funding authority"),
    )
    fund = models.ForeignKey(
        "programmes.Fund",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="projects",
        verbose_name=_("fund"),
    )
    programme = models.ForeignKey(
        "programmes.Programme",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="projects",
        verbose_name=_("programme"),
    )
    specific_objective = models.ForeignKey(
        "programmes.SpecificObjective",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="projects",
        verbose_name=_("specific objective"),
    )
    call = models.ForeignKey(
        "programmes.Call",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="projects",
        verbose_name=_("call"),
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    date_precision = models.CharField(
        _("precision of the dates"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
    )
    regions = models.ManyToManyField(
        "core.Region", blank=True, related_name="projects", verbose_name=_("regions")
    )
    municipalities = models.ManyToManyField(
        "core.Municipality", blank=True, related_name="projects", verbose_name=_("municipalities")
    )
    themes = models.ManyToManyField(
        Theme, blank=True, related_name="projects", verbose_name=_("themes")
    )
    homepage = models.URLField(_("homepage"), blank=True)

    objects = ProjectQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "name"]
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        constraints = [
            models.CheckConstraint(
                condition=Q(start_date__isnull=True)
                | Q(end_date__isnull=True)
                | Q(start_date__lte=F("end_date")),
                name="project_dates_ordered",
            ),
            models.UniqueConstraint(
                fields=["code"], condition=~Q(code=""), name="project_code_unique"
            ),
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        from hanke.core.i18n import localised

        name = localised(self, "name").text
        if name:
            return name
        return str(_("Untitled project (the source document gives no name)"))

    @property
    def status_label(self) -> str:
        return str(workflow.STATES[self.status])

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("portal:project_detail", kwargs={"pk": self.pk})


class ProjectPartner(models.Model):
    class Role(models.TextChoices):
        CO_IMPLEMENTER = "co_implementer", _("Co-implementer")
        PARTNER = "partner", _("Partner")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="partners")
    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        related_name="partnerships",
        verbose_name=_("organisation"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    description = models.CharField(_("description"), max_length=300, blank=True)

    class Meta:
        ordering = ["role", "organisation__name"]
        verbose_name = _("partner")
        verbose_name_plural = _("co-implementers and partners")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "organisation", "role"], name="project_partner_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.get_role_display()})"


class ProjectLink(RequiresTextInSomeLanguage, models.Model):
    translated_required = ("label",)

    class Kind(models.TextChoices):
        HOMEPAGE = "homepage", _("Homepage")
        VIDEO = "video", _("Video channel")
        SOCIAL = "social", _("Social media")
        DOCUMENT = "document", _("Document")
        OTHER = "other", _("Other")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="links")
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.OTHER)
    label = models.CharField(_("label"), max_length=200, blank=True)
    url = models.URLField(
        _("address"),
        blank=True,
        help_text=_("Leave empty when the source names the place but not its address."),
    )

    class Meta:
        ordering = ["kind", "pk"]
        verbose_name = _("link")
        verbose_name_plural = _("links")

    def __str__(self) -> str:
        return self.label


class ProjectSection(RequiresTextInSomeLanguage, models.Model):
    translated_required = ("body",)

    """A section of the project description (background, objectives, implementation …)."""

    class Kind(models.TextChoices):
        BACKGROUND = "background", _("Background")
        OBJECTIVES = "objectives", _("Objectives")
        IMPLEMENTATION = "implementation", _("Implementation")
        TIMETABLE = "timetable", _("Timetable")
        FUNDER_ASSESSMENT = "funder_assessment", _("Funder's assessment")
        OTHER = "other", _("Other")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="sections")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200, blank=True)
    body = models.TextField(_("text"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("description section")
        verbose_name_plural = _("description sections")

    def __str__(self) -> str:
        return self.title or self.get_kind_display()


class WorkPackage(RequiresTextInSomeLanguage, models.Model):
    translated_required = ("title",)

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="work_packages")
    number = models.PositiveSmallIntegerField(_("number"), null=True, blank=True)
    title = models.CharField(_("title"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["number", "pk"]
        verbose_name = _("work package")
        verbose_name_plural = _("work packages")
        constraints = [
            models.UniqueConstraint(fields=["project", "number"], name="work_package_number_unique")
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}" if self.number else self.title


class Activity(RequiresTextInSomeLanguage, models.Model):
    translated_required = ("description",)

    work_package = models.ForeignKey(
        WorkPackage, on_delete=models.CASCADE, related_name="activities"
    )
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")

    def __str__(self) -> str:
        return self.description[:80]


class Deliverable(RequiresTextInSomeLanguage, models.Model):
    """An output with a numeric target: exactly n, at least n, about n, or a range such as 25–30."""

    class Type(models.TextChoices):
        BLOG_POST = "blog_post", _("Blog posts")
        WORKBOOK = "workbook", _("Workbook")
        STUDY = "study", _("Study")
        VIDEO = "video", _("Video material")
        INFOGRAPHIC = "infographic_package", _("Infographic packages")
        EVENT = "event", _("Events")
        TRAINING_MODULE = "training_module", _("Training modules")
        TRAINING_SESSION = "training_session", _("Training sessions")
        PEOPLE_TRAINED = "people_trained", _("People trained")
        PARTICIPANTS = "participants", _("Participants")
        OTHER = "other", _("Other")

    class Qualifier(models.TextChoices):
        EXACTLY = "exactly", _("exactly")
        AT_LEAST = "at_least", _("at least")
        ABOUT = "about", _("about")
        RANGE = "range", _("range")
        NONE = "none", _("no numeric target")

    translated_required = ("title",)

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="deliverables")
    work_package = models.ForeignKey(
        WorkPackage,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="deliverables",
        verbose_name=_("work package"),
    )
    deliverable_type = models.CharField(_("type"), max_length=24, choices=Type.choices)
    title = models.CharField(_("title"), max_length=300, blank=True)
    target_qualifier = models.CharField(
        _("target"), max_length=10, choices=Qualifier.choices, default=Qualifier.NONE
    )
    target_min = models.PositiveIntegerField(_("target (minimum)"), null=True, blank=True)
    target_max = models.PositiveIntegerField(_("target (maximum)"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["work_package__number", "order", "pk"]
        verbose_name = _("deliverable")
        verbose_name_plural = _("deliverables")
        constraints = [
            models.CheckConstraint(
                condition=Q(target_min__isnull=True)
                | Q(target_max__isnull=True)
                | Q(target_min__lte=F("target_max")),
                name="deliverable_target_range_ordered",
            ),
            models.CheckConstraint(
                condition=(
                    Q(target_qualifier="none", target_min__isnull=True, target_max__isnull=True)
                    | Q(
                        target_qualifier="range", target_min__isnull=False, target_max__isnull=False
                    )
                    | Q(
                        target_qualifier__in=["exactly", "at_least", "about"],
                        target_min__isnull=False,
                        target_max__isnull=True,
                    )
                ),
                name="deliverable_target_matches_qualifier",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def target_display(self) -> str:
        from hanke.core.formatting import format_number

        q = self.Qualifier
        if self.target_qualifier == q.RANGE:
            return f"{format_number(self.target_min)}–{format_number(self.target_max)}"
        if self.target_qualifier == q.EXACTLY:
            return format_number(self.target_min)
        if self.target_qualifier == q.AT_LEAST:
            return str(_("at least %(n)s") % {"n": format_number(self.target_min)})
        if self.target_qualifier == q.ABOUT:
            return str(_("about %(n)s") % {"n": format_number(self.target_min)})
        return ""


PUBLICATION_TYPES = (
    Deliverable.Type.BLOG_POST,
    Deliverable.Type.WORKBOOK,
    Deliverable.Type.STUDY,
    Deliverable.Type.VIDEO,
    Deliverable.Type.INFOGRAPHIC,
    Deliverable.Type.OTHER,
)


class Publication(models.Model):
    """A published output (a blog post, the workbook, a study, a video): it counts towards its
    deliverable's target by being recorded here, nobody types in the count."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="publications")
    deliverable = models.ForeignKey(
        Deliverable,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="publications",
        verbose_name=_("deliverable"),
    )
    title = models.CharField(_("title"), max_length=300)
    published_on = models.DateField(_("published"))
    url = models.URLField(_("link"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-published_on", "-pk"]
        verbose_name = _("publication")
        verbose_name_plural = _("publications")

    def __str__(self) -> str:
        return self.title


class TargetGroup(RequiresTextInSomeLanguage, models.Model):
    """Who the project reaches, with a numeric target where the plan gives one. A group can be a
    part of another: 'of the 170 participants, 34 aged 18–29'."""

    class Unit(models.TextChoices):
        PERSONS = "persons", pgettext_lazy("unit after a number", "persons")
        COMPANIES = "companies", pgettext_lazy("unit after a number", "companies")
        ORGANISATIONS = "organisations", pgettext_lazy("unit after a number", "organisations")

    translated_required = ("name",)

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="target_groups")
    name = models.CharField(_("name"), max_length=300, blank=True)
    target_count = models.PositiveIntegerField(_("target"), null=True, blank=True)
    unit = models.CharField(_("unit"), max_length=16, choices=Unit.choices, default=Unit.PERSONS)
    part_of = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="subgroups",
        verbose_name=_("part of"),
    )
    measure = models.CharField(
        _("counted from the data as"),
        max_length=24,
        choices=Measure.choices,
        blank=True,
        default=Measure.NONE,
        help_text=_("How the achieved number is counted from registrations and enrolments."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")

    def __str__(self) -> str:
        return self.name


class ApplicationVersion(models.Model):
    """An immutable, numbered copy of the application as it was submitted. Each submission and
    resubmission makes a new one; nothing edits or deletes them."""

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="application_versions"
    )
    number = models.PositiveSmallIntegerField(_("version"))
    submitted_at = models.DateTimeField(_("submitted"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    snapshot = models.JSONField(_("content"))

    class Meta:
        ordering = ["project", "number"]
        verbose_name = _("application version")
        verbose_name_plural = _("application versions")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "number"], name="application_version_unique"
            ),
            models.CheckConstraint(condition=Q(number__gte=1), name="application_version_from_1"),
        ]

    def __str__(self) -> str:
        return str(_("Version %(number)s") % {"number": self.number})

    def save(self, *args, **kwargs):
        if self.pk and not kwargs.get("force_insert"):
            raise ValueError("An application version is immutable.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("An application version is immutable.")


class SectionDraft(models.Model):
    """What the applicant typed in a section that did not pass validation yet: kept so that no
    typed text is lost, and shown again (with its errors) when the applicant comes back."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="section_drafts")
    section = models.CharField(_("section"), max_length=32)
    data = models.JSONField(_("typed data"))
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    saved_at = models.DateTimeField(_("saved"), auto_now=True)

    class Meta:
        verbose_name = _("unsaved section")
        verbose_name_plural = _("unsaved sections")
        constraints = [
            models.UniqueConstraint(fields=["project", "section"], name="section_draft_unique")
        ]

    def __str__(self) -> str:
        return f"{self.project}: {self.section}"


def _attachment_path(instance, filename):
    # A random name: the uploaded name is kept in `original_name`, never used as a path.
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"attachments/{instance.project_id}/{uuid.uuid4().hex}.{extension}"


class Attachment(models.Model):
    """A file attached to an application. Stored under MEDIA_ROOT (outside the web root, no URL
    serves it) and delivered only through a view that checks the user's rights."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("file"), upload_to=_attachment_path, max_length=255)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("size (bytes)"))
    description = models.CharField(_("description"), max_length=300, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.original_name


class TimelineEntry(models.Model):
    """A notable event in a project's life (submitted, returned, statement, decision …): who and
    when, for the audit trail and the timeline shown on the application. Append-only."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="timeline")
    kind = models.CharField(_("event"), max_length=32)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)
    from_status = models.CharField(_("from"), max_length=20, blank=True)
    to_status = models.CharField(_("to"), max_length=20, blank=True)
    message = models.TextField(_("message"), blank=True)
    version = models.ForeignKey(
        ApplicationVersion,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("version"),
    )

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("timeline entry")
        verbose_name_plural = _("timeline")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.kind}"
