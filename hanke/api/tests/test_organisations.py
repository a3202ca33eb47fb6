"""Organisations of the public projects: implementers, co-implementers and partners, and the
funding authorities' organisations. Applicants of unpublished applications are not listed."""


def names(data) -> list[str]:
    return [row["name"]["fi"] for row in data["results"]]


def test_only_organisations_of_public_projects_are_listed(catalogue, api_get):
    data = api_get("/organisations")
    assert names(data) == [
        "Lapin kauppakamari",  # implementer
        "Lapin liitto",  # funding authority
        "Oulun ammattikorkeakoulu Oy",  # implementer of an ended project
        "Rovaniemen kehitys Oy",  # co-implementer
    ]
    for hidden in (catalogue.hidden_org, catalogue.hidden_partner):
        api_get(f"/organisations/{hidden.pk}", status=404)


def test_an_organisation_with_its_facts(catalogue, api_get):
    [chamber] = api_get("/organisations", {"q": "kauppakamari"})["results"]
    assert chamber == {
        "id": catalogue.chamber.pk,
        "name": {"fi": "Lapin kauppakamari", "en": None, "sv": None},
        "original_language": "fi",
        "business_id": "0209638-7",
        "type": chamber["type"],
        "municipality": {
            "id": catalogue.rovaniemi.pk,
            "code": "698",
            "name": {"fi": "Rovaniemi", "en": None, "sv": None},
            "region_id": catalogue.lapland.pk,
        },
        "website": "https://lapinkauppakamari.fi",
    }
    assert chamber["type"]["code"] == "chamber_of_commerce"
    assert chamber["type"]["label"]["en"] == "Chamber of commerce"


def test_filters(catalogue, api_get):
    assert names(api_get("/organisations", {"q": "0737510-4"})) == ["Oulun ammattikorkeakoulu Oy"]
    assert names(api_get("/organisations", {"type": "regional_council"})) == ["Lapin liitto"]
    assert names(api_get("/organisations", {"municipality": catalogue.rovaniemi.pk})) == [
        "Lapin kauppakamari"
    ]
    assert names(api_get("/organisations", {"q": "salainen"})) == []


def test_an_organisation_lists_its_public_projects_with_its_role(catalogue, api_get):
    def roles(org):
        data = api_get(f"/organisations/{org.pk}")
        return [(p["id"], p["role"]["code"]) for p in data["projects"]]

    assert roles(catalogue.chamber) == [(catalogue.shop.pk, "implementer")]
    assert roles(catalogue.partner) == [(catalogue.shop.pk, "co_implementer")]
    assert roles(catalogue.council) == [(catalogue.shop.pk, "funding_authority")]
    data = api_get(f"/organisations/{catalogue.council.pk}")
    assert data["projects"][0]["role"]["label"]["en"] == "Funding authority"


def test_an_implementer_of_a_hidden_project_shows_only_its_public_ones(catalogue, api_get):
    from hanke.projects import workflow
    from hanke.projects.tests.factories import ProjectFactory

    ProjectFactory(implementer=catalogue.chamber, status=workflow.SUBMITTED, name_fi="Hakemus")
    data = api_get(f"/organisations/{catalogue.chamber.pk}")
    assert [p["name"]["fi"] for p in data["projects"]] == ["Verkkokauppaklubi"]
