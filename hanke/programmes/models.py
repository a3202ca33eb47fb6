from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from hanke.core.models import TimeStampedModel
from hanke.indicators.models import Measure


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


class MeetingKind(models.TextChoices):
    """The kinds of meeting an application can pass on its way to the funding decision."""

    FUNDING_MEETING = "funding_meeting", _("Funding meeting")
    THEME_GROUP = "theme_group", _("Theme group meeting")
    MYR_SECRETARIAT = "myr_secretariat", _("MYR secretariat")
    MYR = "myr", _("Regional cooperation group (MYR)")
    DECISION = "decision", _("Funding decision")
    OTHER = "other", _("Other meeting")


class CallQuerySet(models.QuerySet):
    def open_on(self, day):
        """Calls that take applications on `day`: opened, and not closed (or continuous)."""
        return self.filter(is_published=True).filter(
            Q(opens_on__isnull=True) | Q(opens_on__lte=day),
            Q(closes_on__isnull=True) | Q(closes_on__gte=day),
        )


class Call(TimeStampedModel):
    """A call for applications (haku): who funds what, when applications are taken, which cost
    models are allowed, how applications are scored and which meetings decide them."""

    name = models.CharField(_("name"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    is_published = models.BooleanField(
        _("published"), default=True, help_text=_("Published calls are listed publicly.")
    )
    is_continuous = models.BooleanField(
        _("continuous call"),
        default=False,
        help_text=_("Applications are taken all the time and assessed by cut-off dates."),
    )
    funds = models.ManyToManyField(Fund, blank=True, related_name="calls", verbose_name=_("funds"))
    score_threshold = models.DecimalField(
        _("score threshold"),
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        help_text=_("The lowest average score that can be funded."),
    )
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

    objects = CallQuerySet.as_manager()

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
            models.CheckConstraint(
                condition=Q(score_threshold__isnull=True) | Q(score_threshold__gte=0),
                name="call_score_threshold_non_negative",
            ),
        ]

    def __str__(self) -> str:
        from hanke.core.i18n import localised

        return localised(self, "name").text or self.name

    def is_open_on(self, day) -> bool:
        return (
            self.is_published
            and (self.opens_on is None or self.opens_on <= day)
            and (self.closes_on is None or self.closes_on >= day)
        )

    def cut_off_for(self, day):
        """The cut-off date an application submitted on `day` is assessed by (None if none)."""
        return (
            self.cut_offs.filter(date__gte=day)
            .order_by("date")
            .values_list("date", flat=True)
            .first()
        )

    @property
    def max_total_score(self) -> Decimal:
        return sum(
            (c.max_score for c in self.criteria.all() if c.kind == SelectionCriterion.Kind.SPECIAL),
            Decimal("0"),
        )


class CallCutOff(models.Model):
    """A cut-off date of a continuous call: applications in by then are assessed together."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="cut_offs")
    date = models.DateField(_("cut-off date"))

    class Meta:
        ordering = ["date"]
        verbose_name = _("cut-off date")
        verbose_name_plural = _("cut-off dates")
        constraints = [models.UniqueConstraint(fields=["call", "date"], name="call_cut_off_unique")]

    def __str__(self) -> str:
        return str(self.date)


class CallCostModel(models.Model):
    """A cost model the call allows. The flat rates are those of `finance.CostModel`."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="cost_models")
    cost_model = models.CharField(_("cost model"), max_length=16)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("allowed cost model")
        verbose_name_plural = _("allowed cost models")
        constraints = [
            models.UniqueConstraint(fields=["call", "cost_model"], name="call_cost_model_unique")
        ]

    def __str__(self) -> str:
        from hanke.finance.models import CostModel

        return str(CostModel(self.cost_model).label)

    def clean(self):
        from django.core.exceptions import ValidationError

        from hanke.finance.models import CostModel

        if self.cost_model not in CostModel.values or self.cost_model == CostModel.NOT_KNOWN:
            raise ValidationError({"cost_model": _("Choose a cost model from the list.")})


class SelectionCriterion(models.Model):
    """A selection criterion of a call. General criteria are pass/fail and checked by the officer
    (eligibility); special criteria are scored by assessors from 0 to `max_score`."""

    class Kind(models.TextChoices):
        GENERAL = "general", _("General criterion (pass/fail)")
        SPECIAL = "special", _("Special criterion (scored)")

    class Group(models.TextChoices):
        GENERAL = "general", _("General")
        CONTENT = "content", _("Content")
        HORIZONTAL = "horizontal", _("Horizontal principles")
        CALL_SPECIFIC = "call_specific", _("Call-specific")

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="criteria")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    group = models.CharField(_("group"), max_length=16, choices=Group.choices)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    text = models.TextField(_("criterion"))
    max_score = models.DecimalField(
        _("maximum score"),
        max_digits=3,
        decimal_places=1,
        default=Decimal("0"),
        help_text=_("5 or 3 for a scored criterion; 0 for a pass/fail criterion."),
    )

    class Meta:
        ordering = ["call", "kind", "order", "pk"]
        verbose_name = _("selection criterion")
        verbose_name_plural = _("selection criteria")
        constraints = [
            models.CheckConstraint(
                condition=(Q(kind="general", max_score=0) | Q(kind="special", max_score__gt=0)),
                name="criterion_score_matches_kind",
            ),
        ]

    def __str__(self) -> str:
        from hanke.core.i18n import localised

        return localised(self, "text").text or self.text

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.kind == self.Kind.GENERAL and self.max_score:
            raise ValidationError({"max_score": _("A pass/fail criterion has no score.")})
        if self.kind == self.Kind.SPECIAL and not self.max_score:
            raise ValidationError(
                {"max_score": _("Give the maximum score of a scored criterion, e.g. 5 or 3.")}
            )


class DecisionStep(models.Model):
    """One step of a call's decision chain: the applications pass these meetings in order before
    the funding decision."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="decision_steps")
    order = models.PositiveSmallIntegerField(_("order"))
    meeting_kind = models.CharField(_("meeting"), max_length=20, choices=MeetingKind.choices)

    class Meta:
        ordering = ["call", "order"]
        verbose_name = _("decision step")
        verbose_name_plural = _("decision chain")
        constraints = [
            models.UniqueConstraint(fields=["call", "order"], name="decision_step_order_unique"),
            models.UniqueConstraint(
                fields=["call", "meeting_kind"], name="decision_step_kind_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.order}. {self.get_meeting_kind_display()}"


class Indicator(models.Model):
    """An indicator of a programme's catalogue, e.g. EECO01 'participants', with its unit."""

    class Kind(models.TextChoices):
        OUTPUT = "output", _("Output indicator")
        RESULT = "result", _("Result indicator")

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="indicators", verbose_name=_("programme")
    )
    code = models.CharField(_("code"), max_length=20)
    name = models.CharField(_("name"), max_length=255)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    unit = models.CharField(_("unit"), max_length=40)
    measure = models.CharField(
        _("counted from the data as"),
        max_length=24,
        choices=Measure.choices,
        blank=True,
        default=Measure.NONE,
        help_text=_(
            "When the indicator can be counted from registrations and enrolments, its achieved "
            "value is computed, never typed in; otherwise projects report it."
        ),
    )

    class Meta:
        ordering = ["programme", "kind", "code"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        constraints = [
            models.UniqueConstraint(fields=["programme", "code"], name="indicator_code_unique")
        ]

    def __str__(self) -> str:
        from hanke.core.i18n import localised

        return f"{self.code} {localised(self, 'name').text or self.name}"
