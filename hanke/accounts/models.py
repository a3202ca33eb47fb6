from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hanke.core.business_id import validate_business_id
from hanke.core.models import SourcedModel


class User(AbstractUser):
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=2,
        choices=[("fi", _("Finnish")), ("en", _("English")), ("sv", _("Swedish"))],
        default="fi",
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")


class Organisation(SourcedModel):
    class Type(models.TextChoices):
        UNIVERSITY_OF_APPLIED_SCIENCES = "uas", _("University of applied sciences")
        UNIVERSITY = "university", _("University")
        MUNICIPALITY = "municipality", _("Municipality")
        MUNICIPALITY_CONSORTIUM = "municipality_consortium", _("Joint municipal authority")
        DEVELOPMENT_COMPANY = "development_company", _("Regional development company")
        ASSOCIATION = "association", _("Association")
        CHAMBER_OF_COMMERCE = "chamber_of_commerce", _("Chamber of commerce")
        COMPANY = "company", _("Company")
        STATE_AUTHORITY = "state_authority", _("State authority")
        REGIONAL_COUNCIL = "regional_council", _("Regional council")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=255)
    business_id = models.CharField(
        _("business ID (Y-tunnus)"),
        max_length=9,
        blank=True,
        validators=[validate_business_id],
        help_text=_("Form 1234567-1. Leave empty when it is not known."),
    )
    org_type = models.CharField(_("type"), max_length=32, choices=Type.choices, default=Type.OTHER)
    municipality = models.ForeignKey(
        "core.Municipality",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="organisations",
        verbose_name=_("municipality"),
    )
    website = models.URLField(_("website"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.UniqueConstraint(
                fields=["business_id"],
                condition=~Q(business_id=""),
                name="organisation_business_id_unique",
            )
        ]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """A user works for an organisation (as applicant/project staff or as a funder's officer)."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    title = models.CharField(pgettext_lazy("job", "title"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="membership_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.organisation}"
