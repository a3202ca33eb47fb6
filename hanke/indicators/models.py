"""A project's targets for its programme's indicators. Reported values join them later."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


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
