"""CORS is open for the read-only API (any origin, GET/HEAD/OPTIONS, no credentials) and for
nothing else: the portal's pages send no CORS headers."""

ORIGIN = "https://data.example.org"


def test_a_preflight_request_is_allowed_for_reading(db, client):
    response = client.options(
        "/api/v1/projects",
        HTTP_ORIGIN=ORIGIN,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="accept-language",
    )
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    methods = {m.strip() for m in response["Access-Control-Allow-Methods"].split(",")}
    assert methods == {"GET", "HEAD", "OPTIONS"}
    assert "Access-Control-Allow-Credentials" not in response


def test_an_api_answer_may_be_read_by_any_origin(catalogue, client):
    for path in (
        "/api/v1/projects",
        f"/api/v1/projects/{catalogue.shop.pk}",
        "/api/v1/openapi.json",
    ):
        response = client.get(path, HTTP_ORIGIN=ORIGIN)
        assert response["Access-Control-Allow-Origin"] == "*"
        assert "Access-Control-Allow-Credentials" not in response
    # errors too, so a browser client can read the message
    response = client.get("/api/v1/projects", {"page_size": 0}, HTTP_ORIGIN=ORIGIN)
    assert response.status_code == 422
    assert response["Access-Control-Allow-Origin"] == "*"


def test_the_portal_pages_send_no_cors_headers(catalogue, client):
    for path in ("/fi/projects/", f"/fi/projects/{catalogue.shop.pk}/", "/healthz"):
        response = client.get(path, HTTP_ORIGIN=ORIGIN)
        assert response.status_code == 200
        assert "Access-Control-Allow-Origin" not in response
    preflight = client.options(
        "/fi/projects/", HTTP_ORIGIN=ORIGIN, HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
    )
    assert "Access-Control-Allow-Origin" not in preflight


def test_head_answers_as_get_without_the_body(catalogue, client):
    get = client.get("/api/v1/projects", HTTP_ORIGIN=ORIGIN)
    head = client.head("/api/v1/projects", HTTP_ORIGIN=ORIGIN)
    assert head.status_code == 200
    assert head.content == b""
    assert head["Content-Type"] == get["Content-Type"] == "application/json; charset=utf-8"
    assert int(head["Content-Length"]) == len(get.content)
    assert head["Access-Control-Allow-Origin"] == "*"
