"""Seed 003: seven regional news items; the Itä-Lappi HEHKU is a project of its own."""

import pytest

from hanke.portal.models import NewsItem
from hanke.projects.models import Project

from .conftest import assert_all_present

pytestmark = pytest.mark.django_db

TITLES = [
    "Häiriöitä kansainvälisessä yhteistyössä -kehittäminen jatkuu!",
    "Lappilaiseen klusteritoimintaan tarvitaan mukaan lisää yrityksiä",
    "Tulevaisuus näyttää älykkään erinomaiselta!",
    "Tiekartasta suuntaa lappilaisen arjen turvallisuudelle",
    "Lappiin valmistuu kansainvälisen projektiosaamisen taitureita",
    "HEHKU – Arktista osaamista Lapista",
    "Mahdollisuuksien Lappi – yhteistyöllä eteenpäin",
]


def test_news_list_shows_all_seven_items(demo, page_text):
    text = page_text("/fi/news/")
    assert_all_present(text, TITLES)


def test_news_page_shows_the_excerpt_and_says_it_is_cut(demo, page_text):
    item = NewsItem.objects.get(order=5)
    text = page_text(f"/fi/news/{item.pk}/")
    assert_all_present(
        text,
        [
            TITLES[4],
            "Lapissa on vuoden 2021 aikana koulutettu",
            "vuoden 2021 alusta siinä aloitti 33 opiskelijaa",
        ],
    )
    assert "[…]" not in text
    # the listing repeated the title at the start of each cut excerpt; the record does not
    assert item.excerpt_fi.startswith("Lapissa on vuoden 2021 aikana")


def test_itä_lappi_hehku_news_links_to_its_own_project_not_tequs(demo, page_text, client):
    item = NewsItem.objects.get(order=6)
    other = Project.objects.get(implementer__name_fi="Itä-Lapin kuntayhtymä")
    tequ = Project.objects.get(implementer__name_fi="TEQU")
    body = client.get(f"/fi/news/{item.pk}/").content.decode()
    assert f"/fi/projects/{other.pk}/" in body
    assert f"/fi/projects/{tequ.pk}/" not in body
    text = page_text(f"/fi/projects/{other.pk}/")
    assert_all_present(text, ["Itä-Lapin kuntayhtymä", "eri hanke kuin TEQUn HEHKU-hanke"])
    assert "309 642" not in text


def test_roadmap_project_period_is_shown_to_the_month(demo, page_text):
    roadmap = Project.objects.get(name_fi__startswith="Arjen turvallisuuden tiekartta")
    text = page_text(f"/fi/projects/{roadmap.pk}/")
    assert_all_present(text, ["12/2020", "9/2021", "Euroopan sosiaalirahasto"])
