"""Counting achievements from the project's own records: nobody types these numbers in.

A person counts once they have *entered* the project (`Participant.entered_on`: the first event
attended or training cohort started, kept by `participants.services.participant_refresh_entry`).
Every count here is of entered people up to a date (`until`, default today), optionally only
those who entered on or after `since`. Erased participants keep their coded start data and
still count.

Each function runs a fixed, small number of queries whatever the number of participants: the
counting is done by the database (`Count(..., filter=Q(...))`), never by a Python loop over
people.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Exists, F, OuterRef, Q
from django.db.models.functions import Coalesce, TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hanke.events.models import Cohort, Event, Registration
from hanke.participants.models import AgeBand, Participant
from hanke.projects.models import PUBLICATION_TYPES, Deliverable, Publication

from .models import Measure

P = Participant
LABOUR = P.LabourStatus
ANSWER = P.Answer


# --- Who is counted ----------------------------------------------------------------------------


def _today() -> datetime.date:
    return timezone.localdate()


def moment_of(until: datetime.date | None) -> datetime.datetime:
    """The end of the day `until` in local time, but never later than now: an event counts as
    held once it has started."""
    now = timezone.now()
    if until is None:
        return now
    end = timezone.make_aware(
        datetime.datetime.combine(until + datetime.timedelta(days=1), datetime.time.min)
    )
    return min(end, now)


def entered(project, *, until: datetime.date | None = None, since: datetime.date | None = None):
    """The participants of `project` who had entered it by `until` (and not before `since`)."""
    until = until or _today()
    people = Participant.objects.filter(
        project=project, entered_on__isnull=False, entered_on__lte=until
    )
    if since is not None:
        people = people.filter(entered_on__gte=since)
    return people


# --- Measures of target groups and indicators ---------------------------------------------------

# Measures counted from the participants' own start data: a condition on the participant.
PERSON_CONDITIONS = {
    Measure.PARTICIPANTS: Q(),
    Measure.AGE_UNDER_18: Q(age_band=AgeBand.UNDER_18),
    Measure.AGE_18_29: Q(age_band=AgeBand.AGE_18_29),
    Measure.AGE_55_PLUS: Q(age_band=AgeBand.AGE_55_PLUS),
    Measure.EMPLOYED: Q(labour_status=LABOUR.EMPLOYED),
    Measure.UNEMPLOYED: Q(labour_status__in=[LABOUR.UNEMPLOYED, LABOUR.LONG_TERM_UNEMPLOYED]),
    Measure.LONG_TERM_UNEMPLOYED: Q(labour_status=LABOUR.LONG_TERM_UNEMPLOYED),
    Measure.INACTIVE: Q(labour_status=LABOUR.INACTIVE),
}
COUNTED_MEASURES = (
    *PERSON_CONDITIONS,
    Measure.COMPANIES,
    Measure.TEACHER_TRAINING,
    Measure.PEOPLE_TRAINED,
)


def _count(condition: Q) -> Count:
    return Count("pk", filter=condition) if condition else Count("pk")


def measure_counts(
    project,
    measures=None,
    *,
    until: datetime.date | None = None,
    since: datetime.date | None = None,
) -> dict[str, int]:
    """The achieved number of each measure (all countable ones by default) for `project`: at most
    two queries, one over the participants' start data and one over their registrations."""
    until = until or _today()
    wanted = [Measure(m) for m in (measures or COUNTED_MEASURES) if m in COUNTED_MEASURES]
    people = entered(project, until=until, since=since)
    result: dict[str, int] = {}

    simple = {m: PERSON_CONDITIONS[m] for m in wanted if m in PERSON_CONDITIONS}
    aggregates = {str(m): _count(q) for m, q in simple.items()}
    if Measure.COMPANIES in wanted:
        aggregates[str(Measure.COMPANIES)] = Count(
            "company_key", distinct=True, filter=~Q(company_key="")
        )
    if aggregates:
        result.update(people.aggregate(**aggregates))

    aggregates = {}
    if Measure.TEACHER_TRAINING in wanted:
        aggregates[str(Measure.TEACHER_TRAINING)] = Count(
            "pk",
            distinct=True,
            filter=Q(
                registrations__event__event_type=Event.Type.TEACHER_TRAINING,
                registrations__event__starts_at__lt=moment_of(until),
                registrations__attended=True,
            ),
        )
    if Measure.PEOPLE_TRAINED in wanted:
        aggregates[str(Measure.PEOPLE_TRAINED)] = Count(
            "pk",
            distinct=True,
            filter=Q(
                registrations__cohort__isnull=False,
                registrations__completed_on__isnull=False,
                registrations__completed_on__lte=until,
            ),
        )
    if aggregates:
        result.update(people.aggregate(**aggregates))
    return {key: value or 0 for key, value in result.items()}


