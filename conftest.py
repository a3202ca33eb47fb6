"""Shared pytest fixtures: the fixed people of Hanke's behaviour tests."""

from types import SimpleNamespace

import pytest

from hanke.accounts import roles


@pytest.fixture
def personas(db):
    """An applicant, a funder officer, an assessor, a committee member and an outsider (a
    logged-in user with no role). Each is in the role group the data migration created."""
    from hanke.accounts.tests.factories import UserFactory

    return SimpleNamespace(
        applicant=UserFactory(username="hakija", roles=[roles.APPLICANT]),
        officer=UserFactory(username="virkailija", roles=[roles.FUNDER_OFFICER]),
        assessor=UserFactory(username="arvioija", roles=[roles.ASSESSOR]),
        committee_member=UserFactory(username="myr-jasen", roles=[roles.COMMITTEE_MEMBER]),
        outsider=UserFactory(username="ulkopuolinen"),
    )


@pytest.fixture
def read_page(client):
    """Fetch a page and return what a reader sees: `.html` (no-break spaces as plain spaces),
    `.text` (the same without tags, whitespace collapsed) and the `.response`."""
    import re

    def read(url: str, status: int = 200):
        response = client.get(url)
        assert response.status_code == status, f"{url} gave {response.status_code}, not {status}"
        html = response.content.decode().replace("\u00a0", " ")
        text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
        text = re.sub(r" ([.,:;)])", r"\1", text)
        return SimpleNamespace(response=response, html=html, text=text)

    return read
