"""Published news, newest first, linked only to public projects."""


def test_published_news_newest_first(catalogue, api_get):
    data = api_get("/news")
    assert [n["id"] for n in data["results"]] == [catalogue.news.pk, catalogue.older_news.pk]
    item = data["results"][0]
    assert item["published_on"] == "2024-05-02"
    assert item["publisher"]["id"] == catalogue.council.pk
    # linked to a public and an unpublished project: only the public one shows
    assert item["projects"] == [
        {
            "id": catalogue.shop.pk,
            "name": {"fi": "Verkkokauppaklubi", "en": "E-commerce club", "sv": None},
        }
    ]
    api_get(f"/news/{catalogue.hidden_news.pk}", status=404)


def test_news_about_a_project(catalogue, api_get):
    assert [n["id"] for n in api_get("/news", {"project": catalogue.shop.pk})["results"]] == [
        catalogue.news.pk
    ]


def test_a_news_item_with_its_text(catalogue, api_get):
    data = api_get(f"/news/{catalogue.news.pk}")
    assert data["body"] == {"fi": "Klubi kokoontui ensimmäisen kerran.", "en": None, "sv": None}
    assert data["web_page"]["fi"] == f"http://testserver/fi/news/{catalogue.news.pk}/"
