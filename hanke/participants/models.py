"""Participants of a project's events and trainings, with the ESF+ start data (aloitustiedot).

Personal data is minimal: a name and an e-mail address to reach the person, a birth year instead
of any identity code, and the coded start data the ESF+ common indicators need. Every view of it
is logged (`AccessLog`). Erasure blanks the identifying fields and keeps the coded ones, so the
aggregates keep their counts; a company is counted by a one-way key of its Y-tunnus, which stays
after erasure."""

import hashlib

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class AgeBand(models.TextChoices):
    UNDER_18 = "under_18", _("under 18")
    AGE_18_29 = "18_29", _("18–29")
    AGE_30_54 = "30_54", _("30–54")
    AGE_55_PLUS = "55_plus", _("55 and over")


def age_band_for(birth_year: int, year: int) -> str:
    """The ESF+ age band of someone born in `birth_year`, in `year` (age = year − birth year:
    only the birth year is stored, so this is the age reached during that year)."""
    age = year - birth_year
    if age < 18:
        return AgeBand.UNDER_18
    if age < 30:
        return AgeBand.AGE_18_29
    if age < 55:
        return AgeBand.AGE_30_54
    return AgeBand.AGE_55_PLUS


def company_key_for(business_id: str) -> str:
    """A one-way key of a (normalised) Y-tunnus: counts different companies without keeping the
    link from an erased person to a named company."""
    if not business_id:
        return ""
    return hashlib.sha256(f"hanke-company:{business_id}".encode()).hexdigest()


class Participant(models.Model):
    """One person in one project. The same e-mail address in the same project is the same person:
    registering again for another event reuses the record and its start data."""

    class Gender(models.TextChoices):
        WOMAN = "woman", _("Woman")
        MAN = "man", _("Man")
        NON_BINARY = "non_binary", _("Non-binary")
        NOT_SAID = "not_said", _("Prefer not to say")

    class LabourStatus(models.TextChoices):
        EMPLOYED = "employed", _("Employed, incl. self-employed")
        UNEMPLOYED = "unemployed", _("Unemployed (less than 12 months)")
        LONG_TERM_UNEMPLOYED = "long_term_unemployed", _("Long-term unemployed (12 months or more)")
        INACTIVE = (
            "inactive",
            _("Outside the labour force (e.g. student, on family leave, retired)"),
        )

    class Education(models.TextChoices):
        ISCED_0_2 = "isced_0_2", _("Basic education or less (ISCED 0–2)")
        ISCED_3_4 = "isced_3_4", _("Upper secondary or post-secondary (ISCED 3–4)")
        ISCED_5_8 = "isced_5_8", _("Tertiary (ISCED 5–8)")

    class Answer(models.TextChoices):
        YES = "yes", _("Yes")
        NO = "no", _("No")
        NOT_ANSWERED = "not_answered", _("Prefer not to answer")

    project = models.ForeignKey(
        "projects.Project", on_delete=models.CASCADE, related_name="participants"
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    email_key = models.CharField(
        max_length=254, blank=True, help_text="The e-mail address in lower case: one person."
    )
    consent_text = models.TextField(_("consent given"))
    consented_at = models.DateTimeField(_("consent given on"))
    birth_year = models.PositiveSmallIntegerField(_("birth year"), null=True, blank=True)
    age_band = models.CharField(_("age band"), max_length=10, choices=AgeBand.choices)
    gender = models.CharField(_("gender"), max_length=12, choices=Gender.choices)
    labour_status = models.CharField(
        _("labour-market status"), max_length=24, choices=LabourStatus.choices
    )
    education = models.CharField(_("education"), max_length=12, choices=Education.choices)
    disability = models.CharField(
        _("disability"), max_length=12, choices=Answer.choices, default=Answer.NOT_ANSWERED
    )
    third_country_national = models.CharField(
        _("third-country national"),
        max_length=12,
        choices=Answer.choices,
        default=Answer.NOT_ANSWERED,
    )
    foreign_background = models.CharField(
        _("foreign background"), max_length=12, choices=Answer.choices, default=Answer.NOT_ANSWERED
    )
    minority = models.CharField(
        _("minority, incl. marginalised communities such as the Roma"),
        max_length=12,
        choices=Answer.choices,
        default=Answer.NOT_ANSWERED,
    )
    company_name = models.CharField(_("company"), max_length=200, blank=True)
    business_id = models.CharField(_("business ID (Y-tunnus)"), max_length=9, blank=True)
    company_key = models.CharField(max_length=64, blank=True, db_index=True)
    entered_on = models.DateField(
        _("entered the project"),
        null=True,
        blank=True,
        help_text=_("The first event attended or training cohort started; counted from then."),
    )
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    erased_at = models.DateTimeField(_("personal data erased"), null=True, blank=True)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "email_key"],
                condition=~Q(email_key=""),
                name="participant_one_per_email_in_project",
            ),
            models.CheckConstraint(
                condition=Q(erased_at__isnull=True) | Q(name="", email="", email_key=""),
                name="participant_erased_has_no_identity",
            ),
        ]
        indexes = [models.Index(fields=["project", "entered_on"])]

    def __str__(self) -> str:
        return self.name or str(_("(erased)"))

    @property
    def is_erased(self) -> bool:
        return self.erased_at is not None


class AccessLog(models.Model):
    """Who saw, exported or erased whose personal data, and when. Append-only."""

    class Action(models.TextChoices):
        LIST = "list", pgettext_lazy("access log", "Viewed a participant list")
        CHECK_IN = "check_in", pgettext_lazy("access log", "Viewed or printed a check-in list")
        VIEW = "view", pgettext_lazy("access log", "Viewed a person's data")
        EXPORT = "export", pgettext_lazy("access log", "Exported a person's data")
        ERASE = "erase", pgettext_lazy("access log", "Erased a person's data")
        PURGE = "purge", pgettext_lazy("access log", "Purged expired personal data")
        ATTENDANCE = "attendance", pgettext_lazy("access log", "Marked attendance")
        CERTIFICATE = "certificate", pgettext_lazy("access log", "Printed a certificate")

    at = models.DateTimeField(_("at"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    action = models.CharField(_("action"), max_length=16, choices=Action.choices)
    project = models.ForeignKey(
        "projects.Project",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="participant_access_log",
    )
    participant = models.ForeignKey(
        Participant,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="access_log",
    )
    detail = models.CharField(_("detail"), max_length=300, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("personal data access")
        verbose_name_plural = _("personal data access log")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.user} {self.action}"
