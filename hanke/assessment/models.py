"""What the funder concluded of an application: criteria result, score, the meetings it passed
and the funder's statement. Calls' criteria sets and per-assessor scores extend this later."""

from decimal import Decimal

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from hanke.core.models import RequiresTextInSomeLanguage, TimeStampedModel


class Assessment(TimeStampedModel):
    class Recommendation(models.TextChoices):
        PENDING = "pending", _("No recommendation yet")
        RECOMMENDED = "recommended", _("The funder recommends approving the application")
        NOT_RECOMMENDED = (
            "not_recommended",
            _("The funder does not recommend approving the application"),
        )

    project = models.OneToOneField(
        "projects.Project", on_delete=models.CASCADE, related_name="assessment"
    )
    general_criteria_met = models.BooleanField(
        _("general selection criteria met"), null=True, blank=True
    )
    score = models.DecimalField(_("score"), max_digits=5, decimal_places=1, null=True, blank=True)
    max_score = models.DecimalField(
        _("maximum score"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    funder_assessment = models.TextField(_("funder's assessment"), blank=True)
    justification = models.TextField(_("grounds for the decision"), blank=True)
    recommendation = models.CharField(
        _("recommendation"),
        max_length=20,
        choices=Recommendation.choices,
        default=Recommendation.PENDING,
    )

    class Meta:
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        constraints = [
            models.CheckConstraint(
                condition=Q(score__isnull=True)
                | Q(max_score__isnull=True)
                | (Q(score__gte=0) & Q(score__lte=F("max_score"))),
                name="assessment_score_within_max",
            ),
            models.CheckConstraint(
                condition=Q(max_score__isnull=True) | Q(max_score__gt=Decimal("0")),
                name="assessment_max_score_positive",
            ),
        ]

    def __str__(self) -> str:
        return str(_("Assessment of %(project)s") % {"project": self.project})


class Meeting(RequiresTextInSomeLanguage, models.Model):
    """One step of the decision chain that an application passed, with its date and statement."""

    class Kind(models.TextChoices):
        FUNDING_MEETING = "funding_meeting", _("Funding meeting")
        THEME_GROUP = "theme_group", _("Theme group meeting")
        MYR_SECRETARIAT = "myr_secretariat", _("MYR secretariat")
        MYR = "myr", _("Regional cooperation group (MYR)")
        DECISION = "decision", _("Funding decision")
        OTHER = "other", _("Other meeting")

    translated_required = ("name",)

    project = models.ForeignKey(
        "projects.Project", on_delete=models.CASCADE, related_name="meetings"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    name = models.CharField(
        _("name"), max_length=300, blank=True, help_text=_("As the document names it.")
    )
    date = models.DateField(_("date"))
    statement = models.TextField(_("statement"), blank=True)

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def __str__(self) -> str:
        return f"{self.name} {self.date}"
