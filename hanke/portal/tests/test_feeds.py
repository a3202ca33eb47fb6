"""News feeds: Atom and RSS, site-wide and per project, parse cleanly with feedparser, list only
published news in the language of their address, and the pages point to them."""

import calendar
import datetime
import html
import re

import feedparser
import pytest
from django.utils import timezone

from hanke.accounts.tests.factories import OrganisationFactory
from hanke.portal.tests.factories import NewsItemFactory
from hanke.portal.tests.html_head import links
from hanke.projects import workflow
from hanke.projects.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db

FORMATS = {
    "atom": ("atom10", "application/atom+xml; charset=utf-8"),
    "rss": ("rss20", "application/rss+xml; charset=utf-8"),
}


def read_feed(client, url: str, *, content_type: str | None = None):
    response = client.get(url)
    assert response.status_code == 200, f"{url} gave {response.status_code}"
    if content_type:
        assert response["Content-Type"] == content_type
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    return feed


def title_of(entry) -> str:
    """The title as text: an RSS title is HTML (so `&` comes as `&amp;`), an Atom title is text."""
    if entry.title_detail.type == "text/html":
        return html.unescape(entry.title)
    return entry.title


def day_of(parsed) -> datetime.date:
    """The calendar day in Helsinki of a feedparser date (a UTC struct_time)."""
    moment = datetime.datetime.fromtimestamp(calendar.timegm(parsed), tz=datetime.UTC)
    return timezone.localtime(moment).date()


@pytest.fixture
def news():
    hehku = ProjectFactory(name_fi="HEHKU – Arktista osaamista Lapista")
    kasvua = ProjectFactory(name_fi="Kasvua yhteistyöllä")
    draft = ProjectFactory(name_fi="Salainen luonnos", status=workflow.DRAFT)
    lapin_liitto = OrganisationFactory(name_fi="Lapin liitto")
    return {
        "hehku": hehku,
        "kasvua": kasvua,
        "draft": draft,
        "newest": NewsItemFactory(
            title_fi="Lappiin valmistuu taitureita",
            title_en="Experts graduate in Lapland",
            excerpt_fi="Lapissa on koulutettu asiantuntijoita.",
            excerpt_en="Experts have been trained in Lapland.",
            published_on=datetime.date(2024, 6, 3),
            publisher=lapin_liitto,
            projects=[hehku, draft],
        ),
        "older": NewsItemFactory(
            title_fi="Yhteistyöllä kasvuun",
            excerpt_fi="Yritykset kasvavat yhdessä.",
            published_on=datetime.date(2023, 2, 1),
            publisher_name="Oulun ammattikorkeakoulu",
            projects=[kasvua],
        ),
        "hidden": NewsItemFactory(
            title_fi="Julkaisematon uutinen",
            published_on=datetime.date(2024, 7, 1),
            is_public=False,
            projects=[hehku],
        ),
        "draft_only": NewsItemFactory(
            title_fi="Luonnoksen uutinen",
            published_on=datetime.date(2022, 1, 1),
            projects=[draft],
        ),
    }


@pytest.mark.parametrize("kind", FORMATS)
def test_site_feed_lists_published_news_newest_first(client, news, kind):
    version, content_type = FORMATS[kind]
    feed = read_feed(client, f"/fi/news/feed/{kind}/", content_type=content_type)
    assert feed.version == version
    assert feed.feed.language == "fi"
    assert feed.feed.title.endswith(" – Hanke")
    assert feed.feed.link == "http://testserver/fi/news/"
    assert [title_of(e) for e in feed.entries] == [
        "Lappiin valmistuu taitureita",
        "Yhteistyöllä kasvuun",
        "Luonnoksen uutinen",
    ]
    assert "Julkaisematon uutinen" not in str(feed)
    first = feed.entries[0]
    assert first.link == f"http://testserver/fi/news/{news['newest'].pk}/"
    assert day_of(first.published_parsed) == datetime.date(2024, 6, 3)
    assert first.author == "Lapin liitto"
    assert "Lapissa on koulutettu asiantuntijoita." in first.summary
    assert feed.entries[1].author == "Oulun ammattikorkeakoulu"


