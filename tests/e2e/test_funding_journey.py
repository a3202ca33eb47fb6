"""From an open call to a funded project in Chromium: the applicant starts an application from the
call, fills it in and submits it; the officer checks eligibility and assigns two assessors; both
score and submit; the officer writes the funder's assessment, sets up the funding meeting and the
MYR, puts the application on both agendas and records their favourable statements, and approves
it; the project's public page then shows the project to anyone."""

import datetime

import pytest

from tests.e2e.helpers import log_in
from tests.e2e.test_accessibility import serious_violations

pytestmark = pytest.mark.browser
NAME = "Tekoälystä kasvua verkkokauppaan"


@pytest.fixture
def journey(live_server, transactional_db):
    from hanke.accounts import roles
    from hanke.accounts.models import Membership, Organisation
    from hanke.accounts.roles import sync_role_permissions
    from hanke.accounts.tests.factories import UserFactory
    from hanke.core.models import Region
    from hanke.programmes.models import FundingAuthority
    from hanke.programmes.tests.factories import open_call

    sync_role_permissions()  # the role groups (a transactional test starts from an empty table)
    ely = Organisation.objects.create(
        name_fi="Pohjois-Pohjanmaan ELY-keskus", org_type=Organisation.Type.STATE_AUTHORITY
    )
    authority = FundingAuthority.objects.create(
        name_fi=ely.name_fi, kind=FundingAuthority.Kind.ELY_CENTRE, organisation=ely
    )
    applicant_org = Organisation.objects.create(
        name_fi="Oulun ammattikorkeakoulu Oy",
        business_id="0737510-4",
        org_type=Organisation.Type.UNIVERSITY_OF_APPLIED_SCIENCES,
    )
    people = {
        "hakija": ([roles.APPLICANT], applicant_org, "Hilla", "Hakija"),
        "virkailija": ([roles.FUNDER_OFFICER], ely, "Ville", "Virkailija"),
        "arvioija1": ([roles.ASSESSOR], None, "Aino", "Arvioija"),
        "arvioija2": ([roles.ASSESSOR], None, "Arto", "Arvioija"),
        "myr-jasen": ([roles.COMMITTEE_MEMBER], None, "Maija", "Jäsen"),
    }
    users = {}
    for username, (user_roles, organisation, first, last) in people.items():
        users[username] = UserFactory(
            username=username, first_name=first, last_name=last, roles=user_roles
        )
        if organisation is not None:
            Membership.objects.create(user=users[username], organisation=organisation)
    Region.objects.create(code="17", nuts3_code="FI1D9", name_fi="Pohjois-Pohjanmaa")
    call = open_call(authority=authority)
    return live_server.url, call, users


def log_out(page):
    with page.expect_navigation():
        page.locator(".nav-button").click()


def press(page, name):
    """Click a form's submit button and wait for the page that answers."""
    with page.expect_navigation():
        page.get_by_role("button", name=name).click()


def save_section(page, base, pk, section, fill):
    page.goto(f"{base}/en/applications/{pk}/edit/{section}/")
    fill()
    with page.expect_navigation():
        page.locator("button[name=save]").click()
    errors = [t for t in page.locator(".field-error").all_inner_texts() if t.strip()]
    assert not errors, f"{section}: {errors}"


def add_content_rows(project):
    """The target groups and work packages are formsets of rows (add a row, then fill it): they
    are written here, as `fill_application` does, instead of through the browser."""
    from hanke.projects.models import Activity, TargetGroup, WorkPackage

    TargetGroup.objects.create(project=project, name_fi="Pk-yritysten henkilöstö", target_count=170)
    package = WorkPackage.objects.create(project=project, number=1, title_fi="Koulutus")
    Activity.objects.create(work_package=package, description_fi="Viisi koulutusmoduulia", order=1)


