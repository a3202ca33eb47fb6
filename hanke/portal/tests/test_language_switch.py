"""Every page is in Finnish, English and Swedish, and links to itself in the other languages."""

import re

import pytest

from hanke.projects.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def test_switcher_links_to_the_same_page_in_each_language(read_page):
    project = ProjectFactory()
    html = read_page(f"/en/projects/{project.pk}/").html
    assert '<html lang="en">' in html
    for code in ("fi", "en", "sv"):
        assert f'href="/{code}/projects/{project.pk}/" lang="{code}" hreflang="{code}"' in html
        assert (
            f'<link rel="alternate" hreflang="{code}" href="http://testserver/{code}/projects/{project.pk}/">'
            in html
        )
    assert 'lang="en" hreflang="en" aria-current="true"' in html
    assert 'lang="fi" hreflang="fi" aria-current' not in html


def test_switcher_keeps_the_filters_of_the_list(read_page):
    html = read_page("/fi/projects/?status=ended").html
    assert 'href="/sv/projects/?status=ended" lang="sv" hreflang="sv"' in html


def test_page_language_follows_the_url_prefix(read_page):
    assert '<html lang="fi">' in read_page("/fi/").html
    assert '<html lang="sv">' in read_page("/sv/").html
    assert "Skip to content" in read_page("/en/").text


def test_skip_link_is_the_first_focusable_element_and_main_is_its_target(read_page):
    html = read_page("/en/").html
    body = html.split("<body>", 1)[1]
    first_link = body.split("<a ", 1)[1]
    assert first_link.startswith('class="skip-link" href="#main"')
    assert '<main id="main"' in html


def test_each_page_has_its_own_title(read_page):
    project = ProjectFactory(name_fi="Kasvua yhteistyöllä")
    assert (
        "<title>Kasvua yhteistyöllä – Hanke</title>"
        in read_page(f"/fi/projects/{project.pk}/").html
    )
    assert "<title>Projects – Hanke</title>" in read_page("/en/projects/").html
    assert "<title>News – Hanke</title>" in read_page("/en/news/").html


def test_pages_have_no_inline_scripts_or_styles(read_page):
    """The Content-Security-Policy forbids them (default-src 'self')."""
    project = ProjectFactory()
    for url in ("/fi/", "/fi/projects/", f"/fi/projects/{project.pk}/", "/fi/news/"):
        html = read_page(url).html
        # only static script files (htmx), never inline code
        assert not re.search(r"<script(?![^>]*\bsrc=)", html)
        assert "style=" not in html
        assert "<style" not in html