@pytest.mark.parametrize("kind", FORMATS)
def test_categories_name_only_published_projects(client, news, kind):
    feed = read_feed(client, f"/fi/news/feed/{kind}/")
    by_title = {title_of(e): e for e in feed.entries}
    tags = [t.term for t in by_title["Lappiin valmistuu taitureita"].tags]
    assert tags == ["HEHKU – Arktista osaamista Lapista"]
    assert "tags" not in by_title["Luonnoksen uutinen"]
    assert "Salainen luonnos" not in str(feed)


@pytest.mark.parametrize("kind", FORMATS)
def test_feed_is_in_the_language_of_its_address(client, news, kind):
    feed = read_feed(client, f"/en/news/feed/{kind}/")
    assert feed.feed.language == "en"
    assert feed.feed.title == "News – Hanke"
    assert feed.feed.link == "http://testserver/en/news/"
    translated, finnish_only = feed.entries[0], feed.entries[1]
    assert title_of(translated) == "Experts graduate in Lapland"
    assert "Experts have been trained in Lapland." in translated.summary
    assert translated.link == f"http://testserver/en/news/{news['newest'].pk}/"
    # An item with no English text is given in its original language, and says so.
    assert title_of(finnish_only) == "Yhteistyöllä kasvuun"
    if kind == "atom":
        assert translated.title_detail.language == "en"
        assert finnish_only.title_detail.language == "fi"
    else:
        assert "language" not in translated  # the channel's
        assert finnish_only.language == "fi"


@pytest.mark.parametrize("kind", FORMATS)
def test_ids_are_unique_and_the_same_in_every_language(client, news, kind):
    fi = read_feed(client, f"/fi/news/feed/{kind}/")
    en = read_feed(client, f"/en/news/feed/{kind}/")
    ids = [e.id for e in fi.entries]
    assert len(set(ids)) == len(ids) == 3
    assert ids == [e.id for e in en.entries]
    assert re.fullmatch(rf"tag:[\w.-]+,\d{{4}}-\d\d-\d\d:news/{news['newest'].pk}", ids[0])
    # The same item keeps its id after an edit.
    news["newest"].title_fi = "Lappiin valmistuu lisää taitureita"
    news["newest"].save()
    assert read_feed(client, f"/fi/news/feed/{kind}/").entries[0].id == ids[0]


@pytest.mark.parametrize("kind", FORMATS)
def test_news_without_a_date_is_dated_when_it_was_added(client, kind):
    NewsItemFactory(title_fi="Vanha", published_on=datetime.date(2020, 1, 1))
    undated = NewsItemFactory(title_fi="Ilman päivää", published_on=None)
    added = timezone.make_aware(datetime.datetime(2021, 3, 4, 10, 30))
    type(undated).objects.filter(pk=undated.pk).update(created_at=added)
    feed = read_feed(client, f"/fi/news/feed/{kind}/")
    assert [title_of(e) for e in feed.entries] == ["Ilman päivää", "Vanha"]
    published = feed.entries[0].published_parsed
    assert calendar.timegm(published) == int(added.timestamp())
    assert day_of(feed.entries[1].published_parsed) == datetime.date(2020, 1, 1)


def test_text_with_markup_characters_reads_as_text(client):
    NewsItemFactory(title_fi="T&K <uusi> “hanke”", excerpt_fi="A & B <script>x</script>")
    for kind in FORMATS:
        entry = read_feed(client, f"/fi/news/feed/{kind}/").entries[0]
        assert title_of(entry) == "T&K <uusi> “hanke”"
        assert "A &amp; B &lt;script&gt;x&lt;/script&gt;" in entry.summary


def test_feed_holds_the_fifty_newest(client):
    for day in range(1, 56):
        NewsItemFactory(
            title_fi=f"Uutinen {day}",
            published_on=datetime.date(2024, 1, 1) + datetime.timedelta(day),
        )
    feed = read_feed(client, "/fi/news/feed/atom/")
    assert len(feed.entries) == 50
    assert title_of(feed.entries[0]) == "Uutinen 55"
    assert title_of(feed.entries[-1]) == "Uutinen 6"


