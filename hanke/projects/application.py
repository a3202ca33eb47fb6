"""The application as the applicant fills it in, declared as data: its sections, what makes each
complete, and the snapshot that a submission freezes into an immutable version.

The snapshot is a flat, ordered list of fields (`section`, `key`, `value`) with plain string
values, so that two versions compare field by field and the print shows exactly what was sent."""

import datetime
import difflib
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hanke.core.i18n import localised

SNAPSHOT_FORMAT = 1


@dataclass(frozen=True)
class Section:
    key: str
    label: str
    required: bool


SECTIONS = [
    Section("basic", gettext_lazy("Basic data"), True),
    Section("partners", gettext_lazy("Partners and co-implementers"), False),
    Section("summary", gettext_lazy("Summary for publication"), True),
    Section("description", gettext_lazy("Background and objectives"), True),
    Section("target_groups", gettext_lazy("Target groups"), True),
    Section("work_packages", gettext_lazy("Work packages, activities and deliverables"), True),
    Section("timetable", gettext_lazy("Timetable"), True),
    Section("costs", gettext_lazy("Cost estimate"), True),
    Section("financing", gettext_lazy("Financing plan"), True),
    Section("indicators", gettext_lazy("Indicator targets"), False),
    Section("attachments", gettext_lazy("Attachments"), False),
]
SECTION_KEYS = [s.key for s in SECTIONS]
SECTION_LABELS = {s.key: s.label for s in SECTIONS}


def eligible_period(project) -> tuple[datetime.date | None, datetime.date | None]:
    """The dates a project of this call must fit in: from the call's opening (or the programme's
    first year) to the end of the programme's eligibility (its last year + 2, the n+2 rule)."""
    earliest = latest = None
    if project.programme_id:
        earliest = datetime.date(project.programme.period_start, 1, 1)
        latest = datetime.date(project.programme.period_end + 2, 12, 31)
    if project.call_id and project.call.opens_on:
        earliest = max(filter(None, [earliest, project.call.opens_on]))
    return earliest, latest


def check_dates(project, start, end) -> dict:
    """Errors by field for a proposed start and end date (empty when they are fine)."""
    from hanke.core.formatting import format_date

    errors: dict = {}
    if start and end and start > end:
        errors.setdefault("end_date", []).append(_("The end date must be on or after the start."))
    earliest, latest = eligible_period(project)
    if start and earliest and start < earliest:
        errors.setdefault("start_date", []).append(
            _("The project cannot start before %(date)s (the call's and programme's period).")
            % {"date": format_date(earliest)}
        )
    if end and latest and end > latest:
        errors.setdefault("end_date", []).append(
            _("The project must end by %(date)s, the end of the programme's eligible period.")
            % {"date": format_date(latest)}
        )
    return errors


def _text(obj, field) -> str:
    return localised(obj, field).text.strip()


def section_problems(project) -> dict:
    """What is still missing, by section key: {"basic": ["Give the project's name.", …], …}."""
    from hanke.finance.services import budget_validate

    problems: dict = {}

    def add(section, message):
        problems.setdefault(section, []).append(message)

    if not _text(project, "name"):
        add("basic", _("Give the project's name."))
    if project.implementer_id is None:
        add("basic", _("The application has no applicant organisation."))
    if project.specific_objective_id is None:
        add("basic", _("Choose the specific objective."))
    if not project.regions.exists():
        add("basic", _("Choose at least one region where the project works."))
    if not _text(project, "summary"):
        add("summary", _("Write the summary for publication."))
    kinds = {
        s.kind
        for s in project.sections.all()
        if any(getattr(s, f"body_{c}") for c in ["fi", "en", "sv"])
    }
    if "background" not in kinds:
        add("description", _("Describe the background of the project."))
    if "objectives" not in kinds:
        add("description", _("Describe the objectives of the project."))
    groups = list(project.target_groups.all())
    if not groups:
        add("target_groups", _("Give at least one target group."))
    elif not any(g.target_count for g in groups):
        add("target_groups", _("Give a numeric target for at least one target group."))
    packages = list(project.work_packages.prefetch_related("activities"))
    if not packages:
        add("work_packages", _("Give at least one work package."))
    for package in packages:
        if not package.activities.all():
            add(
                "work_packages",
                _("Work package %(number)s has no activities.") % {"number": package.number},
            )
    if project.start_date is None or project.end_date is None:
        add("timetable", _("Give the start and end dates."))
    else:
        for messages in check_dates(project, project.start_date, project.end_date).values():
            for message in messages:
                add("timetable", message)
    budget = getattr(project, "budget", None)
    if budget is None or not budget.cost_lines.exists():
        add("costs", _("Fill in the cost estimate."))
    elif (
        project.call_id
        and not project.call.cost_models.filter(cost_model=budget.cost_model).exists()
        and project.call.cost_models.exists()
    ):
        add("costs", _("The call does not allow the chosen cost model."))
    if budget is None or not budget.financing_lines.exists():
        add("financing", _("Fill in the financing plan."))
    elif budget.cost_lines.exists():
        try:
            budget_validate(
                project=project,
                cost_model=budget.cost_model,
                cost_lines={line.category: line.amount for line in budget.cost_lines.all()},
                financing={line.source: line.amount for line in budget.financing_lines.all()},
            )
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                section = "costs" if field.startswith("cost") else "financing"
                for message in messages:
                    add(section, message)
    if (
        project.programme_id
        and project.programme.indicators.exists()
        and not project.indicator_targets.exists()
    ):
        add("indicators", _("Give a target for at least one of the programme's indicators."))
    for draft in project.section_drafts.all():
        add(
            draft.section,
            _("This section has changes that were not saved because of errors; correct them."),
        )
    return problems


