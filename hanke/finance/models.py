"""The project's cost estimate (kustannusarvio) and financing plan (rahoitussuunnitelma).

The flat rate is never stored as a typed figure: it is computed from staff costs and the cost
model's rate. `Budget.total_cost` is kept by the services in `finance.services` so that it always
equals the cost lines plus the flat rate (or, where a source gives only the total, the total)."""

from decimal import Decimal

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from hanke.core.models import TimeStampedModel


class CostModel(models.TextChoices):
    # xgettext:no-python-format
    FLAT_RATE_40 = "flat_40", _("Flat rate 40 % of staff costs (covers all other costs)")
    # xgettext:no-python-format
    FLAT_RATE_15 = "flat_15", _("Flat rate 15 % of staff costs for indirect costs")
    # xgettext:no-python-format
    FLAT_RATE_17 = "flat_17", _("Flat rate 17 % of staff costs for indirect costs (ESF 2014–2020)")
    # xgettext:no-python-format
    FLAT_RATE_24 = "flat_24", _("Flat rate 24 % of staff costs for indirect costs (ERDF 2014–2020)")
    REAL_COSTS = "real", _("Real costs")
    LUMP_SUM = "lump_sum", _("Lump sum")
    NOT_KNOWN = "unknown", _("Not given in the source")


FLAT_RATES = {
    CostModel.FLAT_RATE_40: Decimal("40"),
    CostModel.FLAT_RATE_15: Decimal("15"),
    CostModel.FLAT_RATE_17: Decimal("17"),
    CostModel.FLAT_RATE_24: Decimal("24"),
}
# Under the 40 % flat rate every cost other than staff costs is covered by the flat rate.
FLAT_RATE_COVERS_ALL_OTHER_COSTS = {CostModel.FLAT_RATE_40}


class CostCategory(models.TextChoices):
    STAFF = "staff", _("Staff costs")
    PURCHASED_SERVICES = "purchased_services", _("Purchased services")
    TRAVEL = "travel", _("Travel costs")
    EQUIPMENT = "equipment", _("Equipment")
    OTHER = "other", _("Other costs")
    REVENUES = "revenues", _("Revenues")


class FundingSource(models.TextChoices):
    AID = "aid", _("EU and state funding (aid)")
    MUNICIPAL = "municipal", _("Municipal funding")
    OTHER_PUBLIC = "other_public", _("Other public funding")
    PRIVATE = "private", _("Private funding")
    OWN = "own", _("Own funding")
    UNSPECIFIED = "unspecified", _("Other funding, not itemised in the source")


PUBLIC_SOURCES = {FundingSource.AID, FundingSource.MUNICIPAL, FundingSource.OTHER_PUBLIC}


class Budget(TimeStampedModel):
    project = models.OneToOneField(
        "projects.Project", on_delete=models.CASCADE, related_name="budget"
    )
    cost_model = models.CharField(
        _("cost model"), max_length=16, choices=CostModel.choices, default=CostModel.NOT_KNOWN
    )
    total_cost = models.DecimalField(
        _("total eligible costs"), max_digits=14, decimal_places=2, default=Decimal("0")
    )
    aid_granted_by = models.CharField(
        _("aid granted by (as the source says)"),
        max_length=200,
        blank=True,
        help_text=_("e.g. 'Lapin liitto/EAKR'"),
    )

    class Meta:
        verbose_name = _("budget")
        verbose_name_plural = _("budgets")
        constraints = [
            models.CheckConstraint(condition=Q(total_cost__gte=0), name="budget_total_non_negative")
        ]

    def __str__(self) -> str:
        return str(_("Budget of %(project)s") % {"project": self.project})


class CostLine(models.Model):
    budget = models.ForeignKey(Budget, on_delete=models.CASCADE, related_name="cost_lines")
    category = models.CharField(_("category"), max_length=24, choices=CostCategory.choices)
    amount = models.DecimalField(_("amount"), max_digits=14, decimal_places=2)

    class Meta:
        verbose_name = _("cost line")
        verbose_name_plural = _("cost estimate")
        constraints = [
            models.UniqueConstraint(
                fields=["budget", "category"], name="cost_line_category_unique"
            ),
            models.CheckConstraint(
                condition=Q(amount__gte=0), name="cost_line_amount_non_negative"
            ),
        ]

    def __str__(self) -> str:
        return self.get_category_display()


class FinancingLine(models.Model):
    budget = models.ForeignKey(Budget, on_delete=models.CASCADE, related_name="financing_lines")
    source = models.CharField(_("source"), max_length=16, choices=FundingSource.choices)
    amount = models.DecimalField(_("amount"), max_digits=14, decimal_places=2)
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("financing line")
        verbose_name_plural = _("financing plan")
        constraints = [
            models.UniqueConstraint(
                fields=["budget", "source"], name="financing_line_source_unique"
            ),
            models.CheckConstraint(
                condition=Q(amount__gte=0), name="financing_line_amount_non_negative"
            ),
        ]

    def __str__(self) -> str:
        return self.get_source_display()
