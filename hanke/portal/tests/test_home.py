"""The front page says what Hanke is and shows the latest projects and news."""

import pytest

from hanke.portal.tests.factories import NewsItemFactory
from hanke.projects import workflow
from hanke.projects.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def test_front_page_counts_and_lists_only_public_things(read_page):
    ProjectFactory(name_fi="Käynnissä", status=workflow.ONGOING)
    ProjectFactory(name_fi="Päättynyt", status=workflow.ENDED)
    ProjectFactory(name_fi="Luonnos", status=workflow.DRAFT)
    NewsItemFactory(title_fi="Tuore uutinen")
    NewsItemFactory(title_fi="Piilo", is_public=False)

    page = read_page("/en/")
    assert "Hanke brings together the regional development projects" in page.text
    assert "2 published projects" in page.text
    assert "1 ongoing" in page.text
    assert "1 ended" in page.text
    assert "1 news item" in page.text
    assert "Käynnissä" in page.text and "Päättynyt" in page.text
    assert "Luonnos" not in page.text
    assert "Tuore uutinen" in page.text and "Piilo" not in page.text
    assert 'href="/en/projects/"' in page.html and 'href="/en/news/"' in page.html


def test_empty_front_page_still_works(read_page):
    page = read_page("/fi/")
    assert "0 julkaistua hanketta" in page.text
