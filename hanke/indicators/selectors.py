"""What the progress page and the ESF+ table show: targets against achieved numbers counted from
the records (see `measures`), never typed in."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Min
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hanke.core.formatting import format_number
from hanke.core.i18n import localised
from hanke.core.money import share_percent
from hanke.participants.models import Participant
from hanke.projects.models import PUBLICATION_TYPES, Deliverable

from . import measures
from .models import IndicatorTarget, Measure

# --- Target against achieved ---------------------------------------------------------------------


@dataclass(frozen=True)
class Progress:
    """A target (the number to reach: the minimum of a range) and the achieved count; `achieved`
    is None when the figure is not counted from the records."""

    target: Decimal | int | None
    achieved: int | None

    @property
    def counted(self) -> bool:
        return self.achieved is not None

    @property
    def has_target(self) -> bool:
        return self.target is not None and self.target > 0

    @property
    def reached(self) -> bool:
        return self.counted and self.target is not None and self.achieved >= self.target

    @property
    def percent(self) -> Decimal | None:
        """The achieved share of the target, exact (it can be over 100 %)."""
        if not self.counted or not self.has_target:
            return None
        return share_percent(self.achieved, self.target)

    @property
    def bar_value(self):
        """What the progress bar shows: the achieved number, capped at the target."""
        if not self.counted or not self.has_target:
            return None
        return min(Decimal(self.achieved), Decimal(self.target))

    @property
    def bar_max(self):
        return Decimal(self.target) if self.has_target else None


def deliverable_target(deliverable) -> int | None:
    """The number a deliverable's target is reached at: n for exactly/at least/about n, the
    minimum of a range."""
    if deliverable.target_qualifier == Deliverable.Qualifier.NONE:
        return None
    return deliverable.target_min


def deliverable_basis(deliverable) -> str:
    """How the achieved count of a deliverable is counted, in words."""
    t, in_wp = deliverable.deliverable_type, deliverable.work_package_id is not None
    if t in PUBLICATION_TYPES:
        return _("Published items recorded for this output.")
    texts = {
        Deliverable.Type.EVENT: (
            _("Events of the work package that have taken place."),
            _("Events of the project that have taken place."),
        ),
        Deliverable.Type.TRAINING_SESSION: (
            _("Events of the work package that have taken place."),
            _("Teacher trainings of the project that have taken place."),
        ),
        Deliverable.Type.TRAINING_MODULE: (
            _("Modules of the work package's trainings with a cohort started."),
            _("Modules of the project's trainings with a cohort started."),
        ),
        Deliverable.Type.PEOPLE_TRAINED: (
            _("Different people who completed a module of the work package's trainings."),
            _("Different people who completed a module of the project's trainings."),
        ),
        Deliverable.Type.PARTICIPANTS: (
            _("Different people who attended the work package's events or started its trainings."),
            _("Different people who attended the project's events or started its trainings."),
        ),
    }
    return texts[t][0 if in_wp else 1]


# --- The progress page ---------------------------------------------------------------------------


@dataclass(frozen=True)
class TargetGroupRow:
    group: object
    name: object  # Localised
    level: int
    measure_label: str
    progress: Progress


@dataclass(frozen=True)
class DeliverableRow:
    deliverable: object
    title: object  # Localised
    basis: str
    progress: Progress


@dataclass(frozen=True)
class WorkPackageBlock:
    work_package: object | None
    title: object | None  # Localised
    rows: list


@dataclass(frozen=True)
class IndicatorRow:
    target: IndicatorTarget
    name: object  # Localised
    unit: object  # Localised
    progress: Progress

    @property
    def target_text(self) -> str:
        """`170`, or `12,5` when the target has decimals."""
        value = self.target.target
        return format_number(value, 0 if value == value.to_integral_value() else 2)


@dataclass
class ProgressReport:
    project: object
    today: datetime.date
    target_groups: list = field(default_factory=list)
    work_packages: list = field(default_factory=list)
    indicators: list = field(default_factory=list)
    months: list = field(default_factory=list)
    participants: int = 0
    companies: int = 0


def _ordered_groups(groups) -> list[tuple]:
    """Target groups in their order, each followed by its parts: `(group, level)`."""
    children: dict = {}
    for group in groups:
        children.setdefault(group.part_of_id, []).append(group)
    known = {g.pk for g in groups}
    out: list = []

    def walk(parent, level):
        for group in children.get(parent, []):
            out.append((group, level))
            if level < 5:
                walk(group.pk, level + 1)

    walk(None, 0)
    # parts of a group of another project (should not happen) still appear
    for group in groups:
        if group.part_of_id is not None and group.part_of_id not in known:
            out.append((group, 0))
    return out


def progress_report(project, *, today: datetime.date | None = None) -> ProgressReport:
    """Every target group, deliverable (by work package) and indicator target of `project` with
    its achieved number on `today`, and the cumulative participants and companies by month."""
    today = today or timezone.localdate()
    groups = list(project.target_groups.all())
    targets = list(
        IndicatorTarget.objects.filter(project=project).select_related("indicator").all()
    )
    wanted = {g.measure for g in groups if g.measure} | {
        t.indicator.measure for t in targets if t.indicator.measure
    }
    wanted |= {Measure.PARTICIPANTS, Measure.COMPANIES}
    counts = measures.measure_counts(project, wanted, until=today)

    def achieved(measure):
        return counts.get(str(measure)) if measure else None

    report = ProgressReport(project=project, today=today)
    report.participants = counts[str(Measure.PARTICIPANTS)]
    report.companies = counts[str(Measure.COMPANIES)]
    for group, level in _ordered_groups(groups):
        report.target_groups.append(
            TargetGroupRow(
                group=group,
                name=localised(group, "name"),
                level=level,
                measure_label=group.get_measure_display() if group.measure else "",
                progress=Progress(group.target_count, achieved(group.measure)),
            )
        )

    deliverables = list(project.deliverables.select_related("work_package"))
    done = measures.deliverables_achieved(project, deliverables, until=today)
    blocks: dict = {}
    for deliverable in deliverables:
        blocks.setdefault(deliverable.work_package_id, []).append(deliverable)
    packages = {wp.pk: wp for wp in project.work_packages.all()}
    order = [pk for pk in packages if pk in blocks] + ([None] if None in blocks else [])
    for pk in order:
        wp = packages.get(pk)
        report.work_packages.append(
            WorkPackageBlock(
                work_package=wp,
                title=localised(wp, "title") if wp else None,
                rows=[
                    DeliverableRow(
                        deliverable=d,
                        title=localised(d, "title"),
                        basis=deliverable_basis(d),
                        progress=Progress(deliverable_target(d), done.get(d.pk)),
                    )
                    for d in blocks[pk]
                ],
            )
        )

    for target in targets:
        indicator = target.indicator
        report.indicators.append(
            IndicatorRow(
                target=target,
                name=localised(indicator, "name"),
                unit=localised(indicator, "unit"),
                progress=Progress(target.target, achieved(indicator.measure)),
            )
        )
    report.months = measures.cumulative_by_month(project, until=today)
    return report


# --- The ESF+ participant indicator table ---------------------------------------------------------

G = Participant.Gender
GENDER_COLUMNS = (
    (G.WOMAN, _("Women")),
    (G.MAN, _("Men")),
    (G.NON_BINARY, _("Non-binary")),
    (G.NOT_SAID, _("Prefer not to say")),
)
_COLUMN_OF = {value: index for index, (value, _label) in enumerate(GENDER_COLUMNS)}


@dataclass(frozen=True)
class EsfTableRow:
    row: measures.EsfRow
    by_gender: tuple  # counts in GENDER_COLUMNS order
    total: int

    @property
    def key(self) -> str:
        return self.row.key

    @property
    def section(self) -> str:
        """Rows of one section add up to the total (a part row belongs to the row above)."""
        return self.row.group.removesuffix("_part")

    @property
    def shown(self) -> bool:
        return self.row.shown_when_zero or self.total > 0


@dataclass(frozen=True)
class EsfTable:
    project: object
    start: datetime.date
    end: datetime.date
    counted_until: datetime.date
    rows: tuple

    @property
    def shown_rows(self) -> list:
        return [row for row in self.rows if row.shown]

    def row(self, key: str) -> EsfTableRow:
        return next(row for row in self.rows if row.key == key)

    @property
    def total(self) -> int:
        return self.row("total").total


def esf_rows_from_counts(counts) -> tuple:
    """The table's rows from the per-gender counts of `measures.esf_counts` (a list of
    `{"gender": …, <row key>: n}`). A gender outside the four answers (none should exist) is
    counted under "prefer not to say", so every row's gender columns add up to its total."""
    matrix = {row.key: [0] * len(GENDER_COLUMNS) for row in measures.ESF_ROWS}
    not_said = _COLUMN_OF[G.NOT_SAID]
    for group in counts:
        column = _COLUMN_OF.get(group["gender"], not_said)
        for row in measures.ESF_ROWS:
            matrix[row.key][column] += group.get(row.key) or 0
    return tuple(
        EsfTableRow(row=row, by_gender=tuple(matrix[row.key]), total=sum(matrix[row.key]))
        for row in measures.ESF_ROWS
    )


def default_period(project, today: datetime.date | None = None) -> tuple:
    """From the project's start (or its first entry) to today."""
    today = today or timezone.localdate()
    start = project.start_date
    if start is None:
        start = (
            Participant.objects.filter(project=project).aggregate(first=Min("entered_on"))["first"]
            or today
        )
    end = today if start <= today else start
    return start, end


def esf_table(
    project, *, start: datetime.date, end: datetime.date, today: datetime.date | None = None
) -> EsfTable:
    """The ESF+ common participant indicators of the people who entered `project` between
    `start` and `end`, broken down by gender. Nobody counts before the day they entered, so the
    period is counted up to today at the latest. One query."""
    today = today or timezone.localdate()
    counted_until = min(end, today)
    counts = measures.esf_counts(project, start=start, end=counted_until)
    return EsfTable(
        project=project,
        start=start,
        end=end,
        counted_until=counted_until,
        rows=esf_rows_from_counts(counts),
    )
