"""Extraction of each date, money, code and label form; every snippet is text[start:end]."""

import pytest

from hanke.imports.extract import FIELD_LABELS, FIELDS, extract, parse_money

NBSP, NNBSP = "\u00a0", "\u202f"


def run(text, lang="fi"):
    found = extract(text, lang, strict=True)
    for x in found:
        assert x.snippet == text[x.start : x.end], x
        assert x.field in FIELDS
    return {x.field: x.value for x in found}


def test_every_field_has_a_label():
    assert set(FIELDS) == set(FIELD_LABELS)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Kesto 9.4.2020–31.1.2023", "2020-04-09", "2023-01-31"),
        (
            "The project will be implemented between 09.04.2020 and 31.01.2023.",
            "2020-04-09",
            "2023-01-31",
        ),
        ("Toteutusaika: 1.10.2019-30.09.2022", "2019-10-01", "2022-09-30"),
        ("Hanke alkaa 1.10.2014 ja päättyy 29.2.2016.", "2014-10-01", "2016-02-29"),
        ("Alkaa 1.10.2014 ja päättyy 29.2.2016", "2014-10-01", "2016-02-29"),
        ("Toteutusaika 1.10.2019 – 30.9.2022", "2019-10-01", "2022-09-30"),
        ("Toteutusaika 1.10.2019 — 30.9.2022", "2019-10-01", "2022-09-30"),
        ("Duration 9.4.2020–31.1.2023", "2020-04-09", "2023-01-31"),
        ("The project runs between 9 April 2020 and 31 January 2023.", "2020-04-09", "2023-01-31"),
        ("From April 9, 2020 to January 31, 2023", "2020-04-09", "2023-01-31"),
        ("Aloituspäivä 1.10.2014\nPäättymispäivä 29.2.2016", "2014-10-01", "2016-02-29"),
        ("Start date: 2020-04-09\nEnd date: 2023-01-31", "2020-04-09", "2023-01-31"),
        ("Projektet genomförs mellan 9.4.2020 och 31.1.2023.", "2020-04-09", "2023-01-31"),
        ("Hanke toteutetaan 1. huhtikuuta 2020 – 31. tammikuuta 2023", "2020-04-01", "2023-01-31"),
    ],
)
def test_period_forms(text, start, end):
    values = run(text)
    assert (values.get("start_date"), values.get("end_date")) == (start, end)


@pytest.mark.parametrize(
    "text",
    ["31.2.2020–1.1.2021", "9.4.2023–31.1.2020", "Kokous 9.8.2023 ja 18.8.2023", "1.10.2019"],
)
def test_no_period_from_impossible_or_unrelated_dates(text):
    values = run(text)
    assert (
        "start_date" not in values
        or "end_date" not in values
        or values["start_date"] < values["end_date"]
    )
    if text.startswith(("31.2", "9.4.2023", "Kokous")):
        assert "start_date" not in values and "end_date" not in values


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("309 642 €", "309642.00"),
        (f"309{NBSP}642{NBSP}€", "309642.00"),
        (f"309{NNBSP}642{NNBSP}€", "309642.00"),
        ("309 642,00 euroa", "309642.00"),
        ("309642 EUR", "309642.00"),
        ("€309,642", "309642.00"),
        ("€ 309 642", "309642.00"),
        ("1 234 567,89 €", "1234567.89"),
        ("1,234,567.89 €", "1234567.89"),
        ("170 250 e", "170250.00"),
        ("102 100€", "102100.00"),
        ("5000 e", "5000.00"),
        ("EUR 1 000", "1000.00"),
        ("309.642,00 €", "309642.00"),
        ("250 k€", "250000.00"),
        ("100 t€", "100000.00"),
        ("1,2 milj. €", "1200000.00"),
        ("2,5 miljoonaa euroa", "2500000.00"),
        ("€1.2 million", "1200000.00"),
        ("1,5 M€", "1500000.00"),
    ],
)
def test_money_forms(raw, value):
    assert parse_money(raw) == value
    assert run(f"Kokonaisbudjetti {raw}")["total_budget"] == value


