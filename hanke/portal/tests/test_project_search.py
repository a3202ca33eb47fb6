"""Text search of projects in Finnish, English and Swedish: inflected forms, compounds, every
word must match, ranking, and text combined with facets. Runs on SQLite (FTS5) and PostgreSQL
(tsvector) alike: CI runs it on both."""

import re

import pytest

from hanke.core.models import Municipality, Region
from hanke.portal.selectors import ProjectQuery, project_search
from hanke.programmes.tests.factories import FundFactory
from hanke.projects import workflow
from hanke.projects.tests.factories import ProjectFactory, ProjectSectionFactory

pytestmark = pytest.mark.django_db


def found(text: str, **filters) -> list[str]:
    return [
        p.name_fi or p.name_en or p.name_sv
        for p in project_search(ProjectQuery(text=text, **filters))
    ]


@pytest.mark.parametrize(
    ("query", "written"),
    [
        ("verkkokauppa", "verkkokaupan"),
        ("verkkokaupan", "verkkokauppa"),
        ("verkkokauppa", "verkkokauppaklubeja"),  # a compound's first part finds the compound
        ("koulutus", "koulutuksen"),
        ("koulutuksen", "koulutus"),
        ("koulutus", "koulutuksia"),
        ("yritys", "yrityksille"),
        ("yrityksille", "yritysten"),
        ("teollisuus", "teollisuuden"),
        ("suomalainen", "suomalaisten"),
        ("osaaminen", "osaamisen"),
        ("hyvinvointi", "hyvinvoinnin"),
        ("kieli", "kielen"),
        ("matkailu", "matkailun"),
        ("digitalisaatio", "digitalisaation"),
        ("kauppakamari", "kauppakamarin"),
        ("yrittäjä", "yrittäjien"),
        ("Verkkokauppa", "VERKKOKAUPAN"),
    ],
)
def test_finnish_inflected_forms_find_each_other(query, written):
    ProjectFactory(name_fi="Osuma", summary_fi=f"Hanke lisää {written} tuntemusta.")
    ProjectFactory(name_fi="Ohi", summary_fi="Hanke rakentaa siltoja ja teitä.")
    assert found(query) == ["Osuma"]


@pytest.mark.parametrize(
    ("query", "written"),
    [
        ("training", "trainings"),
        ("trainings", "trained"),
        ("company", "companies"),
        ("e-commerce", "E-commerce"),
        ("digitalisation", "digitalisation"),
    ],
)
def test_english_inflected_forms_find_each_other(query, written):
    ProjectFactory(name_fi="", name_en="Hit", summary_fi="", summary_en=f"Regional {written}.")
    ProjectFactory(name_fi="", name_en="Miss", summary_fi="", summary_en="Bridges and roads.")
    assert found(query) == ["Hit"]


@pytest.mark.parametrize(
    ("query", "written"),
    [("företag", "företagen"), ("utbildning", "utbildningar"), ("näthandel", "näthandeln")],
)
def test_swedish_inflected_forms_find_each_other(query, written):
    ProjectFactory(name_fi="", name_sv="Träff", summary_fi="", summary_sv=f"Stöd för {written}.")
    ProjectFactory(name_fi="", name_sv="Miss", summary_fi="", summary_sv="Broar och vägar.")
    assert found(query) == ["Träff"]


def test_every_word_must_match():
    ProjectFactory(name_fi="Verkkokauppa ja matkailu", summary_fi="")
    ProjectFactory(name_fi="Verkkokauppa", summary_fi="")
    ProjectFactory(name_fi="Matkailu", summary_fi="")
    assert found("verkkokaupan matkailun") == ["Verkkokauppa ja matkailu"]
    assert sorted(found("verkkokauppa")) == ["Verkkokauppa", "Verkkokauppa ja matkailu"]


def test_a_word_in_the_name_ranks_above_the_same_word_in_the_description():
    in_body = ProjectFactory(name_fi="Alueen kehittäminen", summary_fi="Muuta.")
    ProjectSectionFactory(project=in_body, body_fi="Pienet verkkokaupat saavat tukea.")
    ProjectFactory(name_fi="Verkkokauppa kasvuun", summary_fi="Muuta.")
    ProjectFactory(name_fi="Tiet", summary_fi="Muuta.")
    assert found("verkkokauppa") == ["Verkkokauppa kasvuun", "Alueen kehittäminen"]