def test_from_an_open_call_to_a_funded_project(journey, page):
    from hanke.projects import workflow
    from hanke.projects.models import Project

    base, call, users = journey
    year = datetime.date.today().year
    start, end = f"{year + 1}-01-01", f"{year + 2}-12-31"

    # --- The applicant starts an application from the open call, fills it in and submits it ----
    # The sections are saved with their Save button, as without JavaScript. The autosave (htmx,
    # tested in the projects app) is kept out: a request it sends with a half-filled form could
    # reach the server after the Save and leave an unsaved copy that blocks the submission.
    page.route("**/autosave/", lambda route: route.abort())
    log_in(page, base, "hakija")
    page.goto(f"{base}/en/calls/")
    page.locator("main a", has_text="Osaamisen kehittämisen jatkuva haku").first.click()
    page.get_by_role("button", name="Start an application").click()
    page.wait_for_url("**/edit/basic/")
    pk = int(page.url.rstrip("/").split("/")[-3])

    def basic():
        page.fill("#id_name", NAME)
        page.check("input[name=kind][value=development]")
        page.select_option("#id_specific_objective", index=1)
        page.locator("input[name=regions]").first.check()

    save_section(page, base, pk, "basic", basic)
    save_section(
        page,
        base,
        pk,
        "summary",
        lambda: page.fill(
            "#id_summary", "Koulutetaan pk-yritysten henkilöstöä verkkokaupan ja tekoälyn käyttöön."
        ),
    )

    def description():
        page.fill("#id_background", "Yrityksiltä puuttuu tekoälyosaamista.")
        page.fill("#id_objectives", "Lisätään verkkokaupan osaamista.")

    save_section(page, base, pk, "description", description)

    def timetable():
        page.fill("#id_start_date", start)
        page.fill("#id_end_date", end)

    save_section(page, base, pk, "timetable", timetable)

    def costs():
        page.check("input[name=cost_model][value=flat_40]")
        page.fill("#id_cost_staff", "71 428,57")

    save_section(page, base, pk, "costs", costs)

    def financing():
        page.fill("#id_source_aid", "80 000")
        page.fill("#id_source_other_public", "20 000")

    save_section(page, base, pk, "financing", financing)
    add_content_rows(Project.objects.get(pk=pk))

    page.goto(f"{base}/en/applications/{pk}/")
    press(page, "Submit the application")
    assert page.locator("#submit-errors").count() == 0, page.locator("#submit-errors").inner_text()
    assert "submitted as version 1" in page.locator(".messages").inner_text()
    assert Project.objects.get(pk=pk).status == workflow.SUBMITTED
    log_out(page)

    # --- The officer checks eligibility and assigns two assessors -------------------------------
    log_in(page, base, "virkailija")
    page.goto(f"{base}/en/assessment/")
    page.locator("main a", has_text=NAME).first.click()
    page.wait_for_url(f"**/en/assessment/{pk}/")
    for radio in page.locator("input[name^=criterion_][value=met]").all():
        radio.check()
    press(page, "Record the eligibility check")
    assert Project.objects.get(pk=pk).status == workflow.IN_ASSESSMENT
    for username in ("arvioija1", "arvioija2"):
        page.select_option("#id_assessor", value=str(users[username].pk))
        press(page, "Assign the assessor")
    assert page.locator("#assessors").get_by_text("Aino Arvioija").count() == 1
    assert page.locator("#assessors").get_by_text("Arto Arvioija").count() == 1
    log_out(page)

    # --- Both assessors score the special criteria and submit -----------------------------------
    for username, values in (("arvioija1", ["4", "4", "2"]), ("arvioija2", ["3,5", "4", "2"])):
        log_in(page, base, username)
        page.goto(f"{base}/en/assessment/")
        page.locator("main a", has_text=NAME).first.click()
        page.wait_for_url(f"**/en/assessment/{pk}/score/")
        scores = page.locator("input[name^=score_]").all()
        justifications = page.locator("textarea[name^=justification_]").all()
        assert len(scores) == len(justifications) == 3
        for field, value in zip(scores, values, strict=True):
            field.fill(value)
        for field in justifications:
            field.fill("Perustelu.")
        press(page, "Submit scores")
        assert page.get_by_text("You submitted your scores").count() == 1
        log_out(page)

    # --- The officer writes the funder's assessment ---------------------------------------------
    log_in(page, base, "virkailija")
    page.goto(f"{base}/en/assessment/{pk}/")
    page.fill("#id_text", "Hanke vastaa haun tavoitteisiin ja on toteuttamiskelpoinen.")
    page.check("input[name=recommendation][value=recommended]")
    press(page, "Save the funder's assessment")

    # --- The funding meeting and the MYR: agenda and favourable statements ----------------------
    for kind, name, days in (("funding_meeting", "Rahoituskokous", 7), ("myr", "MYR", 14)):
        page.locator(".main-nav a", has_text="Meetings").click()
        page.wait_for_url("**/en/meetings/")
        assert serious_violations(page) == [], "meeting list"
        page.get_by_role("link", name="New meeting").click()
        page.wait_for_url("**/en/meetings/new/")
        assert serious_violations(page) == [], "new meeting"
        page.select_option("#id_kind", kind)
        page.fill("#id_date", (datetime.date.today() + datetime.timedelta(days=days)).isoformat())
        page.fill("#id_name", name)
        page.check(f"input[name=participants][value='{users['myr-jasen'].pk}']")
        page.get_by_role("button", name="Create the meeting").click()
        page.wait_for_url("**/en/meetings/*/")
        page.select_option("#id_project", value=str(pk))
        press(page, "Add to the agenda")
        assert serious_violations(page) == [], "meeting page with a statement form"
        page.locator("input[name$=-statement][value=favourable]").check()
        press(page, "Record the statement")
        assert page.locator(".agenda-item .statement-favourable").count() == 1
        assert "Recorded by Ville Virkailija" in page.locator(".agenda-item").inner_text()

    # --- The decision: approval with the planned aid and period ---------------------------------
    page.goto(f"{base}/en/assessment/{pk}/")
    page.locator("main a", has_text="Funding decision").first.click()
    page.wait_for_url(f"**/en/assessment/{pk}/decision/")
    assert page.locator(".chain-done").count() == 2
    assert page.locator("#id_granted_amount").input_value() == "80000"
    assert serious_violations(page) == [], "decision page"
    page.check("input[name=decision][value=approve]")
    press(page, "Make the decision")
    assert "Decision: Approved" in page.locator(".decision-summary").inner_text()
    assert serious_violations(page) == [], "decision made"
    project = Project.objects.get(pk=pk)
    assert project.status == workflow.ONGOING and project.is_public
    log_out(page)

    # --- Anyone can read the funded project's public page ----------------------------------------
    page.goto(f"{base}{project.get_absolute_url()}")
    assert NAME in page.locator("h1").inner_text()
