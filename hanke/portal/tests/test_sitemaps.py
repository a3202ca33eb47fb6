"""Sitemaps list every public page in Finnish, English and Swedish with hreflang alternates, and
nothing the public cannot open; robots.txt points crawlers to them."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from hanke.events.tests.factories import EventFactory
from hanke.portal import sitemaps
from hanke.portal.tests.factories import NewsItemFactory
from hanke.programmes.tests.factories import CallFactory
from hanke.projects import workflow
from hanke.projects.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}
HOST = "http://testserver"
LANGUAGES = ("fi", "en", "sv")


def read_xml(client, url: str) -> ET.Element:
    response = client.get(url)
    assert response.status_code == 200, f"{url} gave {response.status_code}"
    assert response["Content-Type"].startswith("application/xml")
    return ET.fromstring(response.content)


def section_urls(client) -> list[str]:
    index = read_xml(client, "/sitemap.xml")
    assert index.tag == f"{{{NS['sm']}}}sitemapindex"
    return [loc.text for loc in index.findall("sm:sitemap/sm:loc", NS)]


def read_sitemap(client, url: str) -> dict[str, dict[str, str]]:
    """{address: {hreflang: alternate address}} of one sitemap."""
    root = read_xml(client, url.removeprefix(HOST))
    assert root.tag == f"{{{NS['sm']}}}urlset"
    entries = {}
    for url_element in root.findall("sm:url", NS):
        loc = url_element.find("sm:loc", NS).text
        assert loc not in entries, f"{loc} is listed twice"
        entries[loc] = {
            link.get("hreflang"): link.get("href")
            for link in url_element.findall("xhtml:link", NS)
            if link.get("rel") == "alternate"
        }
    return entries


def all_entries(client) -> dict[str, dict[str, str]]:
    entries = {}
    for url in section_urls(client):
        entries.update(read_sitemap(client, url))
    return entries


def in_every_language(path: str) -> list[str]:
    return [f"{HOST}/{code}{path}" for code in LANGUAGES]


def test_index_lists_one_sitemap_per_section(client):
    assert section_urls(client) == [
        f"{HOST}/sitemap-pages.xml",
        f"{HOST}/sitemap-projects.xml",
        f"{HOST}/sitemap-news.xml",
        f"{HOST}/sitemap-events.xml",
        f"{HOST}/sitemap-calls.xml",
    ]


def test_fixed_pages_are_listed_in_every_language(client):
    entries = read_sitemap(client, "/sitemap-pages.xml")
    for path in ("/", "/projects/", "/news/", "/events/", "/calls/"):
        for loc in in_every_language(path):
            assert loc in entries
    assert entries[f"{HOST}/en/news/"] == {
        "fi": f"{HOST}/fi/news/",
        "en": f"{HOST}/en/news/",
        "sv": f"{HOST}/sv/news/",
        "x-default": f"{HOST}/news/",
    }


def test_public_projects_news_events_and_calls_are_listed_with_alternates(client):
    project = ProjectFactory()
    item = NewsItemFactory(projects=[project])
    event = EventFactory(project=project)
    undated_event = EventFactory(project=project, starts_at=None, timing="syksyllä 2024")
    call = CallFactory(is_published=True)
    entries = all_entries(client)
    for path in (
        f"/projects/{project.pk}/",
        f"/news/{item.pk}/",
        f"/events/{event.pk}/",
        f"/events/{undated_event.pk}/",
        f"/calls/{call.pk}/",
    ):
        for loc in in_every_language(path):
            assert entries[loc] == {
                "fi": f"{HOST}/fi{path}",
                "en": f"{HOST}/en{path}",
                "sv": f"{HOST}/sv{path}",
                "x-default": f"{HOST}{path}",
            }


def test_every_listed_address_opens(client):
    project = ProjectFactory()
    NewsItemFactory(projects=[project])
    EventFactory(project=project)
    CallFactory(is_published=True)
    entries = all_entries(client)
    assert len(entries) == 3 * (5 + 4)
    for loc in entries:
        assert client.get(loc.removeprefix(HOST)).status_code == 200, loc


def test_what_the_public_cannot_open_is_not_listed(client):
    draft = ProjectFactory(name_fi="Luonnos", status=workflow.DRAFT)
    hidden = ProjectFactory(is_public=False)
    rejected = ProjectFactory(status=workflow.REJECTED)
    hidden_news = NewsItemFactory(is_public=False)
    draft_event = EventFactory(project=draft)
    unpublished_call = CallFactory(is_published=False)
    listed = " ".join(all_entries(client))
    for path in (
        f"/projects/{draft.pk}/",
        f"/projects/{hidden.pk}/",
        f"/projects/{rejected.pk}/",
        f"/news/{hidden_news.pk}/",
        f"/events/{draft_event.pk}/",
        f"/calls/{unpublished_call.pk}/",
    ):
        assert path not in listed
        assert client.get(f"/fi{path}").status_code == 404


def test_x_default_sends_the_visitor_to_their_language(client):
    project = ProjectFactory()
    response = client.get(f"/projects/{project.pk}/", HTTP_ACCEPT_LANGUAGE="sv")
    assert response.status_code == 302
    assert response["Location"] == f"/sv/projects/{project.pk}/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fi")["Location"] == "/fi/"


def test_a_large_section_is_split_into_pages(client, monkeypatch):
    monkeypatch.setattr(sitemaps.ProjectSitemap, "limit", 4)  # addresses: a record is three
    projects = [ProjectFactory() for _ in range(3)]
    assert f"{HOST}/sitemap-projects.xml?p=3" in section_urls(client)
    first = read_sitemap(client, "/sitemap-projects.xml")
    third = read_sitemap(client, "/sitemap-projects.xml?p=3")
    assert len(first) == 4 and len(third) == 1
    assert list(third) == [f"{HOST}/sv/projects/{projects[2].pk}/"]
    assert client.get("/sitemap-projects.xml?p=4").status_code == 404
    assert client.get("/sitemap-projects.xml?p=x").status_code == 404
    assert client.get("/sitemap-nothing.xml").status_code == 404


def test_sections_carry_the_latest_change(client):
    project = ProjectFactory()
    changed = timezone.make_aware(datetime.datetime(2024, 5, 6, 12, 0))
    type(project).objects.filter(pk=project.pk).update(updated_at=changed)
    root = read_xml(client, "/sitemap-projects.xml")
    assert {e.text for e in root.findall("sm:url/sm:lastmod", NS)} == {"2024-05-06"}
    index = read_xml(client, "/sitemap.xml")
    lastmod = {
        s.find("sm:loc", NS).text: s.find("sm:lastmod", NS) for s in index.findall("sm:sitemap", NS)
    }
    assert lastmod[f"{HOST}/sitemap-projects.xml"].text.startswith("2024-05-06")


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert f"Sitemap: {HOST}/sitemap.xml" in lines
    assert "Disallow: /fi/admin/" in lines
    assert not any(line.strip() == "Disallow: /" for line in lines)
    assert client.get("/sitemap.xml").status_code == 200
