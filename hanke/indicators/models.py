"""A project's targets for its programme's indicators, and the measures that count achievements
from the recorded data (registrations, enrolments) instead of anyone typing them in."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Measure(models.TextChoices):
    """How a target group or an indicator is counted from the project's own records. A person
    counts once they have entered the project: attended one of its events or enrolled in one of
    its training cohorts (see hanke.indicators.measures)."""

    NONE = "", _("Not counted automatically")
    PARTICIPANTS = "participants", _("Participants (different persons)")
    AGE_UNDER_18 = "age_under_18", _("Participants under 18")
    AGE_18_29 = "age_18_29", _("Participants aged 18–29")
    AGE_55_PLUS = "age_55_plus", _("Participants aged 55 and over")
    EMPLOYED = "employed", _("Employed participants, incl. self-employed")
    UNEMPLOYED = "unemployed", _("Unemployed participants, incl. long-term unemployed")
    LONG_TERM_UNEMPLOYED = "long_term_unemployed", _("Long-term unemployed participants")
    INACTIVE = "inactive", _("Inactive participants")
    COMPANIES = "companies", _("Companies reached (different Y-tunnus)")
    TEACHER_TRAINING = "teacher_training", _("Participants of teacher trainings")
    PEOPLE_TRAINED = "people_trained", _("People who completed a training module")


class IndicatorTarget(models.Model):
    project = models.ForeignKey(
        "projects.Project", on_delete=models.CASCADE, related_name="indicator_targets"
    )
    indicator = models.ForeignKey(
        "programmes.Indicator",
        on_delete=models.PROTECT,
        related_name="targets",
        verbose_name=_("indicator"),
    )
    target = models.DecimalField(_("target"), max_digits=12, decimal_places=2)

    class Meta:
        ordering = ["indicator__kind", "indicator__code"]
        verbose_name = _("indicator target")
        verbose_name_plural = _("indicator targets")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "indicator"], name="indicator_target_unique"
            ),
            models.CheckConstraint(
                condition=Q(target__gte=0), name="indicator_target_non_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.target}"
