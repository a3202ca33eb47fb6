"""Public news: newest first, undated items in the source's order, truncated excerpts said so."""

import datetime
import re

import pytest

from hanke.portal.tests.factories import NewsItemFactory
from hanke.projects.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def titles(html: str) -> list[str]:
    links = re.findall(r'<h3><a href="/\w\w/news/\d+/">(.*?)</a></h3>', html)
    return [re.sub(r"<[^>]+>|\s*\(only in \w+\)", "", link).strip() for link in links]


def test_newest_first_then_undated_in_source_order(read_page):
    NewsItemFactory(title_fi="Ilman päivää 2", published_on=None, order=2)
    NewsItemFactory(title_fi="Vanha", published_on=datetime.date(2020, 1, 1))
    NewsItemFactory(title_fi="Ilman päivää 1", published_on=None, order=1)
    NewsItemFactory(title_fi="Uusi", published_on=datetime.date(2024, 5, 1))
    NewsItemFactory(title_fi="Piilotettu", is_public=False)
    assert titles(read_page("/fi/news/").html) == [
        "Uusi",
        "Vanha",
        "Ilman päivää 1",
        "Ilman päivää 2",
    ]


def test_news_list_pages(read_page, settings):
    settings.HANKE_PAGE_SIZE = 2
    for n in range(3):
        NewsItemFactory(title_fi=f"U{n}", published_on=None, order=n)
    first = read_page("/fi/news/?page=abc")
    assert titles(first.html) == ["U0", "U1"]
    assert 'href="?page=2"' in first.html
    assert titles(read_page("/fi/news/?page=2").html) == ["U2"]


def test_news_page_shows_date_publisher_and_text(read_page):
    item = NewsItemFactory(
        title_fi="Lappiin valmistuu taitureita",
        excerpt_fi="Lapissa on koulutettu asiantuntijoita.",
        published_on=datetime.date(2021, 4, 9),
        publisher_name="Lapin liitto",
    )
    fi = read_page(f"/fi/news/{item.pk}/").text
    assert "Lappiin valmistuu taitureita" in fi
    assert "9.4.2021" in fi
    assert "Lapin liitto" in fi
    assert "Lapissa on koulutettu asiantuntijoita." in fi
    assert "9 Apr 2021" in read_page(f"/en/news/{item.pk}/").text


def test_undated_and_truncated_news_says_so(read_page):
    item = NewsItemFactory(published_on=None, is_excerpt_truncated=True)
    text = read_page(f"/en/news/{item.pk}/").text
    assert "date not given in the source" in text
    assert "The source gives only the beginning of this text." in text


def test_complete_news_has_no_truncation_note(read_page):
    item = NewsItemFactory(is_excerpt_truncated=False)
    assert "only the beginning" not in read_page(f"/en/news/{item.pk}/").text


def test_related_projects_link_only_to_published_projects(read_page):
    public = ProjectFactory(name_fi="HEHKU – Arktista osaamista Lapista")
    hidden = ProjectFactory(name_fi="Luonnos", is_public=False)
    item = NewsItemFactory(projects=[public, hidden])
    html = read_page(f"/fi/news/{item.pk}/").html
    assert f'<a href="/fi/projects/{public.pk}/">HEHKU – Arktista osaamista Lapista</a>' in html
    assert "Luonnos" not in html


def test_hidden_news_is_not_found(client):
    item = NewsItemFactory(is_public=False)
    assert client.get(f"/fi/news/{item.pk}/").status_code == 404
