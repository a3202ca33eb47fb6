"""Importing documents in Chromium, with the site's real Content Security Policy: an officer uploads
two files at once, sees the progress reach the end, reviews one document (accepts a value, corrects
one, rejects one), applies it after the confirmation and finds the project. The progress bar of a
running batch follows the database without a reload (htmx polling). axe finds no serious
violations on the import pages."""

from pathlib import Path

import pytest

from tests.e2e.helpers import log_in
from tests.e2e.test_accessibility import serious_violations

pytestmark = pytest.mark.browser
SEED_000 = (
    Path(__file__).resolve().parents[2] / "hanke/imports/tests/seeds/000_641497b59f3b4df2.txt"
)
TEXT = (
    "Hankkeen nimi: Tekoälyä verkkokauppaan\n\n"
    "Hankekoodi: S30355\n\n"
    "Toteuttaja: Oulun ammattikorkeakoulu Oy\n\n"
    "Rahoittava viranomainen: Pohjois-Pohjanmaan ELY-keskus\n\n"
    "Hanke alkaa 1.9.2023 ja päättyy 30.6.2026."
)


@pytest.fixture
def site(live_server, transactional_db, request):
    from hanke.accounts.roles import sync_role_permissions

    sync_role_permissions()  # the role groups go with each flush of the transactional database
    return live_server.url, request.getfixturevalue("world")


def test_officer_uploads_reviews_applies_and_finds_the_project(site, strict_page, tmp_path):
    from hanke.imports.models import ExtractedValue
    from hanke.projects.models import Project

    base, world = site
    page = strict_page
    (tmp_path / "hanke.txt").write_text(TEXT, encoding="utf-8")
    log_in(page, base, world.officer.username)

    page.get_by_role("link", name="Imports").click()
    page.set_input_files("#id_files", [str(tmp_path / "hanke.txt"), str(SEED_000)])
    page.get_by_role("button", name="Import").click()

    status = page.locator("#batch-progress [role=status]")
    status.get_by_text("2 / 2 documents read").wait_for()
    assert page.locator("#batch-progress-bar").get_attribute("value") == "2"

    page.get_by_role("link", name="hanke.txt").click()
    page.get_by_role("heading", name="Review of hanke.txt").wait_for()
    values = {v.field: v.pk for v in ExtractedValue.objects.filter(document__filename="hanke.txt")}
    assert {"code", "name", "implementer", "funding_authority", "start_date"} <= set(values)
    mark = page.locator(f"#mark-{values['code']}")
    assert "S30355" in mark.inner_text()  # the snippet, highlighted in its context

    def section(field):
        return page.locator(f"#value-{values[field]}")

    section("code").get_by_role("button", name="Accept").click()
    section("code").locator(".tag").get_by_text("Accepted").wait_for()
    section("funding_authority").get_by_role("button", name="Accept").click()
    section("funding_authority").locator(".tag").get_by_text("Accepted").wait_for()

    section("name").locator("summary").click()
    page.fill(f"#edit-{values['name']}", "Tekoäly ja verkkokauppa")
    section("name").get_by_role("button", name="Save the correction").click()
    section("name").locator(".tag").get_by_text("Edited").wait_for()

    section("start_date").get_by_role("button", name="Reject").click()
    section("start_date").locator(".tag").get_by_text("Rejected").wait_for()

    page.get_by_role("link", name="Apply to the project…").click()
    pending = page.locator("#pending")
    assert pending.is_visible()  # the implementer and the end date are not reviewed
    assert pending.get_by_role("link").count() >= 2
    assert "Tekoäly ja verkkokauppa" in page.locator("main").inner_text()
    page.get_by_role("button", name="Create the project").click()

    page.get_by_text("The document was applied").wait_for()
    page.get_by_role("link", name="Tekoäly ja verkkokauppa").click()
    assert "Tekoäly ja verkkokauppa" in page.locator("h1").first.inner_text()

    project = Project.objects.get(code="S30355")
    assert project.name_fi == "Tekoäly ja verkkokauppa"
    assert project.start_date is None and project.implementer is None
    assert project.funding_authority == world.authority
    assert page.csp_violations == []


def test_the_progress_bar_follows_a_running_batch(site, strict_page):
    from hanke.imports.models import ImportBatch

    base, world = site
    batch = ImportBatch.objects.create(created_by=world.officer, total=5, processed=1)
    ImportBatch.objects.filter(pk=batch.pk).update(status=ImportBatch.Status.RUNNING)
    log_in(strict_page, base, world.officer.username)
    strict_page.goto(f"{base}/en/imports/{batch.pk}/")
    strict_page.get_by_text("1 / 5 documents read").wait_for()
    ImportBatch.objects.filter(pk=batch.pk).update(processed=3)
    strict_page.get_by_text("3 / 5 documents read").wait_for(timeout=5000)
    ImportBatch.objects.filter(pk=batch.pk).update(processed=5, status=ImportBatch.Status.DONE)
    strict_page.get_by_text("5 / 5 documents read – done.").wait_for(timeout=5000)
    assert strict_page.locator("#batch-progress[hx-trigger]").count() == 0  # polling stopped
    assert strict_page.csp_violations == []


def test_import_pages_have_no_serious_accessibility_violations(site, page):
    from hanke.imports import services

    base, world = site
    batch = services.batch_create(user=world.officer, files=[("hanke.txt", TEXT.encode())])
    document = batch.documents.get()
    log_in(page, base, world.officer.username)
    for path in [
        "/en/imports/",
        f"/en/imports/{batch.pk}/",
        f"/en/imports/documents/{document.pk}/",
        f"/en/imports/documents/{document.pk}/apply/",
    ]:
        page.goto(f"{base}{path}")
        assert serious_violations(page) == [], path
    page.goto(f"{base}/en/imports/")
    page.get_by_role("button", name="Import").click()  # no files: the error summary
    assert page.locator(".error-summary").is_visible()
    assert serious_violations(page) == []
