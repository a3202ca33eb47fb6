from django.db import models
from django.utils.translation import gettext_lazy as _

from .i18n import LANGUAGE_CHOICES


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


class SourcedModel(TimeStampedModel):
    """A record that knows where its facts came from and in which language it was written."""

    original_language = models.CharField(
        _("original language"), max_length=2, choices=LANGUAGE_CHOICES, default="fi"
    )
    source_document = models.CharField(
        _("source document"),
        max_length=255,
        blank=True,
        help_text=_("The document the facts of this record were taken from, e.g. seeds/001_….txt."),
    )

    class Meta:
        abstract = True


class Region(models.Model):
    """A Finnish region (maakunta), with its NUTS 3 code for EU reporting."""

    code = models.CharField(_("code"), max_length=10, unique=True)
    nuts3_code = models.CharField(_("NUTS 3 code"), max_length=10, blank=True)
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        ordering = ["name"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self) -> str:
        return self.name


class Municipality(models.Model):
    code = models.CharField(_("code"), max_length=10, unique=True)
    name = models.CharField(_("name"), max_length=100)
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="municipalities", verbose_name=_("region")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self) -> str:
        return self.name


class RequiresTextInSomeLanguage:
    """Translated fields that must have text in at least one language (not necessarily Finnish:
    a record may be written in English only). List them in `translated_required`."""

    translated_required: tuple = ()

    def clean(self):
        from django.core.exceptions import ValidationError

        from .i18n import LANGUAGE_CODES

        super().clean()
        missing = {
            name: _("Give this in at least one language (Finnish, English or Swedish).")
            for name in self.translated_required
            if not any(getattr(self, f"{name}_{code}", "") for code in LANGUAGE_CODES)
        }
        if missing:
            raise ValidationError(missing)
