"""The projects of the open data API: the search with the search page's filters, paging and
sorting, and a project's page as data (financing and targets). Only public projects appear."""

import pytest


def ids(data) -> list[int]:
    return [row["id"] for row in data["results"]]


def test_the_list_has_the_public_projects_with_money_as_strings(catalogue, api_get):
    data = api_get("/projects", {"sort": "newest"})

    assert data["count"] == 2
    assert ids(data) == [catalogue.shop.pk, catalogue.skills_project.pk]
    shop, skills = data["results"]
    assert shop["name"] == {"fi": "Verkkokauppaklubi", "en": "E-commerce club", "sv": None}
    assert shop["code"] == "A12345"
    assert shop["status"]["code"] == "ongoing"
    assert shop["status"]["label"]["en"] == "Ongoing"
    assert shop["total_cost"] == "510503.00"
    assert shop["eu_and_state_funding"] == "408403.00"
    assert shop["implementer"] == {
        "id": catalogue.chamber.pk,
        "name": {"fi": "Lapin kauppakamari", "en": None, "sv": None},
        "business_id": "0209638-7",
    }
    assert shop["fund"]["code"] == "ERDF"
    assert shop["start_date"] == "2023-03-01"
    assert shop["web_page"]["en"] == f"http://testserver/en/projects/{catalogue.shop.pk}/"
    # written in English only: the other languages are null, not a copy
    assert skills["name"] == {"fi": None, "en": "Skills for industry", "sv": None}
    assert skills["original_language"] == "en"
    assert skills["total_cost"] == "100000.50"
    assert skills["eu_and_state_funding"] == "70000.00"


def test_drafts_and_unpublished_projects_never_appear(catalogue, api_get):
    # both hidden projects have the searched word in their names
    assert ids(api_get("/projects", {"q": "verkkokauppa"})) == [catalogue.shop.pk]
    assert ids(api_get("/projects", {"implementers": catalogue.hidden_org.pk})) == []
    for project in (catalogue.draft, catalogue.unpublished):
        data = api_get(f"/projects/{project.pk}", status=404)
        assert data["detail"] == f"There is no public project with the id {project.pk}."


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        # an inflected form in the summary, a compound in the name
        ({"q": "verkkokauppa"}, ["shop"]),
        ({"q": "verkkokauppa", "funds": "esf"}, []),
        ({"q": "training digital", "regions": "north"}, ["skills_project"]),
        ({"q": "digital", "regions": "lapland"}, []),
        ({"themes": "digital"}, ["shop", "skills_project"]),
        ({"themes": "digital", "regions": "lapland", "statuses": "ongoing"}, ["shop"]),
        ({"funds": ["erdf", "esf"]}, ["shop", "skills_project"]),
        ({"statuses": "ended"}, ["skills_project"]),
        ({"municipalities": "oulu"}, ["skills_project"]),
        ({"authorities": "lapland_authority"}, ["shop"]),
        ({"specific_objectives": "objective"}, ["shop"]),
        ({"implementers": "college"}, ["skills_project"]),
        ({"total_min": "200000"}, ["shop"]),
        ({"total_max": "100000.50"}, ["skills_project"]),
        ({"eu_min": "70000", "eu_max": "70000.00"}, ["skills_project"]),
        ({"start_from": "2023-01-01"}, ["shop"]),
        ({"end_to": "2022-12-31"}, ["skills_project"]),
        (
            {"start_from": "2020-01-01", "start_to": "2021-06-30", "funds": "esf"},
            ["skills_project"],
        ),
    ],
)
def test_filters_as_on_the_search_page(catalogue, api_get, params, expected):
    def value(v):
        return getattr(catalogue, v).pk if hasattr(catalogue, v) else v

    query = {
        key: [value(v) for v in val] if isinstance(val, list) else value(val)
        for key, val in params.items()
    }
    assert sorted(ids(api_get("/projects", query))) == sorted(
        getattr(catalogue, name).pk for name in expected
    )


def test_sorting(catalogue, api_get):
    shop, skills = catalogue.shop.pk, catalogue.skills_project.pk
    assert ids(api_get("/projects", {"sort": "budget_asc"})) == [skills, shop]
    assert ids(api_get("/projects", {"sort": "budget_desc"})) == [shop, skills]
    assert ids(api_get("/projects", {"sort": "oldest"})) == [skills, shop]
    assert ids(api_get("/projects", {"sort": "ending"})) == [skills, shop]


def test_paging_keeps_the_filters(catalogue, api_get):
    first = api_get("/projects", {"page_size": 1, "themes": catalogue.digital.pk, "sort": "oldest"})
    assert (first["count"], first["pages"], first["page"], first["page_size"]) == (2, 2, 1, 1)
    assert ids(first) == [catalogue.skills_project.pk]
    assert first["previous"] is None
    assert first["next"].startswith("http://testserver/api/v1/projects?")
    assert f"themes={catalogue.digital.pk}" in first["next"]
    assert "page=2" in first["next"]

    second = api_get(first["next"].removeprefix("http://testserver/api/v1"))
    assert ids(second) == [catalogue.shop.pk]
    assert second["next"] is None
    assert "page=1" in second["previous"]

    empty = api_get("/projects", {"q": "olematonsana"})
    assert (empty["count"], empty["pages"], empty["results"]) == (0, 1, [])


