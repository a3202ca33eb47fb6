"""Published calls for applications: open and closed ones, with the facts of the call's page.
Unpublished calls never appear."""


def test_published_calls_open_and_closed(catalogue, api_get):
    data = api_get("/calls")
    assert [c["id"] for c in data["results"]] == [catalogue.closed_call.pk, catalogue.call.pk]
    assert [c["is_open"] for c in data["results"]] == [False, True]
    assert [c["id"] for c in api_get("/calls", {"open": "true"})["results"]] == [catalogue.call.pk]
    assert [c["id"] for c in api_get("/calls", {"open": "false"})["results"]] == [
        catalogue.closed_call.pk
    ]
    api_get(f"/calls/{catalogue.hidden_call.pk}", status=404)


def test_a_call_as_its_page_shows_it(catalogue, api_get):
    data = api_get(f"/calls/{catalogue.call.pk}")

    assert data["name"]["fi"] == "Osaamisen kehittämisen jatkuva haku"
    assert data["authority"]["id"] == catalogue.lapland_authority.pk
    assert data["is_continuous"] is True and data["is_open"] is True
    assert len(data["next_cut_offs"]) == 1
    assert data["max_aid_rate_percent"] == "80.00"
    assert [f["code"] for f in data["funds"]] == ["JTF"]
    assert [o["code"] for o in data["specific_objectives"]] == ["2.1"]
    assert [m["code"] for m in data["cost_models"]] == ["flat_40", "real"]
    assert [c["text"]["fi"] for c in data["general_criteria"]] == [
        "Hanke on ohjelman mukainen.",
        "Hakijalla on edellytykset toteuttaa hanke.",
    ]
    assert all(c["max_score"] is None for c in data["general_criteria"])
    assert [(g["group"]["code"], g["max_total"]) for g in data["scored_criteria"]] == [
        ("content", "10.0"),
        ("horizontal", "3.0"),
    ]
    assert data["scored_criteria"][0]["criteria"][0]["max_score"] == "5.0"
    assert (data["max_total_score"], data["score_threshold"]) == ("13.0", "6.0")
    assert [(s["order"], s["meeting"]["code"]) for s in data["decision_steps"]] == [
        (1, "funding_meeting"),
        (2, "myr"),
    ]
    assert data["web_page"]["sv"] == f"http://testserver/sv/calls/{catalogue.call.pk}/"
