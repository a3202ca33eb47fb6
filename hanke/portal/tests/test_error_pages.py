"""Error pages speak the reader's language and the 500 page needs nothing that could be broken."""

import pytest
from django.template import loader
from django.utils import translation

pytestmark = pytest.mark.django_db


def test_not_found_page_is_in_the_language_of_the_url(client):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "Page not found" in html
    # the language switcher still offers the other languages (their front pages)
    assert 'href="/fi/" lang="fi" hreflang="fi"' in html


def test_not_found_page_uses_the_translation_catalogue(client, monkeypatch):
    """The page's words go through gettext: a Swedish catalogue entry shows on /sv/."""
    from django.utils.translation import trans_real

    catalog = trans_real.translation("sv")
    monkeypatch.setitem(catalog._catalog, "Page not found", "Sidan hittades inte")
    html = client.get("/sv/no-such-page/").content.decode()
    assert '<html lang="sv">' in html
    assert "Sidan hittades inte" in html


def test_server_error_page_renders_without_request_or_database(django_assert_num_queries):
    with translation.override("en"), django_assert_num_queries(0):
        html = loader.get_template("500.html").render()
    assert '<html lang="en">' in html
    assert "Something went wrong" in html
