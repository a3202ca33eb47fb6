"""Seed 002's way through the funder's workflow: the JTF 2023 call's general criteria met, two
assessors' scores averaging the 20.5/39 of the source, and the four meetings of the decision
chain with their dates, each favourable, ending in the funder's recommendation.

The source gives the total score, not the scores per criterion or assessor; those here are
illustrative and add up to the source's total (20 and 21 points, average 20.5). The project's
`source_notes` say so."""

import datetime
from decimal import Decimal

from django.utils import timezone

from hanke.accounts.models import User
from hanke.assessment.models import (
    AgendaItem,
    AssessorAssignment,
    CriterionScore,
    EligibilityCheck,
    Meeting,
)
from hanke.projects.models import Project

from . import seed_002
from .upsert import translated as t
from .upsert import upsert

SCORES = {
    # assessor: scores of the six 0–5 criteria, then the three 0–3 criteria
    "arvioija": ["3", "3.5", "3", "3", "2.5", "3", "1", "0.5", "0.5"],  # 20
    "arvioija2": ["3.5", "3.5", "3", "3", "3", "3", "1", "0.5", "0.5"],  # 21
}
JUSTIFICATION = "Arvio perustuu hakemukseen ja sen tiivistelmään."


def _at(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12, 0)))


def load(calls):
    call = calls["jtf_2023"]
    project = Project.objects.get(source_document=seed_002.SOURCE, name_fi="")
    if project.call_id != call.pk:
        project.call = call
        project.save(update_fields=["call", "updated_at"])
    officer = User.objects.get(username="virkailija")
    committee = User.objects.get(username="myr")
    for criterion in call.criteria.filter(kind="general"):
        upsert(
            EligibilityCheck,
            {"project": project, "criterion": criterion},
            {"passed": True, "note": "", "checked_by": officer},
        )
    special = list(call.criteria.filter(kind="special").order_by("order"))
    for username, values in SCORES.items():
        assignment = upsert(
            AssessorAssignment,
            {"project": project, "assessor": User.objects.get(username=username)},
            {"assigned_by": officer, "submitted_at": _at(datetime.date(2023, 8, 4))},
        )
        for criterion, value in zip(special, values, strict=True):
            upsert(
                CriterionScore,
                {"assignment": assignment, "criterion": criterion},
                {"score": Decimal(value), "justification": JUSTIFICATION},
            )
    for kind, name, date in seed_002.MEETINGS:
        meeting = upsert(
            Meeting,
            {"kind": kind, "date": date, "name_fi": name},
            {"authority": call.authority, "secretary": officer, **t("name", fi=name)},
            m2m={"participants": [committee] if kind in ("myr", "myr_secretariat") else []},
        )
        upsert(
            AgendaItem,
            {"meeting": meeting, "project": project},
            {
                "position": 1,
                "statement": AgendaItem.Statement.FAVOURABLE,
                "recorded_by": officer,
                "recorded_at": _at(date),
            },
        )
    return project