@pytest.mark.parametrize("raw", ["309 642", "abc €", "", "12 345 678 9 €"])
def test_not_money(raw):
    assert parse_money(raw) is None


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("Kokonaisbudjetti 309 642 €", "total_budget", "309642.00"),
        ("Total budget: €309,642", "total_budget", "309642.00"),
        ("The total budget of the project is 309 642 €", "total_budget", "309642.00"),
        ("Hankkeen kustannusarvio yhteensä 510 503 €", "total_budget", "510503.00"),
        ("Budjetti: 170 250 e", "total_budget", "170250.00"),
        ("Totalbudget 200 000 €", "total_budget", "200000.00"),
        ("prosenttimääräinen korvaus 40 %", "flat_rate", "40.00"),
        ("flat rate 40%", "flat_rate", "40.00"),
        ("Flat rate 24 % of staff costs", "cost_model", "flat_24"),
        ("Kustannusmalli: kertakorvaus", "cost_model", "lump_sum"),
        ("tuki enintään 80 %", "max_aid_rate", "80.00"),
        ("Hankkeelle esitetty tuen enimmäismäärä 408 403 €, 80%", "max_aid_rate", "80.00"),
        ("Maximum aid rate 70 %", "max_aid_rate", "70.00"),
        ("Palkkakustannukset 364 645 €", "staff_costs", "364645.00"),
        ("Staff costs €100,000", "staff_costs", "100000.00"),
    ],
)
def test_budget_forms(text, field, value):
    assert run(text)[field] == value


@pytest.mark.parametrize(
    ("text", "financing"),
    [
        ("EU- ja valtion rahoitus 247 714 €", {"aid": "247714.00"}),
        ("EU + valtio 80% 408 403 €", {"aid": "408403.00"}),
        ("Kuntarahoitus 21 200 €", {"municipal": "21200.00"}),
        ("Muu julkinen rahoitus 5 000 €", {"other_public": "5000.00"}),
        ("Yksityinen rahoitus 7 850 €", {"private": "7850.00"}),
        ("Omarahoitus 10 000 €", {"own": "10000.00"}),
        ("Omarahoitus: Muu julkinen rahoitus, 20% 102 100€", {"other_public": "102100.00"}),
        (
            "European Social Fund (ESF) and government funding 247 714 €",
            {"aid": "247714.00"},
        ),
        (
            "Rahoitus: Lapin liitto/Eakr 136 200 e, kuntarahoitus 21 200 e, muu julkinen 5000 e, "
            "yksityinen rahoitus 7 850 e.",
            {
                "aid": "136200.00",
                "municipal": "21200.00",
                "other_public": "5000.00",
                "private": "7850.00",
            },
        ),
        (
            "Funding\nEU and state funding €80,000\nPrivate funding €20,000",
            {"aid": "80000.00", "private": "20000.00"},
        ),
        ("Kuntarahoitus | 21 200 €", {"municipal": "21200.00"}),
    ],
)
def test_financing_forms(text, financing):
    assert run(text)["financing"] == financing


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Hankekoodi S20123", "S20123"),
        ("Hankekoodi: A74123", "A74123"),
        ("Project code J123456", "J123456"),
        ("EURA-tunnus: S12345", "S12345"),
        ("Hanke S20123 toteutetaan", "S20123"),
        ("(A12345)", "A12345"),
    ],
)
def test_code_forms(text, code):
    assert run(text)["code"] == code


@pytest.mark.parametrize(
    "text", ["XS20123", "S20123X", "S1234", "S1234567", "AS-20123", "S20123-2", "B12345", "s20123a"]
)
def test_no_code_inside_longer_tokens(text):
    assert "code" not in run(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Y-tunnus 0201256-6", "0201256-6"),
        ("Y-tunnus: 0201256-6", "0201256-6"),
        ("Business ID 0201256-6", "0201256-6"),
    ],
)
def test_business_id_is_validated(text, value):
    assert run(text)["business_id"] == value


