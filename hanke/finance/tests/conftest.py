import datetime
from decimal import Decimal

import pytest

from hanke.accounts.models import Membership, Organisation
from hanke.finance.models import CostCategory, CostModel, FundingSource, StaffMember
from hanke.finance.services import budget_approve, budget_set
from hanke.projects import workflow
from hanke.projects.models import Project


@pytest.fixture
def running_project(personas):
    """An ongoing project of the applicant's organisation with seed 002's plan, approved."""
    organisation = Organisation.objects.create(name_fi="Oulun ammattikorkeakoulu")
    Membership.objects.create(user=personas.applicant, organisation=organisation)
    project = Project.objects.create(
        name_fi="Tekoälyä verkkokauppaan",
        implementer=organisation,
        status=workflow.ONGOING,
        start_date=datetime.date(2023, 9, 1),
        end_date=datetime.date(2026, 6, 30),
    )
    budget_set(
        user=personas.officer,
        project=project,
        cost_model=CostModel.FLAT_RATE_40,
        cost_lines={CostCategory.STAFF: Decimal("364645")},
        financing={
            FundingSource.AID: Decimal("408403"),
            FundingSource.OTHER_PUBLIC: Decimal("102100"),
        },
    )
    budget_approve(user=personas.officer, project=project)
    return project


@pytest.fixture
def hourly_trainer(running_project):
    # 51 600 € a year ÷ 1 720 h = 30,00 € an hour
    return StaffMember.objects.create(
        project=running_project,
        name="Kouluttaja",
        method=StaffMember.Method.HOURLY,
        annual_salary=Decimal("51600"),
    )


@pytest.fixture
def salaried_manager(running_project):
    return StaffMember.objects.create(
        project=running_project,
        name="Projektipäällikkö",
        method=StaffMember.Method.SALARY,
        annual_salary=Decimal("54000"),
        on_cost_percent=Decimal("21.50"),
    )
