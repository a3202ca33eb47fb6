"""Fuzzing: extract() and clean_text() on any text never raise, and every snippet is exact."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hanke.imports.cleaning import clean_text
from hanke.imports.extract import extract

# fragments of the genre, so the fuzzer reaches deep into the patterns
FRAGMENTS = [
    "Hankekoodi ",
    "S20123",
    "A1234567",
    "Toteuttaja",
    ":",
    " ",
    "\n",
    "\n\n",
    "Y-tunnus ",
    "0201256-6",
    "1234567-8",
    "9.4.2020",
    "–",
    "-",
    "31.1.2023",
    "31.2.2023",
    " ja ",
    " and ",
    "between ",
    "Alkaa ",
    "päättyy ",
    "9 April 2020",
    "Kokonaisbudjetti ",
    "309 642",
    " €",
    "€",
    "309,642",
    ",00",
    " euroa",
    "EU- ja valtion rahoitus ",
    "Kuntarahoitus ",
    "Omarahoitus: ",
    "Muu julkinen rahoitus",
    "20%",
    " 40 %",
    "flat rate ",
    "tuen enimmäismäärä ",
    "Kohderyhmä:",
    "• ",
    "- ",
    "30 yritystä",
    "(140)",
    "TYÖPAKETTI 1: ",
    "Work package 2 – ",
    "teemat:",
    "Osatoteuttajat: ",
    "Lapin ELY-keskuksen",
    "Lapin liitto",
    "EAKR",
    "ESR",
    "Uudistuva ja osaava Suomi 2021–2027",
    "Toimintalinja 3",
    "Erityistavoite 7.1",
    "Hankkeen toiminta on päättynyt",
    "Tiivistelmä",
    "GROWTH THROUGH COOPERATION -HANKE 2019-2022",
    "x" * 40,
    "Ä",
    "\u00a0",
    "\u202f",
    "|",
    ".",
    "Hehku project",
    "implemented by ",
    "TEQU project personnel",
    "0",
    "99",
    "١٢٣",
    "\u0000",
    "\ud7ff",
]
genre_text = st.lists(st.sampled_from(FRAGMENTS), max_size=80).map("".join)
any_text = st.one_of(st.text(max_size=2000), genre_text)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=any_text, lang=st.sampled_from(["fi", "en", "sv", "xx", ""]))
def test_extract_never_raises_and_snippets_are_exact(text, lang):
    for x in extract(text, lang, strict=True):
        assert x.snippet == text[x.start : x.end]
        assert 0 <= x.start <= x.end <= len(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=any_text)
def test_extract_on_cleaned_text(text):
    cleaned = clean_text(text)
    assert clean_text(cleaned) == cleaned
    for x in extract(cleaned, "fi", strict=True):
        assert x.snippet == cleaned[x.start : x.end]


def test_long_inputs_finish():
    text = ("9.4.2020 " * 5000) + ("1 " * 20000) + ("Kohderyhmä:\n" * 500) + ("• a\n" * 2000)
    extract(text, "fi", strict=True)
    clean_text(text)