def measure_count(project, measure, **kwargs) -> int | None:
    """One measure's achieved number; None for a measure not counted from the data."""
    if not measure or measure not in COUNTED_MEASURES:
        return None
    return measure_counts(project, [measure], **kwargs)[str(measure)]


# --- Deliverables -------------------------------------------------------------------------------

COUNTED_DELIVERABLE_TYPES = (
    *PUBLICATION_TYPES,
    Deliverable.Type.EVENT,
    Deliverable.Type.TRAINING_SESSION,
    Deliverable.Type.TRAINING_MODULE,
    Deliverable.Type.PEOPLE_TRAINED,
    Deliverable.Type.PARTICIPANTS,
)


def _by_wp(rows, key="wp") -> dict:
    return {row[key]: row["n"] for row in rows}


def deliverables_achieved(
    project, deliverables=None, *, until: datetime.date | None = None
) -> dict[int, int]:
    """The achieved count of each deliverable (by pk), computed from the records up to `until`:
    published items for publication types; for the others, the records of the deliverable's work
    package (or of the whole project when it has none). A fixed number of grouped queries, only
    for the types present."""
    until = until or _today()
    moment = moment_of(until)
    if deliverables is None:
        deliverables = list(project.deliverables.all())
    types = {d.deliverable_type for d in deliverables}
    project_wide = {d.deliverable_type for d in deliverables if d.work_package_id is None}
    result: dict[int, int] = {}

    publication_ids = [d.pk for d in deliverables if d.deliverable_type in PUBLICATION_TYPES]
    if publication_ids:
        published = (
            Publication.objects.filter(deliverable__in=publication_ids, published_on__lte=until)
            .values("deliverable")
            .annotate(n=Count("pk"))
            .order_by()
        )
        counts = {row["deliverable"]: row["n"] for row in published}
        for pk in publication_ids:
            result[pk] = counts.get(pk, 0)

    events: list = []
    if types & {Deliverable.Type.EVENT, Deliverable.Type.TRAINING_SESSION}:
        events = list(
            Event.objects.filter(project=project, starts_at__lt=moment)
            .values("work_package", "event_type")
            .annotate(n=Count("pk"))
            .order_by()
        )

    modules: dict = {}
    if Deliverable.Type.TRAINING_MODULE in types:
        modules = _by_wp(
            Cohort.objects.filter(module__programme__project=project, starts_on__lte=until)
            .annotate(wp=F("module__programme__work_package"))
            .values("wp")
            .annotate(n=Count("module", distinct=True))
            .order_by()
        )

    completed = Registration.objects.filter(
        cohort__module__programme__project=project,
        completed_on__isnull=False,
        completed_on__lte=until,
    )
    trained: dict = {}
    trained_total = 0
    if Deliverable.Type.PEOPLE_TRAINED in types:
        trained = _by_wp(
            completed.annotate(wp=F("cohort__module__programme__work_package"))
            .values("wp")
            .annotate(n=Count("participant", distinct=True))
            .order_by()
        )
        if Deliverable.Type.PEOPLE_TRAINED in project_wide:
            trained_total = completed.aggregate(n=Count("participant", distinct=True))["n"]

    took_part = Registration.objects.filter(
        Q(event__project=project, attended=True, event__starts_at__lt=moment)
        | Q(
            Q(cohort__starts_on__lte=until)
            | Q(cohort__starts_on__isnull=True, confirmed_at__lt=moment),
            cohort__module__programme__project=project,
            status=Registration.Status.CONFIRMED,
        )
    )
    participants: dict = {}
    participants_total = 0
    if Deliverable.Type.PARTICIPANTS in types:
        participants = _by_wp(
            took_part.annotate(
                wp=Coalesce("event__work_package", "cohort__module__programme__work_package")
            )
            .values("wp")
            .annotate(n=Count("participant", distinct=True))
            .order_by()
        )
        if Deliverable.Type.PARTICIPANTS in project_wide:
            participants_total = took_part.aggregate(n=Count("participant", distinct=True))["n"]

    for d in deliverables:
        wp, kind = d.work_package_id, d.deliverable_type
        if kind == Deliverable.Type.EVENT:
            result[d.pk] = sum(r["n"] for r in events if wp is None or r["work_package"] == wp)
        elif kind == Deliverable.Type.TRAINING_SESSION:
            result[d.pk] = sum(
                r["n"]
                for r in events
                if (r["work_package"] == wp)
                or (wp is None and r["event_type"] == Event.Type.TEACHER_TRAINING)
            )
        elif kind == Deliverable.Type.TRAINING_MODULE:
            result[d.pk] = modules.get(wp, 0) if wp else sum(modules.values())
        elif kind == Deliverable.Type.PEOPLE_TRAINED:
            result[d.pk] = trained.get(wp, 0) if wp else trained_total
        elif kind == Deliverable.Type.PARTICIPANTS:
            result[d.pk] = participants.get(wp, 0) if wp else participants_total
    return result


