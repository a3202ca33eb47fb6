"""A funder officer signs in with the demo account and finds a project in the admin."""

import pytest

from hanke.core.demo.users import DEMO_PASSWORD

pytestmark = pytest.mark.browser


def test_officer_signs_in_and_opens_the_application(demo_site, page):
    page.goto(f"{demo_site}/fi/admin/login/")
    page.get_by_label("Käyttäjätunnus").fill("virkailija")
    page.get_by_label("Salasana").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Kirjaudu sisään").click()
    page.goto(f"{demo_site}/fi/admin/projects/project/?q=HEHKU")
    rows = page.locator("#result_list tbody tr")
    assert rows.count() == 2  # TEQU's HEHKU and Itä-Lappi's HEHKU, never merged
    rows.first.locator("th a").click()
    assert page.locator("h1").first.inner_text().startswith("Muokkaa")


def test_wrong_password_gets_a_clear_message(demo_site, page):
    page.goto(f"{demo_site}/fi/admin/login/")
    page.get_by_label("Käyttäjätunnus").fill("virkailija")
    page.get_by_label("Salasana").fill("väärä")
    page.get_by_role("button", name="Kirjaudu sisään").click()
    assert page.locator(".errornote").is_visible()
