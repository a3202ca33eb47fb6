"""Text that exists only in another language is shown, marked with its language and a note."""

import pytest

from hanke.portal.tests.factories import NewsItemFactory
from hanke.projects.tests.factories import ProjectFactory, ProjectSectionFactory

pytestmark = pytest.mark.django_db


def test_finnish_summary_on_the_english_page_is_marked_and_noted(read_page):
    project = ProjectFactory(summary_fi="Hanke kehittää osaamista.", summary_en="")
    page = read_page(f"/en/projects/{project.pk}/")
    assert "This text is available only in Finnish." in page.text
    assert '<div lang="fi" class="prose"><p>Hanke kehittää osaamista.</p></div>' in page.html


def test_text_in_the_page_language_has_no_note(read_page):
    project = ProjectFactory(
        name_en="Skills project",
        summary_fi="Hanke kehittää osaamista.",
        summary_en="The project builds skills.",
    )
    page = read_page(f"/en/projects/{project.pk}/")
    assert "The project builds skills." in page.text
    assert "Hanke kehittää osaamista." not in page.text
    assert "available only in" not in page.text


def test_english_only_record_falls_back_to_english_on_the_finnish_page(read_page):
    project = ProjectFactory(
        original_language="en",
        name_fi="",
        name_en="HEHKU",
        summary_fi="",
        summary_en="Digital business skills.",
    )
    page = read_page(f"/fi/projects/{project.pk}/")
    assert '<div lang="en" class="prose"><p>Digital business skills.</p></div>' in page.html
    assert '<span lang="en">HEHKU</span>' in page.html
    # the note is in the page's language
    assert "Teksti on saatavilla vain kielellä englanti" in page.text


def test_multi_paragraph_text_keeps_its_paragraphs(read_page):
    project = ProjectFactory()
    ProjectSectionFactory(
        project=project, title_fi="Tausta", body_fi="Ensimmäinen kappale.\n\nToinen kappale."
    )
    html = read_page(f"/fi/projects/{project.pk}/").html
    assert "<p>Ensimmäinen kappale.</p>\n\n<p>Toinen kappale.</p>" in html


def test_news_body_in_another_language_is_marked(read_page):
    item = NewsItemFactory(title_fi="Uutinen", excerpt_fi="Suomeksi vain.")
    page = read_page(f"/sv/news/{item.pk}/")
    assert '<div lang="fi" class="prose"><p>Suomeksi vain.</p></div>' in page.html
    assert '<h1 id="news-title"><span lang="fi">Uutinen</span></h1>' in page.html
