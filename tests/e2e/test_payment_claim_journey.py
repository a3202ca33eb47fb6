"""A payment claim from cost entry to approval in Chromium: project staff adds a staff cost and
submits a claim, the officer approves it with a reduction, the project sees the decision and the
paid-to-date figure; axe finds no serious violations on the follow-up and claim pages."""

import datetime
from decimal import Decimal

import pytest

from tests.e2e.helpers import log_in
from tests.e2e.test_accessibility import serious_violations

pytestmark = pytest.mark.browser


@pytest.fixture
def journey(live_server, transactional_db):
    from hanke.accounts import roles
    from hanke.accounts.models import Membership, Organisation
    from hanke.accounts.roles import sync_role_permissions
    from hanke.accounts.tests.factories import UserFactory
    from hanke.finance.models import CostCategory, CostModel, FundingSource, StaffMember
    from hanke.finance.services import budget_approve, budget_set
    from hanke.projects import workflow
    from hanke.projects.models import Project

    sync_role_permissions()
    staff = UserFactory(username="hakija", roles=[roles.APPLICANT])
    officer = UserFactory(username="virkailija", roles=[roles.FUNDER_OFFICER])
    organisation = Organisation.objects.create(name_fi="Oulun ammattikorkeakoulu")
    Membership.objects.create(user=staff, organisation=organisation)
    project = Project.objects.create(
        name_fi="Tekoälyä verkkokauppaan",
        name_en="AI for online shops",
        implementer=organisation,
        status=workflow.ONGOING,
        start_date=datetime.date(2023, 9, 1),
        end_date=datetime.date(2026, 6, 30),
    )
    budget_set(
        user=officer,
        project=project,
        cost_model=CostModel.FLAT_RATE_40,
        cost_lines={CostCategory.STAFF: Decimal("364645")},
        financing={
            FundingSource.AID: Decimal("408403"),
            FundingSource.OTHER_PUBLIC: Decimal("102100"),
        },
    )
    budget_approve(user=officer, project=project)
    trainer = StaffMember.objects.create(
        project=project,
        name="Kouluttaja",
        method=StaffMember.Method.HOURLY,
        annual_salary=Decimal("51600"),
    )
    return live_server.url, project, trainer


def log_out(page):
    page.locator(".nav-button").click()
    page.wait_for_load_state()


def test_payment_claim_journey(journey, page):
    base, project, trainer = journey
    finance = f"{base}/en/projects/{project.pk}/finance"

    log_in(page, base, "hakija", lang="fi")
    assert page.locator("main a", has_text="Tekoälyä verkkokauppaan").count() == 1

    page.goto(f"{finance}/costs/add/")
    page.select_option("#id_category", "staff")
    page.fill("#id_entry_date", "2024-03-15")
    page.fill("#id_description", "Training days in March")
    page.select_option("#id_staff_member", str(trainer.pk))
    page.fill("#id_hours", "100")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url("**/costs/*/")
    assert "100.00 h × €30 = €3,000" in page.locator("main").inner_text()

    page.goto(f"{finance}/claims/")
    page.fill("#id_period_start", "2024-01-01")
    page.fill("#id_period_end", "2024-06-30")
    page.get_by_role("button", name="Create the payment claim").click()
    page.wait_for_url("**/claims/*/")
    claim_url = page.url
    assert "40.00% × €3,000 = €1,200" in page.locator("main").inner_text()
    page.get_by_role("button", name="Submit the payment claim").click()
    page.wait_for_load_state()
    assert "Submitted" in page.locator(".status-line").inner_text()
    log_out(page)

    log_in(page, base, "virkailija", lang="fi")
    page.goto(claim_url)
    page.fill("#id_reduction_staff", "500")
    page.fill("#id_reason_staff", "Timesheet missing for one day")
    page.get_by_role("button", name="Approve the claim").click()
    page.wait_for_load_state()
    assert "Approved" in page.locator(".status-line").inner_text()
    log_out(page)

    log_in(page, base, "hakija", lang="fi")
    page.goto(claim_url)
    main = page.locator("main").inner_text()
    assert "Approved" in page.locator(".status-line").inner_text()
    assert "Timesheet missing for one day" in main
    # (3 000 − 500) × 1.40 = 3 500 eligible, aid 80 % = 2 800
    assert "€2,800" in main
    assert serious_violations(page) == [], "claim page"

    page.goto(f"{finance}/")
    assert "€2,800" in page.locator(".finance-figures").inner_text()
    assert page.locator("svg.chart").count() == 3
    assert serious_violations(page) == [], "follow-up page"
