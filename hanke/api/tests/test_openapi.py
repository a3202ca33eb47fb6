"""The OpenAPI schema at /api/v1/openapi.json and the interactive docs at /api/v1/docs, which
come from our own static files (no CDN) and need nothing the Content Security Policy forbids.
The browser test tests/e2e/test_api_docs.py runs the page in Chromium."""

import re

from django.contrib.staticfiles import finders

OPERATIONS = {
    "/api/v1/projects": "project_list",
    "/api/v1/projects/filters": "project_filters",
    "/api/v1/projects/{project_id}": "project_detail",
    "/api/v1/organisations": "organisation_list",
    "/api/v1/organisations/{organisation_id}": "organisation_detail",
    "/api/v1/calls": "call_list",
    "/api/v1/calls/{call_id}": "call_detail",
    "/api/v1/events": "event_list",
    "/api/v1/events/{event_id}": "event_detail",
    "/api/v1/news": "news_list",
    "/api/v1/news/{news_id}": "news_detail",
}


def test_the_schema_lists_every_read_only_operation(db, client):
    schema = client.get("/api/v1/openapi.json").json()

    assert schema["openapi"].startswith("3.")
    assert schema["info"]["title"] == "Hanke open data API"
    assert {path: set(ops) for path, ops in schema["paths"].items()} == {
        path: {"get"} for path in OPERATIONS
    }
    for path, operation_id in OPERATIONS.items():
        operation = schema["paths"][path]["get"]
        assert operation["operationId"] == operation_id
        assert {"200", "429"} <= set(operation["responses"])


def test_the_project_parameters_are_the_search_pages(db, client):
    schema = client.get("/api/v1/openapi.json").json()
    parameters = {p["name"]: p for p in schema["paths"]["/api/v1/projects"]["get"]["parameters"]}
    assert set(parameters) == {
        "q", "funds", "programmes", "specific_objectives", "authorities", "regions",
        "municipalities", "themes", "implementers", "statuses", "start_from", "start_to",
        "end_from", "end_to", "total_min", "total_max", "eu_min", "eu_max", "sort", "page",
        "page_size",
    }  # fmt: skip
    assert parameters["funds"]["schema"]["type"] == "array"
    assert parameters["page_size"]["schema"]["maximum"] == 100
    assert set(parameters["statuses"]["schema"]["items"]["enum"]) == {
        "in_assessment", "approved", "ongoing", "ended"
    }  # fmt: skip
    assert "budget_desc" in str(parameters["sort"]["schema"])


def test_money_is_a_string_with_two_decimals_in_the_schema(db, client):
    schemas = client.get("/api/v1/openapi.json").json()["components"]["schemas"]
    total = schemas["ProjectListItem"]["properties"]["total_cost"]
    assert {"type": "string", "pattern": r"^-?[0-9]+\.[0-9]{2}$"}.items() <= total["anyOf"][
        0
    ].items()


def test_the_docs_page_uses_only_our_own_files(db, client):
    response = client.get("/api/v1/docs")
    html = response.content.decode()

    assert response.status_code == 200
    assert "default-src 'self'" in response["Content-Security-Policy"]
    addresses = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert addresses and all(a.startswith("/static/") for a in addresses)
    for address in addresses:
        assert finders.find(address.removeprefix("/static/")), address
    # no inline script: every script is a file, or JSON data that the browser does not run
    for tag in re.findall(r"<script[^>]*>", html):
        assert 'src="' in tag or 'type="application/json"' in tag
    assert "<style" not in html and "style=" not in html
    assert '"validatorUrl": null' in html  # no badge from validator.swagger.io