def test_a_project_page_as_data(catalogue, api_get):
    data = api_get(f"/projects/{catalogue.shop.pk}")

    assert data["summary"]["fi"].startswith("Lappilaiset yritykset")
    assert data["results"]["fi"] == "Kaksikymmentä yritystä avasi verkkokaupan."
    assert data["kind"]["code"] == "development"
    assert [r["name"]["fi"] for r in data["regions"]] == ["Lappi"]
    assert data["regions"][0]["nuts3_code"] == "FI1D7"
    assert [m["name"]["fi"] for m in data["municipalities"]] == ["Rovaniemi"]
    assert [t["slug"] for t in data["themes"]] == ["digitalisaatio"]
    assert data["specific_objective"]["code"] == "2.1"
    assert data["partners"] == [
        {
            "organisation": {
                "id": catalogue.partner.pk,
                "name": {"fi": "Rovaniemen kehitys Oy", "en": None, "sv": None},
                "business_id": None,
            },
            "role": {
                "code": "co_implementer",
                "label": data["partners"][0]["role"]["label"],
            },
            "description": {"fi": None, "en": None, "sv": None},
        }
    ]
    assert data["sections"][0]["kind"]["code"] == "background"
    assert data["links"][0]["url"] == "https://example.fi/hanke"
    assert data["source_document"] == "seeds/001.txt"


def test_financing_as_on_the_project_page(catalogue, api_get):
    financing = api_get(f"/projects/{catalogue.shop.pk}")["financing"]

    assert financing["cost_model"]["code"] == "flat_40"
    assert financing["costs"] == [
        {
            "code": "staff",
            "label": financing["costs"][0]["label"],
            "amount": "364645.00",
            "share_percent": "71.43",
            "computed": False,
        },
        {
            "code": "flat_rate",
            "label": financing["costs"][1]["label"],
            "amount": "145858.00",
            "share_percent": "28.57",
            "computed": True,
        },
    ]
    assert financing["costs"][0]["label"]["en"] == "Staff costs"
    assert financing["total_cost"] == "510503.00"
    assert [
        (f["source"]["code"], f["amount"], f["share_percent"]) for f in financing["financing"]
    ] == [
        ("aid", "408403.00", "80.00"),
        ("other_public", "102100.00", "20.00"),
    ]
    assert financing["financing_total"] == "510503.00"
    assert financing["eu_and_state_funding"] == "408403.00"
    assert financing["aid_rate_percent"] == "80.00"
    assert financing["max_aid_rate_percent"] == "80.00"
    assert financing["public_funding_total"] == "510503.00"


def test_targets_as_on_the_project_page(catalogue, api_get):
    data = api_get(f"/projects/{catalogue.shop.pk}")
    targets = data["targets"]

    [group] = targets["target_groups"]
    assert group["name"]["fi"] == "Lappilaiset pk-yritykset"
    assert (group["target_count"], group["unit"]["code"]) == (40, "companies")
    assert [(s["name"]["fi"], s["target_count"]) for s in group["subgroups"]] == [
        ("Matkailuyritykset", 10)
    ]
    assert targets["deliverables"] == [
        {
            "title": {"fi": "Selvitys verkkokaupasta", "en": None, "sv": None},
            "type": targets["deliverables"][0]["type"],
            "target_qualifier": targets["deliverables"][0]["target_qualifier"],
            "target_min": 1,
            "target_max": 2,
        }
    ]
    assert targets["deliverables"][0]["target_qualifier"]["code"] == "range"
    [indicator] = targets["indicators"]
    assert indicator["indicator"]["code"] == "RCO01"
    assert indicator["indicator"]["unit"]["fi"] == "yritystä"
    assert indicator["target"] == "40.00"

    [package] = data["work_packages"]
    assert package["number"] == 1
    assert package["activities"] == [{"fi": "Kuukausittaiset tapaamiset", "en": None, "sv": None}]
    assert [
        (d["type"]["code"], d["target_qualifier"]["code"], d["target_min"])
        for d in package["deliverables"]
    ] == [("event", "at_least", 12)]


def test_a_project_lists_its_events_and_public_news(catalogue, api_get):
    data = api_get(f"/projects/{catalogue.shop.pk}")
    assert {e["id"] for e in data["events"]} == {catalogue.webinar.pk, catalogue.undated.pk}
    assert [n["id"] for n in data["news"]] == [catalogue.news.pk]


def test_a_project_without_a_budget_has_no_financing(db, api_get):
    from hanke.projects.tests.factories import ProjectFactory

    project = ProjectFactory()
    data = api_get(f"/projects/{project.pk}")
    assert data["financing"] is None
    assert data["total_cost"] is None
    assert data["targets"] == {"target_groups": [], "deliverables": [], "indicators": []}


def test_the_filter_values_give_the_ids(catalogue, api_get):
    data = api_get("/projects/filters")
    assert {f["code"]: f["id"] for f in data["funds"]}["ESF+"] == catalogue.esf.pk
    assert {r["code"]: r["id"] for r in data["regions"]} == {
        "17": catalogue.north.pk,
        "19": catalogue.lapland.pk,
    }
    assert [(m["code"], m["region_id"]) for m in data["municipalities"]] == [
        ("564", catalogue.north.pk),
        ("698", catalogue.lapland.pk),
    ]
    assert [s["code"] for s in data["statuses"]] == [
        "ongoing",
        "approved",
        "in_assessment",
        "ended",
    ]
    assert "relevance" in [s["code"] for s in data["sorts"]]


def test_the_list_reads_in_a_fixed_number_of_queries(
    catalogue, client, django_assert_max_num_queries
):
    """Two queries (count and page) whatever the number of projects on the page: the
    implementer, fund, authority, programme and budget come in the same query."""
    from hanke.finance.tests.factories import BudgetFactory
    from hanke.projects.tests.factories import ProjectFactory

    for _ in range(20):
        BudgetFactory(project=ProjectFactory())
    for params in ({"page_size": 100}, {"page_size": 100, "q": "hanke", "sort": "eu_desc"}):
        with django_assert_max_num_queries(3):
            response = client.get("/api/v1/projects", params)
        assert response.status_code == 200
        assert len(response.json()["results"]) >= 20
