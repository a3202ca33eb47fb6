"""Document imports: a batch of uploaded documents, each read into text, and the values extracted
from that text with their exact source offsets. Nothing here is a live record: an officer accepts,
edits or rejects each value, and `services.document_apply` writes the accepted ones to the project."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class ImportBatch(models.Model):
    class Kind(models.TextChoices):
        DOCUMENTS = "documents", _("Documents")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.DOCUMENTS)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.QUEUED
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="import_batches",
        verbose_name=_("imported by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    total = models.PositiveIntegerField(_("documents"), default=0)
    processed = models.PositiveIntegerField(_("documents read"), default=0)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("import batch")
        verbose_name_plural = _("import batches")
        constraints = [
            models.CheckConstraint(
                condition=Q(processed__lte=F("total")), name="import_batch_processed_within_total"
            ),
        ]

    def __str__(self) -> str:
        return _("Import %(pk)s") % {"pk": self.pk}

    @property
    def is_running(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)


class ImportDocument(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to be read")
        READ = "read", _("Read, to be reviewed")
        FAILED = "failed", _("Could not be read")
        APPLIED = "applied", _("Applied")
        REJECTED = "rejected", _("Rejected")

    class Duplicate(models.TextChoices):
        SAME_CODE = "same_code", _("Same project code: applying updates that project")
        SAME_NAME_SAME_IMPLEMENTER = (
            "same_name_same_implementer",
            _("Same name and implementer: applying updates that project"),
        )
        SAME_NAME_OTHER_IMPLEMENTER = (
            "same_name_other_implementer",
            _("Same name, another implementer: possibly a different project, created as new"),
        )

    batch = models.ForeignKey(
        ImportBatch, on_delete=models.CASCADE, related_name="documents", verbose_name=_("batch")
    )
    filename = models.CharField(_("file name"), max_length=255)
    format = models.CharField(_("format"), max_length=8, blank=True)
    language = models.CharField(_("language"), max_length=2, blank=True)
    size = models.PositiveIntegerField(_("size (bytes)"), default=0)
    # The uploaded bytes, kept until the document is read (then emptied): a worker on another
    # host reads them from the database, and no file is left behind under MEDIA_ROOT.
    data = models.BinaryField(_("content"), blank=True, default=b"", editable=False)
    text = models.TextField(
        _("text"), blank=True, help_text=_("The cleaned text the extracted values point into.")
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.QUEUED
    )
    error = models.TextField(_("error"), blank=True)
    project = models.ForeignKey(
        "projects.Project",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="import_documents",
        verbose_name=_("project"),
    )
    duplicate_of = models.ForeignKey(
        "projects.Project",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("existing project"),
    )
    duplicate_kind = models.CharField(
        _("duplicate"), max_length=32, choices=Duplicate.choices, blank=True
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("applied or rejected by"),
    )
    decided_at = models.DateTimeField(_("applied or rejected"), null=True, blank=True)

    class Meta:
        ordering = ["batch", "pk"]
        verbose_name = _("imported document")
        verbose_name_plural = _("imported documents")

    def __str__(self) -> str:
        return self.filename

    @property
    def names_implementer(self) -> bool:
        """Whether an implementer was found in the document (the duplicate check compares it)."""
        return any(value.field == "implementer" for value in self.values.all())

    @property
    def updates_existing(self) -> bool:
        return self.duplicate_kind in (
            self.Duplicate.SAME_CODE,
            self.Duplicate.SAME_NAME_SAME_IMPLEMENTER,
        )

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.READ


class ExtractedValue(models.Model):
    class Decision(models.TextChoices):
        PENDING = "pending", _("Not reviewed")
        ACCEPTED = "accepted", _("Accepted")
        EDITED = "edited", _("Edited")
        REJECTED = "rejected", _("Rejected")

    document = models.ForeignKey(
        ImportDocument, on_delete=models.CASCADE, related_name="values", verbose_name=_("document")
    )
    field = models.CharField(_("field"), max_length=32)
    value = models.JSONField(_("extracted value"))
    start = models.PositiveIntegerField(_("start"))
    end = models.PositiveIntegerField(_("end"))
    snippet = models.TextField(_("source snippet"))
    order = models.PositiveIntegerField(_("order"), default=0)
    decision = models.CharField(
        _("decision"), max_length=16, choices=Decision.choices, default=Decision.PENDING
    )
    edited_value = models.JSONField(_("edited value"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        ordering = ["document", "order", "pk"]
        verbose_name = _("extracted value")
        verbose_name_plural = _("extracted values")
        constraints = [
            models.CheckConstraint(
                condition=Q(start__lte=F("end")), name="extracted_value_offsets_ordered"
            ),
            models.CheckConstraint(
                condition=~Q(decision="edited") | Q(edited_value__isnull=False),
                name="extracted_value_edit_has_value",
            ),
            models.CheckConstraint(
                condition=Q(decision="pending") | Q(decided_at__isnull=False),
                name="extracted_value_decision_dated",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.field}: {self.value}"

    @property
    def final_value(self):
        """The value that applying writes: the edited one when edited."""
        return self.edited_value if self.decision == self.Decision.EDITED else self.value

    @property
    def is_taken(self) -> bool:
        return self.decision in (self.Decision.ACCEPTED, self.Decision.EDITED)