# --- Over time ----------------------------------------------------------------------------------


def entries_by_month(project, *, until: datetime.date | None = None) -> list[tuple]:
    """`(month, new participants, new companies)` for each month with entries, in order: a
    company counts in the month its first participant entered. Two grouped queries."""
    until = until or _today()
    people = entered(project, until=until)
    persons = {
        _as_date(row["month"]): row["n"]
        for row in people.annotate(month=TruncMonth("entered_on"))
        .values("month")
        .annotate(n=Count("pk"))
        .order_by()
    }
    earlier = Participant.objects.filter(
        project=project,
        company_key=OuterRef("company_key"),
        entered_on__isnull=False,
        entered_on__lt=OuterRef("entered_on"),
    )
    firsts = (
        people.exclude(company_key="")
        .filter(~Exists(earlier))
        .annotate(month=TruncMonth("entered_on"))
        .values("month")
        .annotate(n=Count("company_key", distinct=True))
        .order_by()
    )
    companies = {_as_date(row["month"]): row["n"] for row in firsts}
    months = sorted(set(persons) | set(companies))
    return [(m, persons.get(m, 0), companies.get(m, 0)) for m in months]


def _as_date(value) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return value.date()
    return value


def month_range(first: datetime.date, last: datetime.date) -> list[datetime.date]:
    """The first days of the months from `first`'s month to `last`'s, inclusive."""
    months, current = [], first.replace(day=1)
    while current <= last:
        months.append(current)
        current = (current + datetime.timedelta(days=32)).replace(day=1)
    return months


def cumulative_by_month(project, *, until: datetime.date | None = None) -> list[tuple]:
    """`(month, new participants, cumulative participants, new companies, cumulative companies)`
    for every month from the first entry to `until` (today), months without entries included."""
    until = until or _today()
    rows = entries_by_month(project, until=until)
    if not rows:
        return []
    by_month = {month: (persons, companies) for month, persons, companies in rows}
    result, total_persons, total_companies = [], 0, 0
    for month in month_range(rows[0][0], until):
        persons, companies = by_month.get(month, (0, 0))
        total_persons += persons
        total_companies += companies
        result.append((month, persons, total_persons, companies, total_companies))
    return result


# --- The ESF+ common participant indicators ------------------------------------------------------


@dataclass(frozen=True)
class EsfRow:
    """One row of the ESF+ participant indicator table: its key, the EU code of the common
    indicator (empty for rows shown only so the totals can be traced), its label, the
    condition on the participant, the group of rows that adds up to the total, and its level
    (1 for a row that is part of the row above it)."""

    key: str
    code: str
    label: str
    condition: Q
    group: str
    level: int = 0
    shown_when_zero: bool = True


_LABOUR_KNOWN = [s.value for s in LABOUR]
_BANDS_KNOWN = [b.value for b in AgeBand]
_EDUCATION_KNOWN = [e.value for e in P.Education]


def _question_rows(field: str, code: str, yes_label, no_label, not_answered_label) -> list:
    return [
        EsfRow(f"{field}_yes", code, yes_label, Q(**{field: ANSWER.YES}), field),
        EsfRow(f"{field}_no", "", no_label, Q(**{field: ANSWER.NO}), field, 1),
        EsfRow(
            f"{field}_not_answered",
            "",
            not_answered_label,
            ~Q(**{f"{field}__in": [ANSWER.YES, ANSWER.NO]}),
            field,
            1,
        ),
    ]


