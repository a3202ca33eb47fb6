"""Seed 000: HEHKU (TEQU, Lapland), an English page. Every fact appears on the public page."""

import pytest

from hanke.projects.models import Project

from .conftest import assert_all_present

pytestmark = pytest.mark.django_db


@pytest.fixture
def hehku(demo):
    return Project.objects.get(source_document="seeds/000_641497b59f3b4df2.txt")


def test_english_page_shows_every_fact_in_english_format(hehku, page_text):
    text = page_text(f"/en/projects/{hehku.pk}/")
    assert_all_present(
        text,
        [
            "HEHKU",
            "TEQU",
            "Digi Startup",
            "Digital marketing and sales",
            "Global digital resources",
            "Data and customer relationships",
            "Hehku project was developed to offer solutions to these challenges",
            "create new companies, acquire digital skills from global resource pools",
            "Covid19-Package",
            "€309,642",
            "€247,714",
            "80.00%",
            "European Social Fund",
            "North Ostrobothnia Centre for Economic Development, Transport and the Environment",
            "9 Apr 2020",
            "31 Jan 2023",
            "Lapland",
            "Rovaniemi",
            "Regional event in Lapland (4/4)",
            "Main event in Rovaniemi (4/4)",
            "Covid19-Package webinar on e-sales (6/6)",
            "Covid19-Package network workshop",
            "Recording on TEQU’s YouTube channel",
            "Spring 2020",
            "Sustainable growth and jobs 2014–2020",
        ],
    )
    assert text.count("Main event in Rovaniemi") == 4
    assert text.count("Regional event in Lapland") == 4
    assert text.count("Covid19-Package webinar on e-sales (") == 6


def test_each_main_event_announces_four_keynote_speakers(hehku, page_text):
    text = page_text(f"/en/projects/{hehku.pk}/")
    assert text.count("4 keynote speakers") >= 4


def test_finnish_page_uses_finnish_formats_and_marks_the_english_original(hehku, page_text, client):
    text = page_text(f"/fi/projects/{hehku.pk}/")
    assert_all_present(
        text,
        [
            "309 642 €",
            "247 714 €",
            "80,00 %",
            "9.4.2020",
            "31.1.2023",
            "Hehku project was developed",
        ],
    )
    body = client.get(f"/fi/projects/{hehku.pk}/").content.decode()
    assert 'lang="en"' in body  # the English original is marked as English inside a Finnish page
