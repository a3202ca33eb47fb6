"""Anonymous use of the API is limited per client address (API_ANON_RATE); over the limit the
answer is 429 with Retry-After and a message, and other clients are not affected."""


def test_over_the_rate_the_answer_is_429_with_retry_after(db, client, settings):
    settings.API_ANON_RATE = "3/min"
    for _ in range(3):
        assert client.get("/api/v1/news").status_code == 200

    response = client.get("/api/v1/calls", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 60
    detail = response.json()["detail"]
    assert detail.startswith("Too many requests from your address. Wait ")
    assert f"Wait {response['Retry-After']} seconds" in detail


def test_the_limit_is_per_client_address(db, client, settings):
    settings.API_ANON_RATE = "2/min"
    for _ in range(2):
        client.get("/api/v1/news", REMOTE_ADDR="192.0.2.1")
    assert client.get("/api/v1/news", REMOTE_ADDR="192.0.2.1").status_code == 429
    assert client.get("/api/v1/news", REMOTE_ADDR="192.0.2.2").status_code == 200


def test_a_forged_forwarded_for_header_gives_no_fresh_allowance(db, client, settings):
    """Without trusted proxies the address is REMOTE_ADDR, whatever X-Forwarded-For says."""
    settings.API_ANON_RATE = "2/min"
    settings.TRUSTED_PROXY_COUNT = 0
    for n in range(2):
        client.get("/api/v1/news", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}")
    response = client.get("/api/v1/news", HTTP_X_FORWARDED_FOR="198.51.100.99")
    assert response.status_code == 429


def test_behind_a_proxy_the_client_is_the_address_the_proxy_saw(db, client, settings):
    settings.API_ANON_RATE = "1/min"
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    assert (
        client.get("/api/v1/news", HTTP_X_FORWARDED_FOR="203.0.113.5", **proxy).status_code == 200
    )
    # the client wrote a header of its own: the proxy appended the real address after it
    again = client.get("/api/v1/news", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.5", **proxy)
    assert again.status_code == 429
    other = client.get("/api/v1/news", HTTP_X_FORWARDED_FOR="203.0.113.6", **proxy)
    assert other.status_code == 200


def test_an_empty_rate_turns_the_limit_off(db, client, settings):
    settings.API_ANON_RATE = ""
    assert all(client.get("/api/v1/news").status_code == 200 for _ in range(30))


def test_the_public_pages_are_not_limited(db, client, settings):
    settings.API_ANON_RATE = "1/min"
    client.get("/api/v1/news")
    assert client.get("/api/v1/news").status_code == 429
    assert client.get("/fi/news/").status_code == 200


def test_a_failing_cache_lets_the_requests_through(db, client, settings, monkeypatch):
    """The limit protects the service; a cache that is down must not take the API down."""
    from hanke.api.throttling import AnonymousRateThrottle

    class CacheDown:
        def get(self, *args, **kwargs):
            raise ConnectionError("the cache is down")

        set = get

    monkeypatch.setattr(AnonymousRateThrottle, "cache", CacheDown())
    settings.API_ANON_RATE = "1/min"
    assert [client.get("/api/v1/news").status_code for _ in range(3)] == [200, 200, 200]
