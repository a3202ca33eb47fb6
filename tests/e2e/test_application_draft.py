"""Drafting an application in Chromium, with the site's real Content Security Policy: the applicant
starts an application from the open call, types the name and sees it saved automatically, keeps
typing while it saves, finds the text again after a reload, and gets the error next to a wrong
business ID as they type it. axe finds no serious violations on the section and application pages."""

import pytest

from tests.e2e.helpers import log_in
from tests.e2e.test_accessibility import serious_violations

pytestmark = pytest.mark.browser


@pytest.fixture
def site(live_server, transactional_db, request):
    from hanke.accounts.roles import sync_role_permissions

    # the role groups go with each flush of the transactional database
    sync_role_permissions()
    world = request.getfixturevalue("world")
    return live_server.url, world


def test_drafting_is_saved_as_the_applicant_types(site, strict_page):
    base, world = site
    page = strict_page
    log_in(page, base, "hakija")

    page.goto(f"{base}/en/calls/")
    page.get_by_role("link", name="Osaamisen kehittämisen jatkuva haku").click()
    page.get_by_role("button", name="Start an application").click()
    page.wait_for_url("**/edit/basic/")
    section_url = page.url

    name = page.locator("#id_name")
    name.click()
    name.press_sequentially("Tekoälystä kasvua", delay=30)
    page.wait_for_timeout(1500)  # an autosave happens here, while the field has focus
    name.press_sequentially(" verkkokauppaan", delay=30)
    status = page.locator("#autosave-status")
    status.get_by_text("Saved").wait_for()
    page.wait_for_timeout(1200)  # the last keystrokes' save
    assert name.input_value() == "Tekoälystä kasvua verkkokauppaan"
    assert page.evaluate("document.activeElement.id") == "id_name"

    page.reload()
    assert page.locator("#id_name").input_value() == "Tekoälystä kasvua verkkokauppaan"

    page.goto(section_url.replace("/edit/basic/", "/edit/partners/"))
    page.fill("#id_partners-0-name", "Virhe Oy")
    business_id = page.locator("#id_partners-0-business_id")
    business_id.click()
    business_id.press_sequentially("1234567-2", delay=30)
    error = page.locator("#id_partners-0-business_id-error")
    error.get_by_text("is not a valid business ID").wait_for()
    assert business_id.get_attribute("aria-invalid") == "true"
    assert "id_partners-0-business_id-error" in business_id.get_attribute("aria-describedby")
    assert "Not saved yet" in status.inner_text()
    # the typed text is kept: after a reload it is there again, with its error
    page.reload()
    assert page.locator("#id_partners-0-business_id").input_value() == "1234567-2"
    assert (
        "is not a valid business ID"
        in page.locator("#id_partners-0-business_id-error").inner_text()
    )
    assert page.csp_violations == []


def test_the_flat_rate_hides_the_other_costs_and_the_total_updates(site, strict_page):
    base, world = site
    page = strict_page
    from hanke.projects.services import application_create

    project = application_create(user=world.applicant, call=world.call)
    log_in(page, base, "hakija")
    page.goto(f"{base}/en/applications/{project.pk}/edit/costs/")
    assert page.locator("#id_cost_travel").is_hidden()
    page.locator("#id_cost_staff").press_sequentially("364645", delay=20)
    page.locator("#cost-total").get_by_text("€510,503").wait_for()
    assert page.locator("#cost-flat-rate").inner_text() == "€145,858"
    page.get_by_label("Real costs").check()
    page.locator("#id_cost_travel").wait_for(state="visible")
    page.locator("#cost-total").get_by_text("€364,645").wait_for()
    assert page.csp_violations == []


def test_application_pages_have_no_serious_accessibility_violations(site, page):
    base, world = site
    from hanke.projects.services import application_create

    project = application_create(user=world.applicant, call=world.call)
    log_in(page, base, "hakija")
    for path in [
        f"/en/calls/{world.call.pk}/",
        f"/en/applications/{project.pk}/",
        f"/en/applications/{project.pk}/edit/basic/",
        f"/en/applications/{project.pk}/edit/work_packages/",
        f"/en/applications/{project.pk}/edit/financing/",
        f"/en/applications/{project.pk}/edit/attachments/",
        f"/en/applications/{project.pk}/print/",
    ]:
        page.goto(f"{base}{path}")
        assert serious_violations(page) == [], path
