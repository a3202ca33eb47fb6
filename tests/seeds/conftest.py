import html
import re

import pytest


@pytest.fixture
def demo(demo_in_module, db):
    """The demo data, loaded once for the module (see the root conftest)."""


@pytest.fixture
def page_text(client):
    """The visible text of a page, tags dropped and no-break spaces made plain, so that a test
    can look for `309 642 €` as a reader sees it."""

    def fetch(url: str) -> str:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S)
        text = html.unescape(re.sub(r"<[^>]+>", " ", body))
        return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u202f", " "))

    return fetch


def assert_all_present(text: str, facts: list[str]) -> None:
    missing = [fact for fact in facts if fact not in text]
    assert not missing, f"missing from the page: {missing}"
