"""axe-core finds no serious or critical WCAG violations on the main public pages."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from hanke.portal.models import NewsItem
from hanke.projects.models import Project

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def serious_violations(page):
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    return [
        (violation["id"], violation["impact"], [node["target"] for node in violation["nodes"]][:3])
        for violation in results.response["violations"]
        if violation["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_public_pages_have_no_serious_accessibility_violations(demo_site, page, lang):
    hehku = Project.objects.get(source_document__startswith="seeds/000")
    news = NewsItem.objects.get(order=6)
    for path in ["/", "/projects/", f"/projects/{hehku.pk}/", f"/news/{news.pk}/"]:
        page.goto(f"{demo_site}/{lang}{path}")
        assert page.locator("main").count() == 1, path
        assert serious_violations(page) == [], path


def test_skip_link_is_the_first_stop_and_moves_focus_to_main(demo_site, page):
    page.goto(f"{demo_site}/fi/projects/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == "#main"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"


def test_language_switcher_keeps_the_page(demo_site, page):
    growth = Project.objects.get(source_document__startswith="seeds/001")
    page.goto(f"{demo_site}/fi/projects/{growth.pk}/")
    assert page.locator("html").get_attribute("lang") == "fi"
    page.get_by_role("link", name="English").first.click()
    page.wait_for_url(f"**/en/projects/{growth.pk}/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert "Growth through cooperation" in page.locator("h1").inner_text()
