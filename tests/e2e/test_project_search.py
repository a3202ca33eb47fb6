"""The project search in a real browser: typing and ticking facets update the results in place
(htmx), the address follows so the search can be shared, focus stays where it was, and axe
finds no serious or critical violations."""

import re

import pytest

from hanke.programmes.models import Fund
from tests.e2e.test_accessibility import serious_violations

pytestmark = pytest.mark.browser


def result_names(page) -> list[str]:
    return page.locator("table.project-table tbody th").all_inner_texts()


def test_search_updates_in_place_and_the_address_follows(demo_site, page):
    page.goto(f"{demo_site}/fi/projects/")
    page.evaluate("window.__notReloaded = true")
    everything = len(result_names(page))

    page.locator("#id_q").fill("verkkokaupan")
    page.wait_for_url(re.compile(r"q=verkkokaupan"))
    page.wait_for_function(
        f"document.querySelectorAll('table.project-table tbody tr').length < {everything}"
    )
    names = result_names(page)
    assert names and all(
        "verkkokauppa" in n.lower() or "hehku" in n.lower() or "nimetön" in n.lower() for n in names
    )
    assert any("DEMO" in n for n in names)
    assert page.evaluate("window.__notReloaded") is True  # htmx, not a page load

    # tick a fund: the results narrow, the address keeps both, focus stays on the checkbox
    box = page.locator("#facet-funds input[type=checkbox]").first
    fund = box.get_attribute("value")
    assert Fund.objects.filter(pk=fund).exists()
    box.check()
    page.wait_for_url(re.compile(rf"funds={fund}"))
    page.wait_for_function(f"document.getElementById('f-funds-{fund}').checked")
    assert "q=verkkokaupan" in page.url
    assert "start_from=" not in page.url and "sort=" not in page.url  # empty fields left out
    assert page.evaluate("document.activeElement.id") == f"f-funds-{fund}"
    narrowed = result_names(page)
    assert narrowed and len(narrowed) <= len(names)
    assert page.evaluate("window.__notReloaded") is True

    # the address is the search: opening it afresh gives the same results
    shared = page.url
    page.goto(shared)
    assert result_names(page) == narrowed
    assert page.locator("#id_q").input_value() == "verkkokaupan"
    assert serious_violations(page) == []


def test_sorting_and_ranges_work_without_javascript(demo_site, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{demo_site}/en/projects/")
    page.get_by_label("Sort by").select_option("budget_desc")
    page.locator("summary", has_text="Dates and budget").click()
    page.get_by_label("Total budget at least (€)").fill("200 000")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url(re.compile(r"total_min=200"))
    names = result_names(page)
    assert len(names) == 3
    assert "sort=budget_desc" in page.url
    context.close()
