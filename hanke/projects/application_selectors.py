"""Reads of the applicant's pages: what the application page shows, and the printable summary
built from an application snapshot (the live application's, or a submitted version's)."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext_lazy as _

from hanke.core.i18n import localised
from hanke.core.money import share_percent

from . import activity, workflow
from .application import SECTIONS, application_snapshot, section_problems
from .permissions import can_edit_application


def application_page(project, user) -> dict:
    """Everything the application page shows: the sections with what is missing in each, the
    return message, the submitted versions, the attachments and the timeline."""
    problems = section_problems(project)
    returned = None
    if project.status == workflow.RETURNED:
        returned = (
            project.timeline.filter(kind=activity.RETURNED)
            .select_related("actor")
            .order_by("-at", "-pk")
            .first()
        )
    timeline = [
        {
            "label": activity.label(entry.kind),
            "actor": entry.actor,
            "at": entry.at,
            "message": entry.message,
            "version": entry.version,
        }
        for entry in project.timeline.select_related("actor", "version").order_by("at", "pk")
    ]
    return {
        "project": project,
        "is_application_page": True,
        "can_edit": can_edit_application(user, project),
        "sections": [
            {
                "key": s.key,
                "label": s.label,
                "required": s.required,
                "problems": problems.get(s.key, []),
                "complete": s.key not in problems,
            }
            for s in SECTIONS
        ],
        "incomplete_count": len(problems),
        "returned": returned,
        "versions": list(project.application_versions.select_related("submitted_by")),
        "attachments": list(project.attachments.all()),
        "timeline": timeline,
    }


# --- The printable summary ---------------------------------------------------------------------


@dataclass
class MoneyRow:
    label: str
    amount: Decimal | None
    percent: Decimal | None = None
    computed: bool = False


@dataclass
class WorkPackagePrint:
    number: str
    title: str = ""
    description: str = ""
    activities: list = field(default_factory=list)
    deliverables: list = field(default_factory=list)


@dataclass
class PrintDocument:
    """The application as printed: the sections of an EURA application summary."""

    version: object  # ApplicationVersion or None for the live application
    facts: list  # (label, value)
    partners: list  # dicts: name, business_id, role, description
    summary: str
    description: list  # (label, text)
    target_groups: list  # dicts: name, target, unit
    work_packages: list  # WorkPackagePrint
    start_date: datetime.date | None
    end_date: datetime.date | None
    timetable: str
    cost_model: str
    cost_rows: list  # MoneyRow
    total_cost: Decimal | None
    financing_rows: list  # MoneyRow
    financing_total: Decimal | None
    aid_rate: Decimal | None
    max_aid_rate: Decimal | None
    indicators: list  # (code and name, target)
    attachments: list  # names
    funder_assessment: object  # Localised or None
    authority: str = ""
    programme: str = ""

    @property
    def has_budget(self) -> bool:
        return bool(self.cost_rows or self.financing_rows or self.total_cost)


def _amount(value: str) -> Decimal | None:
    try:
        return Decimal(value) if value not in ("", None) else None
    except InvalidOperation:
        return None


def _date(value: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _choice_label(choices, value: str) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return value


def print_document(project, version=None) -> PrintDocument:
    """The printable application: from the version's frozen snapshot when a version is given,
    otherwise from the live application's snapshot, so both print the same way."""
    from hanke.finance.models import CostCategory, CostModel, FundingSource
    from hanke.finance.selectors import max_aid_rate_for

    from .models import Project, ProjectPartner, ProjectSection, TargetGroup

    snapshot = version.snapshot if version is not None else application_snapshot(project)
    sections: dict = {}
    for item in snapshot.get("fields", []):
        sections.setdefault(item.get("section"), []).append(
            (str(item.get("key", "")), str(item.get("value", "")))
        )

    def values(section) -> dict:
        return dict(sections.get(section, []))

    def rows(section) -> list:
        """`1.name`, `1.role`, `2.name` … as [{name, role}, {name}]: in snapshot order."""
        grouped: dict = {}
        for key, value in sections.get(section, []):
            number, _dot, name = key.partition(".")
            grouped.setdefault(number, {})[name] = value
        return list(grouped.values())

    basic = values("basic")
    fact_labels = [
        ("name", _("Name of the project")),
        ("acronym", _("Acronym")),
        ("kind", _("Kind of project")),
        ("applicant", _("Applicant")),
        ("applicant_business_id", _("Business ID (Y-tunnus)")),
        ("call", _("Call")),
        ("specific_objective", _("Specific objective")),
        ("regions", _("Regions")),
        ("municipalities", _("Municipalities")),
        ("themes", _("Themes")),
    ]
    facts = []
    for key, label in fact_labels:
        value = basic.get(key, "")
        if key == "kind":
            value = _choice_label(Project.Kind, value)
        if value:
            facts.append((label, value))

    partners = [
        {
            "name": row.get("organisation", ""),
            "business_id": row.get("business_id", ""),
            "role": _choice_label(ProjectPartner.Role, row.get("role", "")),
            "description": row.get("description", ""),
        }
        for row in rows("partners")
    ]
    description = [
        (_choice_label(ProjectSection.Kind, key), text)
        for key, text in sections.get("description", [])
        if text
    ]
    target_groups = [
        {
            "name": row.get("name", ""),
            "target": row.get("target", ""),
            "unit": _choice_label(TargetGroup.Unit, row.get("unit", "")),
        }
        for row in rows("target_groups")
    ]
    packages: dict = {}
    for key, value in sections.get("work_packages", []):
        number, _dot, rest = key.partition(".")
        package = packages.setdefault(number, WorkPackagePrint(number=number))
        if rest == "title":
            package.title = value
        elif rest == "description":
            package.description = value
        elif rest.startswith("activity.") and value:
            package.activities.append(value)
        elif rest.startswith("deliverable.") and value:
            package.deliverables.append(value)

    timetable = values("timetable")
    costs = values("costs")
    cost_model = costs.pop("cost_model", "")
    total = _amount(costs.pop("total", ""))
    cost_rows = []
    for key, value in costs.items():
        amount = _amount(value)
        if key == "flat_rate":
            cost_rows.append(
                MoneyRow(
                    _choice_label(CostModel, cost_model),
                    amount,
                    share_percent(amount, total) if total else None,
                    computed=True,
                )
            )
        else:
            cost_rows.append(
                MoneyRow(
                    _choice_label(CostCategory, key),
                    amount,
                    share_percent(amount, total) if total and key != "revenues" else None,
                )
            )
    financing = values("financing")
    financing_total = _amount(financing.pop("total", ""))
    aid_rate = _amount(financing.pop("aid_rate", ""))
    financing_rows = [
        MoneyRow(
            _choice_label(FundingSource, key),
            _amount(value),
            share_percent(_amount(value), total) if total and _amount(value) is not None else None,
        )
        for key, value in financing.items()
    ]
    names = {}
    if project.programme_id:
        names = {
            i.code: f"{i.code} {localised(i, 'name').text} ({localised(i, 'unit').text})"
            for i in project.programme.indicators.all()
        }
    indicators = [(names.get(code, code), value) for code, value in sections.get("indicators", [])]
    assessment = getattr(project, "assessment", None) if _has_assessment(project) else None
    funder_assessment = None
    if assessment is not None:
        text = localised(assessment, "funder_assessment")
        funder_assessment = text if text else None
    return PrintDocument(
        version=version,
        facts=facts,
        partners=partners,
        summary=values("summary").get("summary", ""),
        description=description,
        target_groups=target_groups,
        work_packages=list(packages.values()),
        start_date=_date(timetable.get("start_date", "")),
        end_date=_date(timetable.get("end_date", "")),
        timetable=timetable.get("timetable", ""),
        cost_model=_choice_label(CostModel, cost_model) if cost_model else "",
        cost_rows=cost_rows,
        total_cost=total,
        financing_rows=financing_rows,
        financing_total=financing_total,
        aid_rate=aid_rate,
        max_aid_rate=max_aid_rate_for(project),
        indicators=indicators,
        attachments=[value for _key, value in sections.get("attachments", [])],
        funder_assessment=funder_assessment,
        authority=localised(project.funding_authority, "name").text
        if project.funding_authority_id
        else "",
        programme=localised(project.programme, "name").text if project.programme_id else "",
    )


def _has_assessment(project) -> bool:
    from hanke.assessment.models import Assessment

    return Assessment.objects.filter(project=project).exists()
