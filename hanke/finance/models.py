"""The project's cost estimate (kustannusarvio) and financing plan (rahoitussuunnitelma).

The flat rate is never stored as a typed figure: it is computed from staff costs and the cost
model's rate. `Budget.total_cost` is kept by the services in `finance.services` so that it always
equals the cost lines plus the flat rate (or, where a source gives only the total, the total)."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hanke.core.models import TimeStampedModel

from . import claim_workflow


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
    approved_at = models.DateTimeField(
        _("approved in the funding decision"),
        null=True,
        blank=True,
        help_text=_("From then on the figures change only through an approved change request."),
    )
    aid_rate = models.DecimalField(
        _("aid rate of the decision (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Fixed at approval: the aid's share of the eligible costs."),
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


class AnnualAmount(models.Model):
    """A cost line or financing source broken down by year; the years add up to the line."""

    class Kind(models.TextChoices):
        COST = "cost", _("Cost")
        FINANCING = "financing", _("Financing")

    budget = models.ForeignKey(Budget, on_delete=models.CASCADE, related_name="annual_amounts")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    key = models.CharField(_("category or source"), max_length=24)
    year = models.PositiveSmallIntegerField(_("year"))
    amount = models.DecimalField(_("amount"), max_digits=14, decimal_places=2)

    class Meta:
        ordering = ["kind", "key", "year"]
        verbose_name = _("annual amount")
        verbose_name_plural = _("annual amounts")
        constraints = [
            models.UniqueConstraint(
                fields=["budget", "kind", "key", "year"], name="annual_amount_unique"
            ),
            models.CheckConstraint(condition=Q(amount__gte=0), name="annual_amount_non_negative"),
            models.CheckConstraint(
                condition=Q(year__gte=2000) & Q(year__lte=2100), name="annual_amount_year_sane"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.key} {self.year}"


class BudgetVersion(models.Model):
    """An immutable copy of the approved figures: number 1 is the funding decision, each approved
    change request adds the next."""

    budget = models.ForeignKey(Budget, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField(_("version"))
    figures = models.JSONField(_("figures"))
    approved_at = models.DateTimeField(_("approved"))
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["budget", "number"]
        verbose_name = _("approved budget version")
        verbose_name_plural = _("approved budget versions")
        constraints = [
            models.UniqueConstraint(fields=["budget", "number"], name="budget_version_unique")
        ]

    def __str__(self) -> str:
        return f"{self.budget} v{self.number}"


class ChangeRequest(TimeStampedModel):
    """A proposed change to an approved budget, decided by the funder's officer."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    budget = models.ForeignKey(Budget, on_delete=models.CASCADE, related_name="change_requests")
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.SUBMITTED
    )
    reason = models.TextField(_("reason for the change"))
    proposed = models.JSONField(_("proposed figures"))
    before = models.JSONField(_("approved figures when proposed"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decision_note = models.TextField(_("decision note"), blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("change request")
        verbose_name_plural = _("change requests")

    def __str__(self) -> str:
        return str(_("Change request %(pk)s") % {"pk": self.pk})


HOURS_PER_YEAR = Decimal("1720")


class StaffMember(TimeStampedModel):
    """A person whose salary is charged to the project, and how: as salary plus on-costs, or as
    hours × an hourly rate of annual salary ÷ 1 720 h."""

    class Method(models.TextChoices):
        SALARY = "salary", _("Salary plus on-costs")
        HOURLY = "hourly", _("Hours × hourly rate (annual salary ÷ 1 720 h)")

    project = models.ForeignKey("projects.Project", on_delete=models.CASCADE, related_name="staff")
    name = models.CharField(_("name"), max_length=200)
    title = models.CharField(pgettext_lazy("job", "title"), max_length=200, blank=True)
    method = models.CharField(_("method"), max_length=8, choices=Method.choices)
    annual_salary = models.DecimalField(
        _("annual salary"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    on_cost_percent = models.DecimalField(
        # xgettext:no-python-format
        _("on-costs (% of salary)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("0"),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("staff member")
        verbose_name_plural = _("staff")
        constraints = [
            models.CheckConstraint(
                condition=Q(annual_salary__isnull=True) | Q(annual_salary__gte=0),
                name="staff_salary_non_negative",
            ),
            models.CheckConstraint(
                condition=Q(on_cost_percent__gte=0) & Q(on_cost_percent__lte=100),
                name="staff_on_cost_0_100",
            ),
            models.CheckConstraint(
                condition=~Q(method="hourly") | Q(annual_salary__isnull=False),
                name="staff_hourly_needs_salary",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def hourly_rate(self) -> Decimal | None:
        """Annual salary ÷ 1 720 h, to the cent (entries multiply hours by this shown rate)."""
        from hanke.core.money import cents

        if self.annual_salary is None:
            return None
        return cents(self.annual_salary / HOURS_PER_YEAR)


def receipt_path(instance, filename):
    return f"receipts/project-{instance.project_id}/{filename}"


class PaymentClaim(TimeStampedModel):
    """Maksatushakemus: the realised costs of a period, the flat rate, the eligible costs and the
    aid at the decision's rate. The figures are computed and stored when it is submitted."""

    project = models.ForeignKey(
        "projects.Project", on_delete=models.CASCADE, related_name="payment_claims"
    )
    number = models.PositiveSmallIntegerField(_("number"))
    period_start = models.DateField(_("period starts"))
    period_end = models.DateField(_("period ends"))
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=list(claim_workflow.STATES.items()),
        default=claim_workflow.DRAFT,
    )
    is_demo = models.BooleanField(_("demo claim"), default=False)
    figures = models.JSONField(_("figures as submitted"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decision_note = models.TextField(_("message from the funder"), blank=True)
    approved_eligible = models.DecimalField(
        _("approved eligible costs"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    approved_aid = models.DecimalField(
        _("approved aid"), max_digits=14, decimal_places=2, null=True, blank=True
    )

    class Meta:
        ordering = ["project", "number"]
        verbose_name = _("payment claim")
        verbose_name_plural = _("payment claims")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "number"], name="payment_claim_number_unique"
            ),
            models.CheckConstraint(
                condition=Q(period_start__lte=F("period_end")), name="payment_claim_period_ordered"
            ),
            models.CheckConstraint(
                condition=Q(approved_aid__isnull=True) | Q(approved_aid__gte=0),
                name="payment_claim_aid_non_negative",
            ),
        ]

    def __str__(self) -> str:
        return str(_("Payment claim %(number)s") % {"number": self.number})


class CostEntry(TimeStampedModel):
    """A realised cost. Staff costs are computed from hours × hourly rate, or salary + on-costs.
    Once a submitted claim includes the entry it is locked."""

    project = models.ForeignKey(
        "projects.Project", on_delete=models.CASCADE, related_name="cost_entries"
    )
    category = models.CharField(_("category"), max_length=24, choices=CostCategory.choices)
    entry_date = models.DateField(_("date"))
    description = models.CharField(_("description"), max_length=300)
    amount = models.DecimalField(_("amount"), max_digits=14, decimal_places=2)
    staff_member = models.ForeignKey(
        StaffMember,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="entries",
        verbose_name=_("staff member"),
    )
    hours = models.DecimalField(_("hours"), max_digits=7, decimal_places=2, null=True, blank=True)
    hourly_rate = models.DecimalField(
        _("hourly rate"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    salary = models.DecimalField(
        _("salary"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    on_cost_percent = models.DecimalField(
        _("on-costs (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    receipt = models.FileField(_("receipt"), upload_to=receipt_path, blank=True)
    claim = models.ForeignKey(
        PaymentClaim,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="entries",
        verbose_name=_("payment claim"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["entry_date", "pk"]
        verbose_name = _("cost entry")
        verbose_name_plural = _("cost entries")
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gte=0), name="cost_entry_amount_non_negative"
            ),
            models.CheckConstraint(
                condition=Q(hours__isnull=True) | Q(hours__gt=0), name="cost_entry_hours_positive"
            ),
        ]

    def __str__(self) -> str:
        return self.description

    @property
    def is_locked(self) -> bool:
        return self.claim_id is not None and self.claim.status in claim_workflow.LOCKING_STATES


class ClaimReduction(models.Model):
    """The officer reduces a claim's category by an amount, with a reason for each line."""

    claim = models.ForeignKey(PaymentClaim, on_delete=models.CASCADE, related_name="reductions")
    category = models.CharField(_("category"), max_length=24, choices=CostCategory.choices)
    amount = models.DecimalField(_("reduction"), max_digits=14, decimal_places=2)
    reason = models.TextField(_("reason"))

    class Meta:
        verbose_name = _("reduction")
        verbose_name_plural = _("reductions")
        constraints = [
            models.UniqueConstraint(fields=["claim", "category"], name="claim_reduction_unique"),
            models.CheckConstraint(condition=Q(amount__gt=0), name="claim_reduction_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.get_category_display()} −{self.amount}"