# --- Snapshot ----------------------------------------------------------------------------------


def _money(value) -> str:
    return "" if value is None else str(Decimal(value).quantize(Decimal("0.01")))


def application_snapshot(project) -> dict:
    """Everything the application says, as a flat ordered list of fields with string values."""
    from hanke.finance.selectors import budget_summary

    fields = []

    def put(section, key, value):
        fields.append(
            {"section": section, "key": key, "value": "" if value is None else str(value)}
        )

    put("basic", "name", _text(project, "name"))
    put("basic", "acronym", project.acronym)
    put("basic", "kind", project.kind)
    put("basic", "applicant", project.implementer.name if project.implementer_id else "")
    put(
        "basic",
        "applicant_business_id",
        project.implementer.business_id if project.implementer_id else "",
    )
    put("basic", "call", str(project.call) if project.call_id else "")
    put(
        "basic",
        "specific_objective",
        str(project.specific_objective) if project.specific_objective_id else "",
    )
    put("basic", "regions", ", ".join(r.name for r in project.regions.all()))
    put("basic", "municipalities", ", ".join(m.name for m in project.municipalities.all()))
    put("basic", "themes", ", ".join(t.name for t in project.themes.all()))
    for n, partner in enumerate(project.partners.select_related("organisation"), start=1):
        put("partners", f"{n}.organisation", partner.organisation.name)
        put("partners", f"{n}.business_id", partner.organisation.business_id)
        put("partners", f"{n}.role", partner.role)
        put("partners", f"{n}.description", partner.description)
    put("summary", "summary", _text(project, "summary"))
    for section in project.sections.all():
        if section.kind in ("background", "objectives", "implementation"):
            put("description", section.kind, _text(section, "body"))
    for n, group in enumerate(project.target_groups.select_related("part_of"), start=1):
        put("target_groups", f"{n}.name", _text(group, "name"))
        put("target_groups", f"{n}.target", group.target_count)
        put("target_groups", f"{n}.unit", group.unit)
    for package in project.work_packages.prefetch_related("activities", "deliverables"):
        prefix = f"{package.number}"
        put("work_packages", f"{prefix}.title", _text(package, "title"))
        put("work_packages", f"{prefix}.description", _text(package, "description"))
        for m, activity in enumerate(package.activities.all(), start=1):
            put("work_packages", f"{prefix}.activity.{m}", _text(activity, "description"))
        for m, deliverable in enumerate(package.deliverables.all(), start=1):
            target = deliverable.target_display
            put(
                "work_packages",
                f"{prefix}.deliverable.{m}",
                f"{_text(deliverable, 'title')} ({target})"
                if target
                else _text(deliverable, "title"),
            )
    put("timetable", "start_date", project.start_date.isoformat() if project.start_date else "")
    put("timetable", "end_date", project.end_date.isoformat() if project.end_date else "")
    timetable = next((s for s in project.sections.all() if s.kind == "timetable"), None)
    put("timetable", "timetable", _text(timetable, "body") if timetable else "")
    summary = budget_summary(project)
    if summary is not None:
        put("costs", "cost_model", summary.cost_model)
        for row in summary.cost_rows:
            put("costs", row.key, _money(row.amount))
        put("costs", "total", _money(summary.total_cost))
        for row in summary.financing_rows:
            put("financing", row.key, _money(row.amount))
        put("financing", "total", _money(summary.financing_total))
        put("financing", "aid_rate", _money(summary.aid_rate))
    for target in project.indicator_targets.select_related("indicator"):
        put("indicators", target.indicator.code, f"{target.target.normalize():f}")
    for attachment in project.attachments.all():
        put("attachments", str(attachment.pk), f"{attachment.original_name} ({attachment.size} B)")
    return {"format": SNAPSHOT_FORMAT, "fields": fields}


# --- Comparing versions ------------------------------------------------------------------------


@dataclass(frozen=True)
class FieldChange:
    section: str
    key: str
    change: str  # "added", "removed", "changed"
    old: str
    new: str

    @property
    def section_label(self) -> str:
        return str(SECTION_LABELS.get(self.section, self.section))

    def word_diff(self) -> list[tuple[str, str]]:
        """The change word by word: [("same"|"removed"|"added", text), …]."""
        old_words, new_words = self.old.split(), self.new.split()
        result = []
        matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
        for op, a1, a2, b1, b2 in matcher.get_opcodes():
            if op == "equal":
                result.append(("same", " ".join(old_words[a1:a2])))
                continue
            if a2 > a1:
                result.append(("removed", " ".join(old_words[a1:a2])))
            if b2 > b1:
                result.append(("added", " ".join(new_words[b1:b2])))
        return result


def snapshot_diff(old: dict, new: dict) -> list[FieldChange]:
    """The fields that differ between two snapshots, in the order of the newer one."""

    def index(snapshot):
        return {(f["section"], f["key"]): f["value"] for f in snapshot.get("fields", [])}

    before, after = index(old), index(new)
    changes = []
    for field in new.get("fields", []):
        key = (field["section"], field["key"])
        if key not in before:
            if field["value"]:
                changes.append(FieldChange(*key, "added", "", field["value"]))
        elif before[key] != field["value"]:
            changes.append(FieldChange(*key, "changed", before[key], field["value"]))
    for field in old.get("fields", []):
        key = (field["section"], field["key"])
        if key not in after and field["value"]:
            changes.append(FieldChange(*key, "removed", field["value"], ""))
    order = {k: i for i, k in enumerate(SECTION_KEYS)}
    changes.sort(key=lambda c: order.get(c.section, len(order)))
    return changes
