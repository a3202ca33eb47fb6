"""Browser tests: Playwright for Python driving Debian's Chromium (never `playwright install`)."""

import io
import os
import pathlib

import pytest
from django.core.management import call_command

CHROMIUM = os.environ.get("HANKE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]

# Playwright's sync API runs an event loop in this thread; Django's async-safety check would
# otherwise refuse the database calls the fixtures make.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    if pathlib.Path(CHROMIUM).exists():
        return
    if os.environ.get("HANKE_REQUIRE_BROWSER"):
        raise pytest.UsageError(
            f"Browser tests are required but {CHROMIUM} is missing (apt-get install chromium)."
        )
    skip = pytest.mark.skip(reason=f"{CHROMIUM} not installed (apt-get install chromium)")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    # axe-core is injected by script; the site's CSP forbids inline scripts, so tests bypass it.
    context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def demo_site(live_server, transactional_db):
    call_command("load_demo", stdout=io.StringIO())
    return live_server.url


@pytest.fixture
def strict_page(browser):
    """A page that obeys the site's CSP (the shared `page` fixture bypasses it for axe) and
    records every violation in `page.csp_violations`."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.csp_violations = violations
    yield page
    context.close()
