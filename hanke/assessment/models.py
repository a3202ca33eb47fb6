"""What the funder concludes of an application: the eligibility check against the call's general
criteria, the assessors' scores of its special criteria, the funder's assessment, the meetings
of the decision chain with their statements, and the funding decision."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from hanke.core.models import RequiresTextInSomeLanguage, TimeStampedModel
from hanke.programmes.models import MeetingKind


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


class EligibilityCheck(models.Model):
    """The officer's check of one general (pass/fail) criterion, with a note."""

    project = models.ForeignKey(
        "projects.Project", on_delete=models.CASCADE, related_name="eligibility_checks"
    )
    criterion = models.ForeignKey(
        "programmes.SelectionCriterion",
        on_delete=models.PROTECT,
        related_name="eligibility_checks",
        verbose_name=_("criterion"),
    )
    passed = models.BooleanField(_("met"))
    note = models.TextField(_("note"), blank=True)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    checked_at = models.DateTimeField(_("checked"), auto_now=True)

    class Meta:
        ordering = ["criterion__order", "criterion__pk"]
        verbose_name = _("eligibility check")
        verbose_name_plural = _("eligibility checks")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "criterion"], name="eligibility_check_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.project}: {self.criterion} – {'+' if self.passed else '−'}"


class AssessorAssignment(TimeStampedModel):
    """An assessor asked to score an application. Scores stay private to the assessor until
    `submitted_at` is set; then they count towards the average."""

    project = models.ForeignKey(
        "projects.Project", on_delete=models.CASCADE, related_name="assessor_assignments"
    )
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="assessor_assignments",
        verbose_name=_("assessor"),
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField(_("scores submitted"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("assessor assignment")
        verbose_name_plural = _("assessor assignments")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "assessor"], name="assessor_assignment_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.assessor} – {self.project}"


class CriterionScore(models.Model):
    """One assessor's score of one special criterion: whole or half points, with a justification."""

    assignment = models.ForeignKey(
        AssessorAssignment, on_delete=models.CASCADE, related_name="scores"
    )
    criterion = models.ForeignKey(
        "programmes.SelectionCriterion", on_delete=models.PROTECT, related_name="scores"
    )
    score = models.DecimalField(_("score"), max_digits=3, decimal_places=1)
    justification = models.TextField(_("justification"), blank=True)

    class Meta:
        ordering = ["criterion__order", "criterion__pk"]
        verbose_name = _("criterion score")
        verbose_name_plural = _("criterion scores")
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "criterion"], name="criterion_score_unique"
            ),
            models.CheckConstraint(condition=Q(score__gte=0), name="criterion_score_non_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.score}"


class Meeting(RequiresTextInSomeLanguage, models.Model):
    """A meeting of the decision chain (funding meeting, theme group, MYR secretariat, MYR). Its
    agenda lists applications; the secretary records a statement on each."""

    Kind = MeetingKind
    translated_required = ("name",)

    kind = models.CharField(_("kind"), max_length=20, choices=MeetingKind.choices)
    name = models.CharField(
        _("name"), max_length=300, blank=True, help_text=_("As the document names it.")
    )
    date = models.DateField(_("date"))
    authority = models.ForeignKey(
        "programmes.FundingAuthority",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meetings",
        verbose_name=_("authority"),
    )
    secretary = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meetings_as_secretary",
        verbose_name=_("secretary"),
    )
    participants = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="meetings",
        verbose_name=_("participants"),
    )

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def __str__(self) -> str:
        from hanke.core.i18n import localised

        return f"{localised(self, 'name').text or self.get_kind_display()} {self.date}"


class AgendaItem(TimeStampedModel):
    """An application on a meeting's agenda and the meeting's statement on it."""

    class Statement(models.TextChoices):
        PENDING = "pending", _("Not yet handled")
        FAVOURABLE = "favourable", _("Favourable")
        UNFAVOURABLE = "unfavourable", _("Unfavourable")
        POSTPONED = "postponed", _("Postponed")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda")
    project = models.ForeignKey(
        "projects.Project", on_delete=models.CASCADE, related_name="agenda_items"
    )
    position = models.PositiveSmallIntegerField(_("item number"), default=1)
    statement = models.CharField(
        _("statement"), max_length=16, choices=Statement.choices, default=Statement.PENDING
    )
    statement_text = models.TextField(_("statement in words"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded"), null=True, blank=True)

    class Meta:
        ordering = ["meeting__date", "meeting__pk", "position", "pk"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "project"], name="agenda_item_unique")
        ]

    def __str__(self) -> str:
        return f"{self.meeting}: {self.project}"


class FundingDecision(TimeStampedModel):
    """The funding decision on an application: approved with its terms, or rejected with reasons."""

    class Outcome(models.TextChoices):
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    project = models.OneToOneField(
        "projects.Project", on_delete=models.CASCADE, related_name="funding_decision"
    )
    outcome = models.CharField(_("decision"), max_length=10, choices=Outcome.choices)
    granted_amount = models.DecimalField(
        _("granted aid (€)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    aid_rate = models.DecimalField(
        _("aid rate (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    eligible_from = models.DateField(_("costs eligible from"), null=True, blank=True)
    eligible_until = models.DateField(_("costs eligible until"), null=True, blank=True)
    cost_model = models.CharField(_("cost model"), max_length=16, blank=True)
    conditions = models.TextField(_("conditions"), blank=True)
    reason = models.TextField(_("grounds"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_on = models.DateField(_("decision date"))

    class Meta:
        verbose_name = _("funding decision")
        verbose_name_plural = _("funding decisions")
        constraints = [
            models.CheckConstraint(
                condition=Q(outcome="rejected")
                | (
                    Q(granted_amount__gt=0)
                    & Q(aid_rate__gt=0)
                    & Q(aid_rate__lte=100)
                    & Q(eligible_from__isnull=False)
                    & Q(eligible_until__isnull=False)
                    & Q(eligible_from__lte=F("eligible_until"))
                ),
                name="funding_decision_approval_complete",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_outcome_display()}: {self.project}"