@pytest.mark.parametrize("kind", FORMATS)
def test_project_feed_lists_only_that_projects_published_news(client, news, kind):
    version, content_type = FORMATS[kind]
    url = f"/fi/projects/{news['hehku'].pk}/news/{kind}/"
    feed = read_feed(client, url, content_type=content_type)
    assert feed.version == version
    assert "HEHKU – Arktista osaamista Lapista" in feed.feed.title
    assert feed.feed.link == f"http://testserver/fi/projects/{news['hehku'].pk}/"
    assert [title_of(e) for e in feed.entries] == ["Lappiin valmistuu taitureita"]
    other = read_feed(client, f"/en/projects/{news['kasvua'].pk}/news/{kind}/")
    assert [title_of(e) for e in other.entries] == ["Yhteistyöllä kasvuun"]
    assert other.feed.title == "News of Kasvua yhteistyöllä – Hanke"


def test_project_feed_of_a_project_without_news_is_empty(client):
    project = ProjectFactory()
    for kind in FORMATS:
        assert read_feed(client, f"/fi/projects/{project.pk}/news/{kind}/").entries == []


@pytest.mark.parametrize("kind", FORMATS)
def test_project_feed_of_an_unpublished_or_missing_project_is_not_found(client, news, kind):
    hidden = ProjectFactory(is_public=False)
    for pk in (news["draft"].pk, hidden.pk, 999_999):
        assert client.get(f"/fi/projects/{pk}/news/{kind}/").status_code == 404


def test_feeds_can_be_cached_and_answer_a_conditional_request(client, news):
    for url in ("/fi/news/feed/atom/", f"/fi/projects/{news['hehku'].pk}/news/rss/"):
        first = client.get(url)
        assert "max-age=" in first["Cache-Control"] and "public" in first["Cache-Control"]
        assert first["Last-Modified"]
        assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
        assert client.post(url).status_code in (403, 405)


def feed_links(html: str) -> list[tuple[str, str, str]]:
    return [
        (link["type"], link["title"], link["href"])
        for link in links(html, "alternate")
        if link.get("type") in ("application/atom+xml", "application/rss+xml")
    ]


def test_head_of_every_page_points_to_the_news_feeds(read_page):
    site_feeds = [
        ("application/atom+xml", "News as an Atom feed", "/en/news/feed/atom/"),
        ("application/rss+xml", "News as an RSS feed", "/en/news/feed/rss/"),
    ]
    for url in ("/en/", "/en/news/", "/en/projects/", "/en/events/"):
        assert feed_links(read_page(url).html) == site_feeds
    assert ("application/atom+xml", "/fi/news/feed/atom/") in [
        (mime, href) for mime, _title, href in feed_links(read_page("/fi/").html)
    ]


def test_news_list_shows_feed_links_that_work(read_page, client, news):
    page = read_page("/en/news/")
    assert (
        '<a href="/en/news/feed/atom/" type="application/atom+xml">News as an Atom feed</a>'
        in page.html
    )
    assert (
        '<a href="/en/news/feed/rss/" type="application/rss+xml">News as an RSS feed</a>'
        in page.html
    )
    for href in re.findall(r'<a href="([^"]+)" type="application/(?:atom|rss)\+xml"', page.html):
        assert read_feed(client, href).entries


def test_project_page_points_to_its_own_feeds(read_page, client, news):
    pk = news["hehku"].pk
    page = read_page(f"/en/projects/{pk}/")
    assert feed_links(page.html)[2:] == [
        (
            "application/atom+xml",
            "The project's news as an Atom feed",
            f"/en/projects/{pk}/news/atom/",
        ),
        (
            "application/rss+xml",
            "The project's news as an RSS feed",
            f"/en/projects/{pk}/news/rss/",
        ),
    ]
    body = page.html.split("</head>", 1)[1]
    for kind, mime in (("atom", "application/atom+xml"), ("rss", "application/rss+xml")):
        assert f'<a href="/en/projects/{pk}/news/{kind}/" type="{mime}">' in body
        feed = read_feed(client, f"/en/projects/{pk}/news/{kind}/")
        assert [title_of(e) for e in feed.entries] == ["Experts graduate in Lapland"]
    assert "The project's news as an Atom feed" in page.text


def test_preview_of_an_unpublished_project_does_not_point_to_a_feed(client, news):
    from hanke.accounts.tests.factories import UserFactory

    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = client.get(f"/en/projects/{news['draft'].pk}/")
    assert response.status_code == 200
    assert f"/projects/{news['draft'].pk}/news/" not in response.content.decode()
