"""Facets of the project search: each value's count is the number of projects choosing it would
give, values within a facet are alternatives, and the date and budget ranges and sort orders."""

import datetime
from decimal import Decimal

import pytest

from hanke.core.models import Municipality, Region
from hanke.finance.tests.factories import BudgetFactory
from hanke.portal.selectors import ProjectQuery, project_facets, project_search
from hanke.programmes.tests.factories import FundFactory
from hanke.projects import workflow
from hanke.projects.tests.factories import ProjectFactory, ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def in_finnish():
    from django.utils import translation

    with translation.override("fi"):
        yield


def counts(query: ProjectQuery, name: str) -> dict:
    facet = next(f for f in project_facets(query) if f.name == name)
    return {option.label: option.count for option in facet.options}


def names(query: ProjectQuery) -> list[str]:
    return [p.name_fi for p in project_search(query)]


@pytest.fixture
def spread():
    """Six public projects over two funds, two regions, two themes and two statuses; a draft."""
    esf, erdf = FundFactory(code="ESF", abbreviation_fi="ESR+"), FundFactory(code="ERDF")
    lapland = Region.objects.create(code="19", name="Lappi")
    north = Region.objects.create(code="17", name="Pohjois-Pohjanmaa")
    rovaniemi = Municipality.objects.create(code="698", name="Rovaniemi", region=lapland)
    digi, green = ThemeFactory(name_fi="Digitalisaatio"), ThemeFactory(name_fi="Vihreä siirtymä")
    rows = [
        ("A", esf, [lapland], [digi], workflow.ONGOING),
        ("B", esf, [north], [digi, green], workflow.ENDED),
        ("C", erdf, [lapland], [green], workflow.ONGOING),
        ("D", erdf, [], [digi], workflow.ONGOING),
        ("E", esf, [north], [], workflow.ENDED),
    ]
    for name, fund, regions, themes, status in rows:
        project = ProjectFactory(name_fi=name, fund=fund, status=status)
        project.regions.add(*regions)
        project.themes.add(*themes)
    f = ProjectFactory(name_fi="F", fund=erdf)
    f.municipalities.add(rovaniemi)  # in Lapland through its municipality
    hidden = ProjectFactory(name_fi="Luonnos", fund=esf, status=workflow.DRAFT)
    hidden.regions.add(lapland)
    return locals()


def test_counts_with_nothing_chosen(spread):
    query = ProjectQuery()
    assert counts(query, "funds") == {"ESR+": 3, "ERDF": 3}
    assert counts(query, "regions") == {"Lappi": 3, "Pohjois-Pohjanmaa": 2}
    assert counts(query, "themes") == {"Digitalisaatio": 3, "Vihreä siirtymä": 2}
    assert counts(query, "statuses") == {"Käynnissä": 4, "Päättynyt": 2}
    assert counts(query, "municipalities") == {"Rovaniemi": 1}


def test_a_facets_own_choice_does_not_narrow_its_counts_but_narrows_the_others(spread):
    query = ProjectQuery(funds=(spread["esf"].pk,))
    assert counts(query, "funds") == {"ESR+": 3, "ERDF": 3}
    assert counts(query, "regions") == {"Lappi": 1, "Pohjois-Pohjanmaa": 2}
    assert counts(query, "statuses") == {"Käynnissä": 1, "Päättynyt": 2}
    facet = next(f for f in project_facets(query) if f.name == "funds")
    assert [o.label for o in facet.selected] == ["ESR+"]


def test_every_count_is_what_choosing_the_value_gives(spread):
    """The promise of a count: add the value to the query and that many projects come back."""
    base = ProjectQuery(themes=(spread["digi"].pk,))
    for facet in project_facets(base):
        for option in facet.options:
            values = (option.value,) if facet.name == "statuses" else (int(option.value),)
            chosen = ProjectQuery(**{**base.__dict__, facet.name: values})
            assert len(names(chosen)) == option.count, (facet.name, option.label)


def test_values_within_a_facet_widen_and_facets_narrow(spread):
    lapland, north = spread["lapland"], spread["north"]
    assert sorted(names(ProjectQuery(regions=(lapland.pk,)))) == ["A", "C", "F"]
    assert sorted(names(ProjectQuery(regions=(lapland.pk, north.pk)))) == ["A", "B", "C", "E", "F"]
    both = ProjectQuery(regions=(lapland.pk, north.pk), themes=(spread["green"].pk,))
    assert sorted(names(both)) == ["B", "C"]


def test_text_narrows_the_counts(spread):
    from hanke.projects.models import Project

    Project.objects.filter(name_fi="C").update(summary_fi="")
    c = Project.objects.get(name_fi="C")
    c.summary_fi = "Verkkokauppojen kehittäminen."
    c.save()
    assert counts(ProjectQuery(text="verkkokaupan"), "funds") == {"ERDF": 1}


