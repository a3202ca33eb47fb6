"""The public project search page: only published projects, facets, paging, and bad input that
never breaks it. Text search and its ranking: test_project_search.py."""

import datetime
import re

import pytest

from hanke.programmes.tests.factories import FundFactory, FundingAuthorityFactory
from hanke.projects import workflow
from hanke.projects.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def names(html: str) -> list[str]:
    """Project names in list order: the links in the table's row headers."""
    links = re.findall(r'<th scope="row"><a href="/\w\w/projects/\d+/">(.*?)</a>', html)
    return [re.sub(r"<[^>]+>", "", link) for link in links]


def test_only_published_projects_are_listed(read_page):
    ProjectFactory(name_fi="Julkinen")
    ProjectFactory(name_fi="Luonnos", status=workflow.DRAFT)
    ProjectFactory(name_fi="Julkaisematon", is_public=False)
    ProjectFactory(name_fi="Hylätty", status=workflow.REJECTED)
    assert names(read_page("/fi/projects/").html) == ["Julkinen"]


def test_newest_first_and_undated_last(read_page):
    ProjectFactory(name_fi="Vanha", start_date=datetime.date(2019, 10, 1))
    ProjectFactory(name_fi="Päivätön", start_date=None, end_date=None)
    ProjectFactory(name_fi="Uusi", start_date=datetime.date(2023, 1, 1))
    assert names(read_page("/fi/projects/").html) == ["Uusi", "Vanha", "Päivätön"]


def test_row_shows_implementer_fund_status_period_and_budget(read_page):
    from hanke.finance.tests.factories import BudgetFactory

    project = ProjectFactory(
        name_fi="Kasvua yhteistyöllä",
        implementer__name_fi="Lapin kauppakamari",
        fund=FundFactory(code="ERDF", abbreviation_fi="EAKR"),
        status=workflow.ENDED,
        start_date=datetime.date(2019, 10, 1),
        end_date=datetime.date(2022, 9, 30),
    )
    BudgetFactory(
        project=project,
        cost_model="unknown",
        cost_lines=None,
        total_cost=170250,
        financing={"aid": 136200, "municipal": 21200, "other_public": 5000, "private": 7850},
    )
    text = read_page("/fi/projects/").text
    assert (
        "Kasvua yhteistyöllä Lapin kauppakamari EAKR Päättynyt 1.10.2019–30.9.2022 170 250 €"
        in text
    )


def test_filter_by_fund_status_and_authority(read_page):
    esf, jtf = FundFactory(code="ESF"), FundFactory(code="JTF")
    ely, lapland = FundingAuthorityFactory(), FundingAuthorityFactory()
    ProjectFactory(name_fi="A", fund=esf, funding_authority=ely, status=workflow.ENDED)
    ProjectFactory(name_fi="B", fund=jtf, funding_authority=ely, status=workflow.ONGOING)
    ProjectFactory(name_fi="C", fund=jtf, funding_authority=lapland, status=workflow.ONGOING)

    assert sorted(names(read_page(f"/fi/projects/?funds={jtf.pk}").html)) == ["B", "C"]
    assert names(read_page("/fi/projects/?statuses=ended").html) == ["A"]
    assert sorted(names(read_page(f"/fi/projects/?authorities={ely.pk}").html)) == ["A", "B"]
    assert names(read_page(f"/fi/projects/?funds={jtf.pk}&authorities={lapland.pk}").html) == ["C"]


def test_facets_are_labelled_checkboxes_that_keep_the_choice(read_page):
    fund = FundFactory(code="JTF", abbreviation_en="JTF")
    ProjectFactory(fund=fund, funding_authority__name_en="Lapland ELY")
    html = read_page(f"/en/projects/?funds={fund.pk}").html
    box = f'id="f-funds-{fund.pk}"'
    assert re.search(rf'<input type="checkbox" name="funds" value="{fund.pk}" {box} checked>', html)
    assert f'<label for="f-funds-{fund.pk}">JTF' in html
    for legend in ("Fund", "Funding authority", "Status"):
        assert f"<legend>{legend}</legend>" in html
    assert '<label for="id_q">Search projects</label>' in html
    assert '<button type="submit"' in html


@pytest.mark.parametrize(
    "query",
    [
        "funds=abc&page=zzz",
        "statuses=draft",
        "statuses=<script>",
        "authorities=-1",
        "funds=99999999999999999999999",
        "page=-3",
        "page=1e9",
        "funds=1&funds=abc",
        "themes=%00",
        "start_from=31.2.2024",
        "start_from=2024-13-01&end_to=kissa",
        "total_min=-5&total_max=1e400",
        "eu_min=abc&eu_max=NaN",
        "sort=<script>",
        "q=" + "x" * 500,
    ],
)
def test_bad_parameters_never_break_the_list(read_page, query):
    ProjectFactory(name_fi="Julkinen")
    page = read_page(f"/en/projects/?{query}")
    assert "Julkinen" in names(page.html)
    assert "<script>" not in page.html.split("<main", 1)[1]


def test_bad_filter_gets_a_message_by_its_field_and_is_ignored(read_page):
    fund = FundFactory(code="JTF")
    ProjectFactory(name_fi="A", fund=fund, status=workflow.ENDED)
    ProjectFactory(name_fi="B", fund=fund, status=workflow.ONGOING)
    page = read_page("/en/projects/?funds=abc&statuses=ended&page=zzz")
    assert "Fund: Choose from the list." in page.text
    assert 'href="#facet-funds"' in page.html
    # the valid status filter still applies
    assert names(page.html) == ["A"]


def test_draft_is_not_offered_as_a_status(read_page):
    ProjectFactory(status=workflow.ENDED)
    ProjectFactory(status=workflow.DRAFT)
    html = read_page("/en/projects/?statuses=draft").html
    assert 'value="draft"' not in html
    assert 'value="ended"' in html


def test_paging_keeps_the_filters(read_page, settings):
    settings.HANKE_PAGE_SIZE = 2
    fund = FundFactory(code="ESF")
    for day in range(1, 6):
        ProjectFactory(name_fi=f"P{day}", fund=fund, start_date=datetime.date(2024, 1, day))
    ProjectFactory(name_fi="Muu", fund=FundFactory(code="JTF"))

    first = read_page(f"/fi/projects/?funds={fund.pk}")
    assert names(first.html) == ["P5", "P4"]
    assert f'href="?funds={fund.pk}&amp;page=2"' in first.html
    assert f'href="?funds={fund.pk}&amp;page=3"' in first.html

    third = read_page(f"/fi/projects/?funds={fund.pk}&page=3")
    assert names(third.html) == ["P1"]


def test_page_out_of_range_or_garbage_falls_back(read_page, settings):
    settings.HANKE_PAGE_SIZE = 2
    for day in range(1, 4):
        ProjectFactory(name_fi=f"P{day}", start_date=datetime.date(2024, 1, day))
    assert names(read_page("/fi/projects/?page=zzz").html) == ["P3", "P2"]
    assert names(read_page("/fi/projects/?page=99").html) == ["P1"]


def test_empty_result_says_so(read_page):
    fund = FundFactory()
    ProjectFactory(status=workflow.ONGOING)
    assert (
        "No published project matches these filters."
        in read_page(f"/en/projects/?funds={fund.pk}&statuses=ended").text
    )
