"""Wrong parameters get a 4xx with a message that names the parameter, never a 500."""

import pytest


@pytest.mark.parametrize(
    ("path", "params", "parameter", "message"),
    [
        ("/projects", {"funds": "abc"}, "funds", "Give a whole number."),
        ("/projects", {"funds": "0"}, "funds", "Give a number of at least 1."),
        ("/projects", {"total_min": "-1"}, "total_min", "Give a number that is not negative."),
        (
            "/projects",
            {"eu_max": "lots"},
            "eu_max",
            "Give an amount in euros, e.g. 250000 or 2500.50.",
        ),
        (
            "/projects",
            {"total_max": "1.005"},
            "total_max",
            "Give an amount with at most two decimals.",
        ),
        ("/projects", {"total_max": "1" * 20}, "total_max", "The amount is too large."),
        (
            "/projects",
            {"start_from": "5.3.2024"},
            "start_from",
            "Give the date as YEAR-MONTH-DAY, e.g. 2024-03-05.",
        ),
        (
            "/projects",
            {"end_to": "2024-02-30"},
            "end_to",
            "Give the date as YEAR-MONTH-DAY, e.g. 2024-03-05.",
        ),
        (
            "/projects",
            {"end_to": "0001-01-01"},
            "end_to",
            "Give a date between the years 1900 and 2100.",
        ),
        (
            "/projects",
            {"start_from": "2024-01-01", "start_to": "2023-01-01"},
            "start_to",
            "start_to is earlier than start_from.",
        ),
        (
            "/projects",
            {"total_min": "500", "total_max": "100"},
            "total_max",
            "total_max is less than total_min.",
        ),
        ("/projects", {"eu_min": "500", "eu_max": "100"}, "eu_max", "eu_max is less than eu_min."),
        (
            "/projects",
            {"end_from": "2024-01-01", "end_to": "2023-01-01"},
            "end_to",
            "end_to is earlier than end_from.",
        ),
        ("/projects", {"page_size": "101"}, "page_size", "Give a number of at most 100."),
        ("/projects", {"page_size": "0"}, "page_size", "Give a number of at least 1."),
        ("/projects", {"page": "-1"}, "page", "Give a number of at least 1."),
        ("/projects", {"page": "9"}, "page", "There is only 1 page."),
        ("/projects", {"q": "a" * 201}, "q", "Give at most 200 characters."),
        ("/projects", {"q": "verkko\x00kauppa"}, "q", "The text contains control characters."),
        (
            "/projects",
            {"funds": [str(n) for n in range(1, 52)]},
            "funds",
            "Give at most 50 values.",
        ),
        ("/organisations", {"type": "castle"}, "type", None),
        (
            "/organisations",
            {"municipality": "999999"},
            "municipality",
            "There is no record with the id 999999.",
        ),
        ("/calls", {"open": "maybe"}, "open", "Give true or false."),
        ("/events", {"from": "2024-05-01", "to": "2024-04-01"}, "to", "to is earlier than from."),
        ("/events", {"from": "9999-12-31"}, "from", "Give a date between the years 1900 and 2100."),
        ("/events", {"when": "someday"}, "when", "Choose one of: 'upcoming', 'past' or 'all'."),
        ("/events", {"region": "999999"}, "region", "There is no record with the id 999999."),
        ("/news", {"project": "abc"}, "project", "Give a whole number."),
        ("/projects/abc", {}, "project_id", "Give a whole number."),
        ("/projects/99999999999999999999", {}, "project_id", None),
        ("/events/0", {}, "event_id", "Give a number of at least 1."),
    ],
)
def test_a_wrong_parameter_is_a_422_naming_it(catalogue, api_get, path, params, parameter, message):
    data = api_get(path, params, status=422, HTTP_ACCEPT_LANGUAGE="en")
    assert parameter in [e["parameter"] for e in data["errors"]]
    if message:
        assert {"parameter": parameter, "message": message} in data["errors"]
        assert data["detail"] == f"{parameter}: {message}"


def test_an_unknown_sort_lists_the_sorts(catalogue, api_get):
    data = api_get("/projects", {"sort": "cheapest"}, status=422)
    [error] = data["errors"]
    assert error["parameter"] == "sort"
    assert "'budget_asc'" in error["message"] and "'relevance'" in error["message"]


def test_unknown_ids_in_facets_are_named(catalogue, api_get):
    data = api_get(
        "/projects",
        {"funds": [catalogue.erdf.pk, 999998, 999999], "themes": 888888, "q": "verkkokauppa"},
        status=422,
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert data["errors"] == [
        {"parameter": "funds", "message": "There are no records with the ids 999998, 999999."},
        {"parameter": "themes", "message": "There is no record with the id 888888."},
    ]


def test_every_wrong_parameter_is_reported_at_once(catalogue, api_get):
    data = api_get("/projects", {"funds": "x", "page_size": "1000", "sort": "?"}, status=422)
    assert sorted(e["parameter"] for e in data["errors"]) == ["funds", "page_size", "sort"]


def test_filters_on_hidden_projects_are_refused_like_unknown_ones(catalogue, api_get):
    for path in ("/events", "/news"):
        data = api_get(path, {"project": catalogue.draft.pk}, status=422)
        assert data["errors"][0]["parameter"] == "project"


def test_not_found_is_a_json_404(catalogue, api_get):
    for path, message in [
        ("/projects/999999", "There is no public project with the id 999999."),
        (
            "/organisations/999999",
            "There is no organisation of a public project with the id 999999.",
        ),
        ("/calls/999999", "There is no published call with the id 999999."),
        ("/events/999999", "There is no public event with the id 999999."),
        ("/news/999999", "There is no published news item with the id 999999."),
    ]:
        assert api_get(path, status=404, HTTP_ACCEPT_LANGUAGE="en") == {
            "detail": message,
            "errors": [],
        }


def test_the_api_is_read_only(catalogue, client):
    response = client.post("/api/v1/projects", {}, content_type="application/json")
    assert response.status_code == 405


def test_messages_follow_accept_language_and_default_to_english(catalogue, client):
    plain = client.get("/api/v1/projects/999999")
    assert plain["Content-Language"] == "en"
    assert plain.json()["detail"] == "There is no public project with the id 999999."

    for language in ("fi", "sv", "en"):
        response = client.get("/api/v1/projects/999999", HTTP_ACCEPT_LANGUAGE=language)
        assert response["Content-Language"] == language
