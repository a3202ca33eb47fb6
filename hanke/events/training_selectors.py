"""Reads for a project's training pages: its programmes with modules and cohorts (with the counts
of enrolled, waiting and completed people), a cohort's enrolments, and a programme's small groups
with the people who may join them."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q

from hanke.core.formatting import format_number
from hanke.participants.models import Participant

from .models import Cohort, Registration, SmallGroup, TrainingModule, TrainingProgramme

CONFIRMED = Registration.Status.CONFIRMED
WAITING = Registration.Status.WAITING
CANCELLED = Registration.Status.CANCELLED


def credits_display(value) -> str:
    """5 → "5", 2.5 → "2,5" (or "2.5" in English); empty when not known."""
    if value is None:
        return ""
    value = Decimal(value)
    return format_number(value, decimals=0 if value == value.to_integral_value() else 1)


@dataclass
class CohortRow:
    cohort: Cohort
    enrolled: int
    waiting: int
    completed: int

    @property
    def capacity(self):
        return self.cohort.capacity

    @property
    def seats_left(self):
        if self.cohort.capacity is None:
            return None
        return max(self.cohort.capacity - self.enrolled, 0)


@dataclass
class ModuleRow:
    module: TrainingModule
    credits: str
    cohorts: list[CohortRow] = field(default_factory=list)


@dataclass
class YearRow:
    year: int
    cohorts: list[CohortRow]
    enrolled: int
    waiting: int
    completed: int


@dataclass
class ProgrammeRow:
    programme: TrainingProgramme
    modules: list[ModuleRow]
    total_credits: str
    years: list[YearRow]


def _cohort_rows(cohorts) -> list[CohortRow]:
    annotated = cohorts.annotate(
        n_enrolled=Count("registrations", filter=Q(registrations__status=CONFIRMED)),
        n_waiting=Count("registrations", filter=Q(registrations__status=WAITING)),
        n_completed=Count(
            "registrations",
            filter=Q(registrations__status=CONFIRMED, registrations__completed_on__isnull=False),
        ),
    )
    return [
        CohortRow(cohort=c, enrolled=c.n_enrolled, waiting=c.n_waiting, completed=c.n_completed)
        for c in annotated
    ]


def programmes_for_project(project) -> list[ProgrammeRow]:
    """The project's training programmes, each with its modules (in number order), the total of
    the modules' credits and its cohorts grouped by year."""
    programmes = (
        TrainingProgramme.objects.filter(project=project)
        .select_related("work_package")
        .order_by("pk")
    )
    rows = []
    for programme in programmes:
        modules = list(programme.modules.order_by("number"))
        cohort_rows = _cohort_rows(
            Cohort.objects.filter(module__programme=programme)
            .select_related("module")
            .order_by("year", "module__number", "starts_on", "pk")
        )
        module_rows = {
            m.pk: ModuleRow(module=m, credits=credits_display(m.credits)) for m in modules
        }
        by_year: dict[int, list[CohortRow]] = {}
        for row in cohort_rows:
            module_rows[row.cohort.module_id].cohorts.append(row)
            by_year.setdefault(row.cohort.year, []).append(row)
        total = sum((m.credits for m in modules if m.credits is not None), Decimal(0))
        rows.append(
            ProgrammeRow(
                programme=programme,
                modules=list(module_rows.values()),
                total_credits=credits_display(total) if modules else "",
                years=[
                    YearRow(
                        year=year,
                        cohorts=items,
                        enrolled=sum(r.enrolled for r in items),
                        waiting=sum(r.waiting for r in items),
                        completed=sum(r.completed for r in items),
                    )
                    for year, items in sorted(by_year.items())
                ],
            )
        )
    return rows


def cohort_row(cohort) -> CohortRow:
    return _cohort_rows(Cohort.objects.filter(pk=cohort.pk))[0]


@dataclass
class Enrolments:
    confirmed: list[Registration]
    waiting: list[Registration]
    cancelled: list[Registration]


def cohort_enrolments(cohort) -> Enrolments:
    """The cohort's enrolments: confirmed ones by name, the waiting list in its order (first come,
    first served) and the cancelled ones, latest first."""
    registrations = Registration.objects.filter(cohort=cohort).select_related("participant")
    return Enrolments(
        confirmed=list(registrations.filter(status=CONFIRMED).order_by("participant__name", "pk")),
        waiting=list(registrations.filter(status=WAITING).order_by("created_at", "pk")),
        cancelled=list(registrations.filter(status=CANCELLED).order_by("-cancelled_at", "-pk")),
    )


def programme_years(programme) -> list[int]:
    return sorted(
        set(Cohort.objects.filter(module__programme=programme).values_list("year", flat=True))
    )


def enrolled_participants(programme, year):
    """The people with a confirmed enrolment in a cohort of the programme in that year."""
    return (
        Participant.objects.filter(
            project_id=programme.project_id,
            registrations__cohort__module__programme=programme,
            registrations__cohort__year=year,
            registrations__status=CONFIRMED,
        )
        .distinct()
        .order_by("name", "pk")
    )


@dataclass
class GroupYear:
    year: int
    groups: list[SmallGroup]
    candidates: list[Participant]


def small_groups_by_year(programme) -> list[GroupYear]:
    """For every year the programme has cohorts (or groups): its small groups with their members,
    and the enrolled people of that year who may be added to them."""
    groups = list(
        SmallGroup.objects.filter(programme=programme)
        .prefetch_related("members")
        .order_by("year", "name", "pk")
    )
    years = sorted(set(programme_years(programme)) | {g.year for g in groups})
    return [
        GroupYear(
            year=year,
            groups=[g for g in groups if g.year == year],
            candidates=list(enrolled_participants(programme, year)),
        )
        for year in years
    ]
