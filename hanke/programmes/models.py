from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from hanke.core.models import TimeStampedModel


class Fund(models.Model):
    """An EU or national fund. `project_code_prefix` is the first letter of EURA codes (S30355)."""

    code = models.CharField(
        _("code"), max_length=16, unique=True, help_text=_("e.g. ERDF, ESF+, JTF")
    )
    abbreviation = models.CharField(
        _("abbreviation"), max_length=16, help_text=_("e.g. EAKR, ESR+")
    )
    name = models.CharField(_("name"), max_length=200)
    project_code_prefix = models.CharField(_("project code prefix"), max_length=1, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("fund")
        verbose_name_plural = _("funds")

    def __str__(self) -> str:
        return self.abbreviation or self.code


class FundingAuthority(models.Model):
    class Kind(models.TextChoices):
        ELY_CENTRE = "ely_centre", _("ELY Centre")
        REGIONAL_COUNCIL = "regional_council", _("Regional council")
        MINISTRY = "ministry", _("Ministry")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    organisation = models.OneToOneField(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="funding_authority",
        verbose_name=_("organisation"),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("funding authority")
        verbose_name_plural = _("funding authorities")

    def __str__(self) -> str:
        return self.name


class Programme(models.Model):
    code = models.CharField(
        _("code"), max_length=32, unique=True, help_text=_("e.g. CCI number or a short code")
    )
    name = models.CharField(_("name"), max_length=255)
    period_start = models.PositiveSmallIntegerField(_("first year"))
    period_end = models.PositiveSmallIntegerField(_("last year"))
    funds = models.ManyToManyField(
        Fund, blank=True, related_name="programmes", verbose_name=_("funds")
    )

    class Meta:
        ordering = ["-period_start", "name"]
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        constraints = [
            models.CheckConstraint(
                condition=Q(period_start__lte=F("period_end")), name="programme_period_ordered"
            )
        ]

    def __str__(self) -> str:
        return self.name


class PriorityAxis(models.Model):
    """Toimintalinja."""

    programme = models.ForeignKey(
        Programme,
        on_delete=models.CASCADE,
        related_name="priority_axes",
        verbose_name=_("programme"),
    )
    number = models.CharField(_("number"), max_length=10)
    name = models.CharField(_("name"), max_length=255, blank=True)

    class Meta:
        ordering = ["programme", "number"]
        verbose_name = _("priority axis")
        verbose_name_plural = _("priority axes")
        constraints = [
            models.UniqueConstraint(fields=["programme", "number"], name="priority_axis_unique")
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.name}".strip()


class SpecificObjective(models.Model):
    """Erityistavoite, e.g. 7.1."""

    priority_axis = models.ForeignKey(
        PriorityAxis,
        on_delete=models.CASCADE,
        related_name="specific_objectives",
        verbose_name=_("priority axis"),
    )
    code = models.CharField(_("code"), max_length=10)
    name = models.CharField(_("name"), max_length=255)
    funds = models.ManyToManyField(
        Fund, blank=True, related_name="specific_objectives", verbose_name=_("funds")
    )

    class Meta:
        ordering = ["priority_axis", "code"]
        verbose_name = _("specific objective")
        verbose_name_plural = _("specific objectives")
        constraints = [
            models.UniqueConstraint(
                fields=["priority_axis", "code"], name="specific_objective_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


DEVELOPMENT_MAX_AID_RATE = Decimal("80.00")
INVESTMENT_MAX_AID_RATE = Decimal("70.00")


class Call(TimeStampedModel):
    """A call for applications (haku). The full call configuration arrives with the assessment
    workflow; the foundation needs its authority, programme and maximum aid rate."""

    name = models.CharField(_("name"), max_length=255)
    authority = models.ForeignKey(
        FundingAuthority,
        on_delete=models.PROTECT,
        related_name="calls",
        verbose_name=_("authority"),
    )
    programme = models.ForeignKey(
        Programme, on_delete=models.PROTECT, related_name="calls", verbose_name=_("programme")
    )
    specific_objectives = models.ManyToManyField(
        SpecificObjective, blank=True, related_name="calls", verbose_name=_("specific objectives")
    )
    opens_on = models.DateField(_("opens"), null=True, blank=True)
    closes_on = models.DateField(_("closes"), null=True, blank=True)
    max_aid_rate = models.DecimalField(
        _("maximum aid rate (%)"),
        max_digits=5,
        decimal_places=2,
        default=DEVELOPMENT_MAX_AID_RATE,
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("100"))],
    )

    class Meta:
        ordering = ["-opens_on", "name"]
        verbose_name = _("call")
        verbose_name_plural = _("calls")
        constraints = [
            models.CheckConstraint(
                condition=Q(max_aid_rate__gte=0) & Q(max_aid_rate__lte=100),
                name="call_max_aid_rate_0_100",
            ),
            models.CheckConstraint(
                condition=Q(opens_on__isnull=True)
                | Q(closes_on__isnull=True)
                | Q(opens_on__lte=F("closes_on")),
                name="call_dates_ordered",
            ),
        ]

    def __str__(self) -> str:
        return self.name
