"""The open data API's docs page in a real browser under the site's Content Security Policy:
Swagger UI comes from our own static files (no CDN: the servers may have no internet access),
lists every operation, runs a request from the page, and the browser reports no error or CSP
violation and makes no request to another origin."""

import pytest

pytestmark = pytest.mark.browser


def test_api_docs_work_offline_under_the_csp(browser, live_server, transactional_db):
    from hanke.projects.tests.factories import ProjectFactory

    ProjectFactory(name_fi="Verkkokauppaklubi")
    context = browser.new_context()  # the CSP is enforced here, unlike on the axe tests' pages
    page = context.new_page()
    problems, elsewhere = [], []
    page.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: problems.append(str(exc)))
    page.on(
        "request",
        lambda request: (
            None
            if request.url.startswith((live_server.url, "data:"))
            else elsewhere.append(request.url)
        ),
    )
    response = page.goto(f"{live_server.url}/api/v1/docs")
    policy = response.headers["content-security-policy"]
    assert "default-src 'self'" in policy and "unsafe" not in policy and "script-src" not in policy

    page.wait_for_selector(".opblock-summary-path", timeout=20_000)
    paths = [
        p.replace("\u200b", "").strip()
        for p in page.locator(".opblock-summary-path").all_inner_texts()
    ]
    for path in (
        "/api/v1/projects",
        "/api/v1/projects/{project_id}",
        "/api/v1/organisations",
        "/api/v1/calls",
        "/api/v1/events",
        "/api/v1/news",
    ):
        assert path in paths

    page.locator("#operations-projects-project_list").click()
    page.get_by_role("button", name="Execute").click()
    page.wait_for_selector(".live-responses-table .response-col_status", timeout=20_000)
    assert "Verkkokauppaklubi" in page.locator(".live-responses-table").inner_text()

    assert problems == []
    assert elsewhere == []
    context.close()