def test_date_ranges():
    ProjectFactory(
        name_fi="2019", start_date=datetime.date(2019, 10, 1), end_date=datetime.date(2022, 9, 30)
    )
    ProjectFactory(
        name_fi="2023", start_date=datetime.date(2023, 9, 1), end_date=datetime.date(2025, 8, 31)
    )
    ProjectFactory(name_fi="Päivätön", start_date=None, end_date=None)
    assert names(ProjectQuery(start_from=datetime.date(2020, 1, 1))) == ["2023"]
    assert names(ProjectQuery(start_to=datetime.date(2020, 1, 1))) == ["2019"]
    assert names(ProjectQuery(end_from=datetime.date(2022, 9, 30))) == ["2023", "2019"]
    assert names(ProjectQuery(end_to=datetime.date(2022, 9, 29))) == []


@pytest.fixture
def budgets():
    plans = {
        "Pieni": (Decimal("100000"), Decimal("80000")),
        "Keski": (Decimal("170250"), Decimal("136200")),
        "Suuri": (Decimal("510503"), Decimal("408403")),
    }
    for name, (total, aid) in plans.items():
        BudgetFactory(
            project=ProjectFactory(name_fi=name),
            cost_model="unknown",
            cost_lines=None,
            total_cost=total,
            financing={"aid": aid, "own": total - aid},
        )
    ProjectFactory(name_fi="Ei budjettia")


def test_budget_ranges_to_the_cent(budgets):
    assert names(ProjectQuery(total_min=Decimal("170250"), sort="name")) == ["Keski", "Suuri"]
    assert names(ProjectQuery(total_max=Decimal("170249.99"))) == ["Pieni"]
    assert names(ProjectQuery(eu_min=Decimal("136200"), eu_max=Decimal("136200"))) == ["Keski"]
    assert names(ProjectQuery(eu_max=Decimal("100000"))) == ["Pieni"]


def test_sort_by_budget_puts_projects_without_one_last(budgets):
    assert names(ProjectQuery(sort="budget_desc")) == ["Suuri", "Keski", "Pieni", "Ei budjettia"]
    assert names(ProjectQuery(sort="budget_asc")) == ["Pieni", "Keski", "Suuri", "Ei budjettia"]
    assert names(ProjectQuery(sort="eu_desc")) == ["Suuri", "Keski", "Pieni", "Ei budjettia"]
    results = list(project_search(ProjectQuery(sort="budget_desc")))
    assert (results[0].total_amount, results[0].eu_amount) == (Decimal("510503"), Decimal("408403"))


def test_sort_by_name_and_dates():
    ProjectFactory(name_fi="Öljy", start_date=datetime.date(2020, 1, 1))
    ProjectFactory(name_fi="alku", start_date=datetime.date(2024, 1, 1))
    ProjectFactory(name_fi="Bio", start_date=datetime.date(2022, 1, 1))
    assert names(ProjectQuery(sort="name")) == ["alku", "Bio", "Öljy"]
    assert names(ProjectQuery(sort="oldest")) == ["Öljy", "Bio", "alku"]
    assert names(ProjectQuery(sort="newest")) == ["alku", "Bio", "Öljy"]
    # relevance without words means newest first
    assert names(ProjectQuery(sort="relevance")) == ["alku", "Bio", "Öljy"]


def test_the_page_reads_facets_ranges_and_sort_from_the_address(spread, read_page):
    esf = spread["esf"]
    page = read_page(f"/fi/projects/?funds={esf.pk}&statuses=ended&sort=name")
    assert "2 hanketta löytyi" in page.text
    assert "Rahasto: ESR+" in page.text  # shown among the chosen filters
    assert '<option value="name" selected>' in page.html
    assert f'href="?funds={esf.pk}&amp;statuses=ended&amp;sort=name&amp;page=' not in page.html


def test_range_errors_are_shown_by_their_fields(read_page):
    ProjectFactory(name_fi="A")
    page = read_page("/en/projects/?start_from=2022-05-01&start_to=2022-01-01&total_min=abc")
    assert "The end of the range is before its start." in page.text
    assert "Enter a number, for example 1 234,50." in page.text
    assert '<details class="facet ranges" open>' in page.html
    assert "1 project found" in page.text  # the bad parts are left out


def test_htmx_gets_only_the_results_part(spread, client):
    response = client.get(
        f"/fi/projects/?funds={spread['esf'].pk}",
        HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET="search-area",
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<div id="search-area"')
    assert "<html" not in html
    assert "3 hanketta löytyi" in html
