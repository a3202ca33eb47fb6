"""Demo finance: the funded projects' budgets are approved, and Growth through cooperation gets a
clearly labelled DEMO payment claim. The seeds give no realised costs: every cost entry here is
invented for the demonstration and says so in its description."""

import datetime
from decimal import Decimal

from hanke.accounts.models import User
from hanke.finance.models import Budget, CostCategory, PaymentClaim, StaffMember
from hanke.finance.services import (
    budget_approve,
    cost_entry_create,
    payment_claim_approve,
    payment_claim_create,
    payment_claim_submit,
)
from hanke.projects.models import Project

from . import seed_000, seed_001

DEMO = "DEMO – "


def load():
    officer = User.objects.get(username="virkailija")
    staff_user = User.objects.get(username="hakija")
    for source in (seed_000.SOURCE, seed_001.SOURCE):
        budget = Budget.objects.get(project__source_document=source)
        if budget.approved_at is None:
            budget_approve(
                user=officer,
                project=budget.project,
                note="Demo: the funding decision's date is not in the source.",
            )
    growth = Project.objects.get(source_document=seed_001.SOURCE)
    if PaymentClaim.objects.filter(project=growth, is_demo=True).exists():
        return
    manager = StaffMember.objects.create(
        project=growth,
        name=DEMO + "Projektipäällikkö",
        title="Projektipäällikkö",
        method=StaffMember.Method.SALARY,
        annual_salary=Decimal("48000"),
        on_cost_percent=Decimal("21.00"),
    )
    assistant = StaffMember.objects.create(
        project=growth,
        name=DEMO + "Viestintäassistentti",
        title="Viestintäassistentti",
        method=StaffMember.Method.HOURLY,
        annual_salary=Decimal("36120"),  # 21,00 € an hour
    )
    entries = [
        dict(
            category=CostCategory.STAFF,
            entry_date=datetime.date(2019, 10, 31),
            description=DEMO + "Palkka lokakuu",
            staff_member=manager,
            salary=Decimal("4000"),
        ),
        dict(
            category=CostCategory.STAFF,
            entry_date=datetime.date(2019, 11, 30),
            description=DEMO + "Palkka marraskuu",
            staff_member=manager,
            salary=Decimal("4000"),
        ),
        dict(
            category=CostCategory.STAFF,
            entry_date=datetime.date(2019, 11, 30),
            description=DEMO + "Infografiikan sisällöt",
            staff_member=assistant,
            hours=Decimal("62.5"),
        ),
        dict(
            category=CostCategory.PURCHASED_SERVICES,
            entry_date=datetime.date(2019, 12, 12),
            description=DEMO + "Infografiikkapaketin taitto",
            amount=Decimal("3720.00"),
        ),
        dict(
            category=CostCategory.TRAVEL,
            entry_date=datetime.date(2020, 1, 22),
            description=DEMO + "Pyöreän pöydän tapaaminen, Kemi",
            amount=Decimal("184.60"),
        ),
        dict(
            category=CostCategory.OTHER,
            entry_date=datetime.date(2020, 2, 14),
            description=DEMO + "Tilavuokra, visiotyöpaja",
            amount=Decimal("450.00"),
        ),
    ]
    for entry in entries:
        cost_entry_create(user=staff_user, project=growth, **entry)
    claim = payment_claim_create(
        user=staff_user,
        project=growth,
        period_start=datetime.date(2019, 10, 1),
        period_end=datetime.date(2020, 3, 31),
        is_demo=True,
    )
    payment_claim_submit(user=staff_user, claim=claim)
    payment_claim_approve(
        user=officer,
        claim=claim,
        reductions=[
            (
                CostCategory.OTHER,
                Decimal("150.00"),
                "DEMO: vuokrasta hyväksytään hankkeen osuus 2/3.",
            )
        ],
        note="DEMO: maksatushakemus hyväksytty vähennyksin.",
    )
