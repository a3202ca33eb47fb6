"""The head of every page names its canonical address, the same page in the other languages and
what a link preview shows (Open Graph), from the page's own content."""

import datetime

import pytest
from django.http import QueryDict

from hanke.portal.templatetags.portal import canonical_query, meta_text
from hanke.portal.tests.factories import NewsItemFactory
from hanke.portal.tests.html_head import links, properties
from hanke.projects.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db

HOST = "http://testserver"


def canonical(html: str) -> str:
    found = links(html, "canonical")
    assert len(found) == 1, found
    return found[0]["href"]


def hreflang(html: str) -> dict[str, str]:
    return {
        link["hreflang"]: link["href"] for link in links(html, "alternate") if "hreflang" in link
    }


def language_versions(path: str) -> dict[str, str]:
    return {
        "fi": f"{HOST}/fi{path}",
        "en": f"{HOST}/en{path}",
        "sv": f"{HOST}/sv{path}",
        "x-default": f"{HOST}{path}",
    }


@pytest.mark.parametrize("code,locale", [("fi", "fi_FI"), ("en", "en_GB"), ("sv", "sv_SE")])
def test_home_page(read_page, code, locale):
    html = read_page(f"/{code}/").html
    assert canonical(html) == f"{HOST}/{code}/"
    assert hreflang(html) == language_versions("/")
    og = properties(html)
    assert og["og:url"] == [f"{HOST}/{code}/"]
    assert og["og:type"] == ["website"]
    assert og["og:site_name"] == ["Hanke"]
    assert og["og:title"] == ["Hanke"]
    assert og["og:description"][0]
    assert og["og:locale"] == [locale]
    assert sorted(og["og:locale:alternate"]) == sorted({"fi_FI", "en_GB", "sv_SE"} - {locale})
    assert og["twitter:card"] == ["summary"]


def test_project_page_in_finnish_and_english(read_page):
    project = ProjectFactory(
        name_fi="Kasvua & yhteistyötä – “Oulu”",
        summary_fi="Hanke auttaa  pieniä\n yrityksiä kasvamaan yhdessä.",
    )
    path = f"/projects/{project.pk}/"
    for code in ("fi", "en"):
        html = read_page(f"/{code}{path}").html
        assert canonical(html) == f"{HOST}/{code}{path}"
        assert hreflang(html) == language_versions(path)
        og = properties(html)
        assert og["og:url"] == [f"{HOST}/{code}{path}"]
        assert og["og:title"] == ["Kasvua & yhteistyötä – “Oulu”"]
        assert og["og:description"] == ["Hanke auttaa pieniä yrityksiä kasvamaan yhdessä."]
        assert og["og:type"] == ["website"]
    assert "Kasvua &amp; yhteistyötä" in html


def test_project_in_english_only_shows_its_english_name_in_finnish_previews(read_page):
    project = ProjectFactory(
        name_fi="",
        name_en="HEHKU – Arctic expertise",
        summary_fi="",
        summary_en="Skills.",
        original_language="en",
    )
    og = properties(read_page(f"/fi/projects/{project.pk}/").html)
    assert og["og:title"] == ["HEHKU – Arctic expertise"]
    assert og["og:description"] == ["Skills."]
    assert og["og:locale"] == ["fi_FI"]


def test_news_page_is_an_article(read_page):
    project = ProjectFactory(name_fi="HEHKU")
    hidden = ProjectFactory(name_fi="Luonnos", is_public=False)
    item = NewsItemFactory(
        title_fi="Lappiin valmistuu taitureita",
        title_en="Experts graduate in Lapland",
        excerpt_fi="Lapissa on koulutettu asiantuntijoita.",
        excerpt_en="Experts have been trained in Lapland.",
        published_on=datetime.date(2021, 4, 9),
        projects=[project, hidden],
    )
    path = f"/news/{item.pk}/"
    fi = read_page(f"/fi{path}").html
    en = read_page(f"/en{path}").html
    assert canonical(fi) == f"{HOST}/fi{path}"
    assert canonical(en) == f"{HOST}/en{path}"
    assert hreflang(en) == language_versions(path)
    og_fi, og_en = properties(fi), properties(en)
    assert og_fi["og:type"] == og_en["og:type"] == ["article"]
    assert og_fi["og:title"] == ["Lappiin valmistuu taitureita"]
    assert og_en["og:title"] == ["Experts graduate in Lapland"]
    assert og_fi["og:description"] == ["Lapissa on koulutettu asiantuntijoita."]
    assert og_en["og:description"] == ["Experts have been trained in Lapland."]
    assert og_en["og:url"] == [f"{HOST}/en{path}"]
    assert og_en["og:locale"] == ["en_GB"]
    assert og_en["article:published_time"] == ["2021-04-09"]
    assert og_en["article:tag"] == ["HEHKU"]


def test_news_without_a_date_or_excerpt(read_page):
    item = NewsItemFactory(published_on=None, excerpt_fi="", body_fi="Koko teksti. " * 40)
    og = properties(read_page(f"/fi/news/{item.pk}/").html)
    assert "article:published_time" not in og
    assert og["og:description"][0].startswith("Koko teksti. Koko teksti.")
    assert len(og["og:description"][0]) <= 200
    assert og["og:description"][0].endswith("…")


def test_long_descriptions_are_cut_at_a_word():
    text = "sana " * 100
    cut = meta_text(text)
    assert len(cut) <= 200 and cut.endswith("sana…")
    assert meta_text("  lyhyt\n\n teksti ") == "lyhyt teksti"
    assert meta_text("") == ""


def test_canonical_address_leaves_out_tracking_and_the_first_page(read_page):
    html = read_page("/en/news/?utm_source=newsletter&fbclid=abc&page=1").html
    assert canonical(html) == f"{HOST}/en/news/"
    assert properties(html)["og:url"] == [f"{HOST}/en/news/"]
    assert hreflang(html)["sv"] == f"{HOST}/sv/news/"


def test_canonical_address_keeps_the_page_number_and_the_filters(read_page):
    NewsItemFactory.create_batch(25)
    html = read_page("/fi/news/?page=2&utm_medium=email").html
    assert canonical(html) == f"{HOST}/fi/news/?page=2"
    assert hreflang(html)["en"] == f"{HOST}/en/news/?page=2"
    html = read_page("/en/events/?when=past&event_type=&gclid=x").html
    assert canonical(html) == f"{HOST}/en/events/?when=past"
    assert hreflang(html) == {
        "fi": f"{HOST}/fi/events/?when=past",
        "en": f"{HOST}/en/events/?when=past",
        "sv": f"{HOST}/sv/events/?when=past",
        "x-default": f"{HOST}/events/?when=past",
    }


def test_one_search_has_one_canonical_query():
    assert (
        canonical_query(QueryDict("sort=newest&funds=2&q=verkkokauppa&funds=1&utm_campaign=x"))
        == "funds=2&funds=1&q=verkkokauppa&sort=newest"
    )
    assert canonical_query(QueryDict("q=&page=abc&page=0&statuses=ended")) == "statuses=ended"
    assert canonical_query(QueryDict("page=3&mc_cid=1&_ga=2")) == "page=3"


def test_a_missing_page_has_no_canonical_address(read_page):
    html = read_page("/en/no-such-page/", status=404).html
    assert links(html, "canonical") == []
    assert hreflang(html) == {}
    assert "og:url" not in properties(html)