ESF_ROWS: list[EsfRow] = [
    EsfRow("total", "EECO01", _("Participants, total"), Q(), "total"),
    EsfRow(
        "unemployed",
        "EECO02",
        _("Unemployed, incl. long-term unemployed"),
        Q(labour_status__in=[LABOUR.UNEMPLOYED, LABOUR.LONG_TERM_UNEMPLOYED]),
        "labour",
    ),
    EsfRow(
        "long_term_unemployed",
        "EECO03",
        _("of whom long-term unemployed"),
        Q(labour_status=LABOUR.LONG_TERM_UNEMPLOYED),
        "labour_part",
        1,
    ),
    EsfRow("inactive", "EECO04", _("Inactive"), Q(labour_status=LABOUR.INACTIVE), "labour"),
    EsfRow(
        "employed",
        "EECO05",
        _("Employed, incl. self-employed"),
        Q(labour_status=LABOUR.EMPLOYED),
        "labour",
    ),
    EsfRow(
        "labour_unknown",
        "",
        _("Labour-market status not known"),
        ~Q(labour_status__in=_LABOUR_KNOWN),
        "labour",
        shown_when_zero=False,
    ),
    EsfRow("age_under_18", "EECO06", _("Under 18 years"), Q(age_band=AgeBand.UNDER_18), "age"),
    EsfRow("age_18_29", "EECO07", _("18–29 years"), Q(age_band=AgeBand.AGE_18_29), "age"),
    EsfRow("age_30_54", "", _("30–54 years"), Q(age_band=AgeBand.AGE_30_54), "age"),
    EsfRow("age_55_plus", "EECO08", _("55 years and over"), Q(age_band=AgeBand.AGE_55_PLUS), "age"),
    EsfRow(
        "age_unknown",
        "",
        _("Age not known"),
        ~Q(age_band__in=_BANDS_KNOWN),
        "age",
        shown_when_zero=False,
    ),
    EsfRow(
        "isced_0_2",
        "EECO09",
        _("Lower secondary education or less (ISCED 0–2)"),
        Q(education=P.Education.ISCED_0_2),
        "education",
    ),
    EsfRow(
        "isced_3_4",
        "EECO10",
        _("Upper secondary or post-secondary education (ISCED 3–4)"),
        Q(education=P.Education.ISCED_3_4),
        "education",
    ),
    EsfRow(
        "isced_5_8",
        "EECO11",
        _("Tertiary education (ISCED 5–8)"),
        Q(education=P.Education.ISCED_5_8),
        "education",
    ),
    EsfRow(
        "education_unknown",
        "",
        _("Education not known"),
        ~Q(education__in=_EDUCATION_KNOWN),
        "education",
        shown_when_zero=False,
    ),
    *_question_rows(
        "disability",
        "EECO12",
        _("Participants with disabilities"),
        _("Disability: answered no"),
        _("Disability: preferred not to answer"),
    ),
    *_question_rows(
        "third_country_national",
        "EECO13",
        _("Third-country nationals"),
        _("Third-country national: answered no"),
        _("Third-country national: preferred not to answer"),
    ),
    *_question_rows(
        "foreign_background",
        "EECO14",
        _("Participants with a foreign background"),
        _("Foreign background: answered no"),
        _("Foreign background: preferred not to answer"),
    ),
    *_question_rows(
        "minority",
        "EECO15",
        _("Minorities (incl. marginalised communities such as the Roma)"),
        _("Minority: answered no"),
        _("Minority: preferred not to answer"),
    ),
]

# Groups of rows that each add up to the participants total.
ESF_TOTAL_GROUPS = (
    "labour",
    "age",
    "education",
    "disability",
    "third_country_national",
    "foreign_background",
    "minority",
)


def esf_counts(project, *, start: datetime.date | None, end: datetime.date) -> list[dict]:
    """One query: for each gender value among the participants who entered `project` between
    `start` and `end` (inclusive), the count of every ESF+ row: `{"gender": …, <row key>: n}`."""
    people = entered(project, until=end, since=start)
    groups = (
        people.values("gender")
        .annotate(**{f"n_{row.key}": _count(row.condition) for row in ESF_ROWS})
        .order_by("gender")
    )
    # the annotations are prefixed so that no row key can shadow a field in its own condition
    return [
        {"gender": group["gender"], **{row.key: group[f"n_{row.key}"] for row in ESF_ROWS}}
        for group in groups
    ]