def test_text_is_found_in_every_part_of_the_project():
    from hanke.projects.tests.factories import ThemeFactory, WorkPackageFactory

    project = ProjectFactory(name_fi="A", summary_fi="", code="S30355", acronym="DIGIPOLKU")
    ProjectSectionFactory(project=project, body_fi="Taustalla on metsäteollisuuden murros.")
    WorkPackageFactory(project=project, title_fi="Pilotointi", description_fi="Kokeillaan.")
    project.themes.add(ThemeFactory(name_fi="Kiertotalous", name_en="Circular economy"))
    project.municipalities.add(
        Municipality.objects.create(
            code="698",
            name="Rovaniemi",
            region=Region.objects.create(code="19", name="Lappi"),
        )
    )
    project.implementer.name_fi = "Lapin ammattikorkeakoulu"
    project.implementer.save()
    ProjectFactory(name_fi="B", summary_fi="")
    for text in (
        "S30355",
        "s30355",
        "digipolku",
        "metsäteollisuus",
        "pilotointi",
        "kiertotaloutta",
        "circular economy",
        "Rovaniemellä",  # stem rovanieme… matches Rovaniemi's root
        "Lapin",
        "ammattikorkeakoulun",
    ):
        assert found(text) == ["A"], text


def test_only_published_projects_are_found():
    ProjectFactory(name_fi="Verkkokauppa julkinen")
    ProjectFactory(name_fi="Verkkokauppa luonnos", status=workflow.DRAFT)
    ProjectFactory(name_fi="Verkkokauppa piilossa", is_public=False)
    assert found("verkkokauppa") == ["Verkkokauppa julkinen"]


def test_text_and_facets_combine():
    esf, erdf = FundFactory(code="ESF"), FundFactory(code="ERDF")
    lapland = Region.objects.create(code="19", name="Lappi")
    oulu = Region.objects.create(code="17", name="Pohjois-Pohjanmaa")
    rovaniemi = Municipality.objects.create(code="698", name="Rovaniemi", region=lapland)
    a = ProjectFactory(name_fi="Verkkokauppa A", fund=esf)
    a.municipalities.add(rovaniemi)  # in Lapland through its municipality
    b = ProjectFactory(name_fi="Verkkokauppa B", fund=erdf)
    b.regions.add(lapland)
    c = ProjectFactory(name_fi="Verkkokauppa C", fund=esf)
    c.regions.add(oulu)
    d = ProjectFactory(name_fi="Matkailu D", fund=esf)
    d.regions.add(lapland)
    assert sorted(found("verkkokaupan", regions=(lapland.pk,))) == [
        "Verkkokauppa A",
        "Verkkokauppa B",
    ]
    assert found("verkkokaupan", regions=(lapland.pk,), funds=(esf.pk,)) == ["Verkkokauppa A"]
    # values within one facet are alternatives
    assert sorted(found("verkkokaupan", funds=(esf.pk,), regions=(lapland.pk, oulu.pk))) == [
        "Verkkokauppa A",
        "Verkkokauppa C",
    ]
    assert found("verkkokaupan", municipalities=(rovaniemi.pk,)) == ["Verkkokauppa A"]


@pytest.mark.parametrize("text", ['"', "*", "OR", "NEAR(", "a:*", "-", "(", "'", "\\", "ä" * 300])
def test_query_syntax_of_the_engines_is_never_passed_through(text):
    ProjectFactory(name_fi="Verkkokauppa")
    results = list(project_search(ProjectQuery(text=text)))  # no error on either database
    assert all(p.name_fi == "Verkkokauppa" for p in results)


def test_the_search_page_finds_inflected_forms_and_keeps_the_words(read_page):
    ProjectFactory(name_fi="Pk-yritysten verkkokauppaklubi")
    ProjectFactory(name_fi="Tiestön kunnostus")
    page = read_page("/fi/projects/?q=verkkokauppa")
    assert re.findall(r'<th scope="row"><a href="/fi/projects/\d+/">(.*?)</a>', page.html) == [
        "Pk-yritysten verkkokauppaklubi"
    ]
    assert 'value="verkkokauppa"' in page.html
    assert "1 hanke löytyi" in page.text
