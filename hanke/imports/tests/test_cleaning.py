"""Cleaning: hyphenation and hard wrapping undone, web debris dropped, paragraphs kept."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hanke.imports.cleaning import clean_text
from hanke.imports.language import detect_language

SEEDS = Path(__file__).parent / "seeds"


def seed(number: str) -> str:
    return next(SEEDS.glob(f"{number}_*.txt")).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("pk-yritykset voi-\n\nvat parantaa", "pk-yritykset voivat parantaa"),
        ("löytää koko-\n\nnaan uusia", "löytää kokonaan uusia"),
        ("tarvitta-\nvien opintomateriaalien", "tarvittavien opintomateriaalien"),
        (
            "digitaalisia liiketoiminta- ja verkkokauppa- \n\nsekä tekoälyn",
            "digitaalisia liiketoiminta- ja verkkokauppa- sekä tekoälyn",
        ),
        ("liiketoiminta-\nja verkkokauppa", "liiketoiminta- ja verkkokauppa"),
        ("product-\nand service", "product- and service"),
        ("EU-\nhanke", "EU-hanke"),
        ("  •  Digi Startup\n  •  Data", "• Digi Startup\n• Data"),
        ("- mikro- ja pk-yrittäjät\n- opettajat", "• mikro- ja pk-yrittäjät\n• opettajat"),
        ("a  \t b\u00a0\u00a0c", "a b c"),
        ("Eka.\n\n\n\n\nToka.", "Eka.\n\nToka."),
        (
            "kasvattaa liikevaihtoaan ja \n\nluoda uusia työpaikkoja.",
            "kasvattaa liikevaihtoaan ja luoda uusia työpaikkoja.",
        ),
        (
            "Toimenpiteet:\n\nTYÖPAKETTI 1: Suunnittelu",
            "Toimenpiteet:\n\nTYÖPAKETTI 1: Suunnittelu",
        ),
        ("– Minulla oman työn ytimessä", "– Minulla oman työn ytimessä"),
        ("", ""),
        ("\u00ad\u200b", ""),
    ],
)
def test_rules(raw, clean):
    assert clean_text(raw) == clean


@pytest.mark.parametrize(
    "debris",
    [
        "fbpx",
        "Siirry sisältöön",
        "Skip to content",
        "Hyppää sisältöön",
        "Käytämme evästeitä parantaaksemme käyttökokemusta. Hyväksy kaikki evästeet",
        "We use cookies on this website. Accept all",
        "Jaa:",
        "Jaa: Facebook Twitter LinkedIn",
        "Share",
        "Lue lisää",
        "Read more »",
        "Etusivu › Hankkeet › Kasvua yhteistyöllä",
        "© 2023 Lapin kauppakamari",
        "Copyright Lapin liitto",
    ],
)
def test_debris_lines_are_dropped(debris):
    text = f"Hankkeen toiminta on päättynyt.\n\n{debris}\n\nBudjetti: 170 250 e"
    assert clean_text(text) == "Hankkeen toiminta on päättynyt.\n\nBudjetti: 170 250 e"


def test_navigation_runs_are_dropped_but_short_lists_stay():
    nav = "\n".join(["Etusivu", "Hankkeet", "Uutiset", "Palvelut", "Tietoa meistä", "Yhteystiedot"])
    text = f"{nav}\n\nHankkeen työpaketit:\n\nYhteistyö\nVerkostot\nViestintä"
    assert clean_text(text) == "Hankkeen työpaketit:\n\nYhteistyö\nVerkostot\nViestintä"


def test_seed_001_debris_goes_and_the_facts_stay():
    cleaned = clean_text(seed("001"))
    assert "fbpx" not in cleaned and "Siirry sisältöön" not in cleaned
    assert cleaned.startswith("GROWTH THROUGH COOPERATION -HANKE 2019-2022\n\n")
    assert "Toteutusaika: 1.10.2019-30.09.2022" in cleaned
    assert (
        "Hankkeen työpaketit:\n\nLapin elinkeinoelämän yhteistyön kehittäminen\n"
        "Lapin elinkeinoelämän kansainväliset verkostot\nViestintä"
    ) in cleaned


def test_seed_002_print_is_unwrapped_and_dehyphenated():
    cleaned = clean_text(seed("002"))
    assert "pk-yritykset voivat parantaa tuottavuuttaan" in cleaned
    assert "löytää kokonaan uusia tuotteita" in cleaned
    assert "liiketoiminta- ja verkkokauppa- sekä tekoälyn" in cleaned
    first = cleaned.split("\n\n")[1]
    assert first.startswith("Yrityksiltä puuttuu") and first.endswith("kehittämisen tueksi.")
    assert "\n" not in first
    assert (
        "TYÖPAKETTI 1: Digiliiketoiminta- ja tekoälyosaamisella kilpailukykyä -koulutuksen "
        "suunnittelu ja tarvittavien opintomateriaalien tuottaminen." in cleaned
    )
    assert "toteuttaa sen toimintalinjan 7 erityistavoitetta 7.1." in cleaned
    assert "\n\n\n" not in cleaned and " \n" not in cleaned


def test_seed_000_themes_are_bullets():
    cleaned = clean_text(seed("000"))
    assert (
        "themes:\n\n• Digi Startup\n• Digital marketing and sales\n• Global digital resources\n"
        "• Data and customer relationships\n\n" in cleaned
    )


@pytest.mark.parametrize("number", ["000", "001", "002", "003"])
def test_seeds_are_idempotent(number):
    once = clean_text(seed(number))
    assert clean_text(once) == once


@pytest.mark.parametrize(
    ("number", "language"), [("000", "en"), ("001", "fi"), ("002", "fi"), ("003", "fi")]
)
def test_seed_languages(number, language):
    assert detect_language(seed(number)) == language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Projektet genomförs i Lappland och stöds av Europeiska regionala utvecklingsfonden.",
            "sv",
        ),
        ("The project will be implemented between 9 April 2020 and 31 January 2023.", "en"),
        ("Hanke toteutetaan Lapissa vuosina 2019–2022.", "fi"),
        ("", "fi"),
        ("12345 €", "fi"),
    ],
)
def test_detect_language(text, language):
    assert detect_language(text) == language


PIECES = st.sampled_from(
    [
        "\n",
        "\n\n",
        " ",
        "  ",
        "-",
        "- ",
        "-\n",
        "-\n\n",
        "•",
        " • ",
        "ja",
        "sekä",
        "voi",
        "vat",
        "Hanke",
        "fbpx",
        "Jaa:",
        "Siirry sisältöön",
        "evästeet hyväksy",
        "Etusivu › ",
        "©",
        ".",
        ":",
        ",",
        "\u00a0",
        "\t",
        "\r\n",
        "\u00ad",
        "Lue lisää",
        "A",
        "b",
        "EU",
        "30 yritystä",
        "– ",
        "*",
        "\f",
        "(",
        "x" * 50,
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(), st.lists(PIECES, max_size=60).map("".join)))
def test_clean_text_is_idempotent_and_never_raises(text):
    once = clean_text(text)
    assert isinstance(once, str)
    assert clean_text(once) == once
    assert "\n\n\n" not in once
    assert once == once.strip()
