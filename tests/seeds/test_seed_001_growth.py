"""Seed 001: Growth through cooperation -hanke 2019–2022 (Lapin kauppakamari), a Finnish page."""

import pytest

from hanke.projects.models import Project

from .conftest import assert_all_present

pytestmark = pytest.mark.django_db


@pytest.fixture
def growth(demo):
    return Project.objects.get(source_document="seeds/001_fc9531547fd416cc.txt")


def test_finnish_page_shows_every_fact(growth, page_text):
    text = page_text(f"/fi/projects/{growth.pk}/")
    assert_all_present(
        text,
        [
            "Growth through cooperation",
            "Lapin kauppakamari",
            "Hankkeen toiminta on päättynyt",
            "1.10.2019",
            "30.9.2022",
            "170 250 €",
            "136 200 €",
            "21 200 €",
            "5 000 €",
            "7 850 €",
            "80,00 %",
            "Lapin liitto/EAKR",
            "Lapin liitto",
            "Euroopan aluekehitysrahasto",
            "Lapin elinkeinoelämän yhteistyön kehittäminen",
            "Lapin elinkeinoelämän kansainväliset verkostot",
            "Viestintä",
            "Infografiikkapaketit",
            "Selvitysaineistot",
            "Videomateriaali",
            "Barentsin alueen investointipotentiaaliselvitys",
            "Hankkeen keskeisenä tavoitteena oli lisätä Lapin eri toimialojen yhteistyötä",
            "vihreän siirtymän mukaista kestävää kasvua",
            "teollisuustrategian laatimiseksi",
        ],
    )
    for debris in ("fbpx", "Siirry sisältöön"):
        assert debris not in text


def test_each_source_is_shown_with_its_share(growth, page_text):
    text = page_text(f"/fi/projects/{growth.pk}/")
    # 21 200 / 170 250 = 12,45 %; 5 000 = 2,94 %; 7 850 = 4,61 %
    assert_all_present(text, ["12,45 %", "2,94 %", "4,61 %"])


def test_english_page_falls_back_to_the_finnish_original(growth, page_text):
    text = page_text(f"/en/projects/{growth.pk}/")
    assert_all_present(
        text,
        [
            "€170,250",
            "1 Oct 2019",
            "30 Sep 2022",
            "Lapland Chamber of Commerce",
            "The project has ended",
        ],
    )
    assert "Hankkeen keskeisenä tavoitteena" in text  # original Finnish text shown, with a note