def test_invalid_business_id_is_not_extracted():
    assert "business_id" not in run("Y-tunnus 1234567-8")


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("Rahoittava viranomainen: Lapin ELY-keskus", "funding_authority", "Lapin ELY-keskus"),
        (
            "Hankkeen rahoittaa Pohjois-Pohjanmaan ELY-keskus.",
            "funding_authority",
            "Pohjois-Pohjanmaan ELY-keskus",
        ),
        ("Rahoittaja: Lapin liitto", "funding_authority", "Lapin liitto"),
        (
            "Funding authority: Regional Council of Lapland",
            "funding_authority",
            "Regional Council of Lapland",
        ),
        ("Rahasto: EAKR", "fund", "ERDF"),
        ("Euroopan aluekehitysrahasto", "fund", "ERDF"),
        ("ESR-rahoitteinen hanke", "fund", "ESF"),
        ("European Social Fund Plus", "fund", "ESF+"),
        ("Oikeudenmukaisen siirtymän rahasto", "fund", "JTF"),
        ("Kestävää kasvua ja työtä 2014–2020", "programme", "KKT-2014-2020"),
        ("Uudistuva ja osaava Suomi 2021–2027", "programme", "UOS-2021-2027"),
        ("Innovative and skilled Finland 2021–2027", "programme", "UOS-2021-2027"),
        ("Toimintalinja 3", "priority_axis", "3"),
        ("Priority axis 4", "priority_axis", "4"),
        ("Erityistavoite 7.1", "specific_objective", "7.1"),
        ("Specific objective 3.1", "specific_objective", "3.1"),
        ("Toteuttaja: Lapin kauppakamari", "implementer", "Lapin kauppakamari"),
        ("Toteuttaja\nLapin kauppakamari", "implementer", "Lapin kauppakamari"),
        ("Toteuttaja Lapin kauppakamari", "implementer", "Lapin kauppakamari"),
        ("Implementer: TEQU", "implementer", "TEQU"),
        ("Toteuttaja: Oulun yliopisto, Y-tunnus 0245896-3", "implementer", "Oulun yliopisto"),
        (
            "The project is implemented by Lapland University of Applied Sciences.",
            "implementer",
            "Lapland University of Applied Sciences",
        ),
        (
            "Osatoteuttajat: Lapin yliopisto, Lapin ammattikorkeakoulu",
            "co_implementers",
            ["Lapin yliopisto", "Lapin ammattikorkeakoulu"],
        ),
        (
            "Co-implementers:\n• Oulu University\n• TEQU",
            "co_implementers",
            ["Oulu University", "TEQU"],
        ),
        ("Hankkeen toiminta on päättynyt", "status", "ended"),
        ("The project has ended.", "status", "ended"),
        ("Hankkeen nimi: Kasvua yhteistyöllä", "name", "Kasvua yhteistyöllä"),
        ("Project name: HEHKU", "name", "HEHKU"),
        ("Projektets namn: Tillväxt", "name", "Tillväxt"),
    ],
)
def test_label_forms(text, field, value):
    assert run(text)[field] == value


def test_no_implementer_from_words_that_only_start_like_a_label():
    values = run(
        "Hakijan esittämä kuvaus hankkeen sisällöstä\n\nRahoittaja puoltaa hakemuksen hyväksymistä"
    )
    assert "implementer" not in values and "funding_authority" not in values


def test_target_groups_with_numbers():
    text = "Kohderyhmät:\n\n30 yritystä ja 150 henkilöä\n\n• pk-yritykset\n• työttömät (40)\n\nToimenpiteet:\n\nMuuta."
    assert run(text)["target_groups"] == [
        {"name": "Yritykset", "count": 30},
        {"name": "Henkilöt", "count": 150},
        {"name": "Pk-yritykset", "count": None},
        {"name": "Työttömät", "count": 40},
    ]


def test_work_packages_numbered():
    text = "Työpaketti 1: Koulutus. Toteutetaan.\n\nMuuta.\n\nWork package 2 – Viestintä\n\nTP3: Hallinnointi"
    assert run(text)["work_packages"] == ["Koulutus", "Viestintä", "Hallinnointi"]


def test_themes_after_a_themes_line():
    text = "Hankkeen teemat:\n\n• Digitalisaatio\n• Vihreä siirtymä\n\nMuuta tekstiä, joka jatkuu."
    assert run(text)["themes"] == ["Digitalisaatio", "Vihreä siirtymä"]


def test_summary_after_a_label():
    body = "Hankkeessa kehitetään " + "lappilaisten yritysten osaamista " * 8 + "ja verkostoja."
    text = f"Kasvua Lapista\n\nTiivistelmä\n\n{body}\n\nLyhyt rivi."
    values = run(text)
    assert values["summary"] == body
    assert values["name"] == "Kasvua Lapista"


def test_empty_and_whitespace_give_nothing():
    assert extract("", "fi") == [] and run("   \n\n  ") == {}


def test_a_fact_box_is_not_the_summary_and_a_labelled_short_summary_is():
    text = (
        "Digiloikka Lappiin\n\n"
        "Hankekoodi: S21345\nToteuttaja: Lapin ammattikorkeakoulu Oy\n"
        "Rahoittava viranomainen: Lapin ELY-keskus\nKokonaisbudjetti: 450 000 €\n\n"
        "Tiivistelmä\n"
        "Hankkeessa kehitetään pk-yritysten digitaalisia taitoja koulutuksilla.\n"
    )
    summary = [e for e in extract(text, "fi") if e.field == "summary"]
    assert [e.value for e in summary] == [
        "Hankkeessa kehitetään pk-yritysten digitaalisia taitoja koulutuksilla."
    ]
    assert text[summary[0].start : summary[0].end] == summary[0].snippet
