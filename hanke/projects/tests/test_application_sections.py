"""Each section of the application saves valid data with the Save button (no JavaScript needed)
and answers invalid data with a specific message next to the field it concerns."""

import datetime
import re
from decimal import Decimal

import pytest

from hanke.accounts.models import Organisation
from hanke.core.models import Municipality, Region
from hanke.finance.models import Budget
from hanke.indicators.models import IndicatorTarget
from hanke.programmes.models import Indicator
from hanke.projects.models import (
    Deliverable,
    ProjectPartner,
    ProjectSection,
    SectionDraft,
    TargetGroup,
    WorkPackage,
)
from hanke.projects.tests.conftest import section_url

pytestmark = pytest.mark.django_db


def management(prefix: str, total: int, initial: int = 0) -> dict:
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def error_of(html: str, field_id: str) -> str:
    """The text of a field's error slot."""
    match = re.search(
        rf'<p class="field-error" id="{re.escape(field_id)}-error"[^>]*>(.*?)</p>', html, re.S
    )
    assert match, f"no error slot for {field_id}"
    return match.group(1).replace("\u00a0", " ").replace("&quot;", '"').replace("&#x27;", "'")


def field_tag(html: str, field_id: str) -> str:
    match = re.search(rf'<(?:input|select|textarea)[^>]*id="{re.escape(field_id)}"[^>]*>', html)
    assert match, f"no field {field_id}"
    return match.group(0)


def save(client, project, section, data):
    return client.post(section_url(project, section), {"save": "1", **data})


# --- basic ---------------------------------------------------------------------------------------


def test_basic_data_is_saved(applicant_client, draft, world):
    region = Region.objects.create(code="17", name_fi="Pohjois-Pohjanmaa")
    oulu = Municipality.objects.create(code="564", name_fi="Oulu", region=region)
    objective = world.call.specific_objectives.get()
    response = save(
        applicant_client,
        draft,
        "basic",
        {
            "name": "Tekoälystä kasvua verkkokauppaan",
            "acronym": "TEKO",
            "kind": "development",
            "specific_objective": objective.pk,
            "regions": [region.pk],
            "municipalities": [oulu.pk],
        },
    )
    assert response.status_code == 302
    assert response["Location"] == section_url(draft, "basic")
    draft.refresh_from_db()
    assert draft.name_fi == "Tekoälystä kasvua verkkokauppaan"
    assert draft.acronym == "TEKO"
    assert list(draft.regions.all()) == [region]
    assert list(draft.municipalities.all()) == [oulu]
    page = applicant_client.get(section_url(draft, "basic")).content.decode()
    assert 'value="Tekoälystä kasvua verkkokauppaan"' in page
    assert "Saved" in page


def test_basic_refuses_an_objective_outside_the_call(applicant_client, draft):
    from hanke.programmes.tests.factories import SpecificObjectiveFactory

    other = SpecificObjectiveFactory()
    response = save(
        applicant_client,
        draft,
        "basic",
        {"name": "Hanke", "kind": "development", "specific_objective": other.pk},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Select a valid choice" in error_of(html, "id_specific_objective")
    assert 'aria-invalid="true"' in field_tag(html, "id_specific_objective")
    draft.refresh_from_db()
    assert draft.name_fi == ""  # nothing written; the typed text is kept as the unsaved copy
    assert SectionDraft.objects.get(project=draft, section="basic").data["name"] == ["Hanke"]


# --- partners ------------------------------------------------------------------------------------


def partner_rows(*rows) -> dict:
    data = management("partners", max(len(rows), 2))
    for n, row in enumerate(rows):
        for key, value in row.items():
            data[f"partners-{n}-{key}"] = value
    return data


def test_partners_are_matched_by_business_id_or_created(applicant_client, draft):
    known = Organisation.objects.create(name_fi="Oulun kaupunki", business_id="0187690-1")
    response = save(
        applicant_client,
        draft,
        "partners",
        partner_rows(
            {
                "name": "Oulun kaupunki (BusinessOulu)",
                "business_id": "0187690-1",
                "role": "partner",
                "description": "Tapahtumat",
            },
            {"name": "Uusi Oy", "business_id": "1234567-1", "role": "co_implementer"},
        ),
    )
    assert response.status_code == 302
    partners = {p.organisation.business_id: p for p in ProjectPartner.objects.filter(project=draft)}
    assert partners["0187690-1"].organisation == known  # not renamed, not duplicated
    assert partners["0187690-1"].description_fi == "Tapahtumat"
    assert partners["1234567-1"].organisation.name_fi == "Uusi Oy"
    assert partners["1234567-1"].role == "co_implementer"
    assert Organisation.objects.filter(business_id="1234567-1").count() == 1
    # saving the same again changes nothing
    save(
        applicant_client,
        draft,
        "partners",
        partner_rows(
            {
                "name": "Oulun kaupunki",
                "business_id": "0187690-1",
                "role": "partner",
                "description": "Tapahtumat",
            },
            {"name": "Uusi Oy", "business_id": "1234567-1", "role": "co_implementer"},
        ),
    )
    assert ProjectPartner.objects.filter(project=draft).count() == 2
    assert Organisation.objects.filter(business_id="1234567-1").count() == 1


def test_partner_business_id_with_a_wrong_check_digit_is_refused(applicant_client, draft):
    response = save(
        applicant_client,
        draft,
        "partners",
        partner_rows({"name": "Virhe Oy", "business_id": "1234567-2", "role": "partner"}),
    )
    assert response.status_code == 200
    html = response.content.decode()
    message = error_of(html, "id_partners-0-business_id")
    assert "“1234567-2” is not a valid business ID (Y-tunnus)" in message
    assert "check digit" in message
    tag = field_tag(html, "id_partners-0-business_id")
    assert 'aria-invalid="true"' in tag
    assert 'aria-describedby="id_partners-0-business_id-error' in tag
    assert not ProjectPartner.objects.filter(project=draft).exists()
    assert not Organisation.objects.filter(name_fi="Virhe Oy").exists()


def test_the_applicant_itself_is_not_a_partner(applicant_client, draft, world):
    response = save(
        applicant_client,
        draft,
        "partners",
        partner_rows(
            {"name": "Oamk", "business_id": world.applicant_org.business_id, "role": "partner"}
        ),
    )
    assert "applicant organisation itself" in error_of(
        response.content.decode(), "id_partners-0-business_id"
    )


def test_a_partner_row_needs_a_name(applicant_client, draft):
    response = save(
        applicant_client,
        draft,
        "partners",
        partner_rows({"business_id": "1234567-1", "role": "partner"}),
    )
    assert error_of(response.content.decode(), "id_partners-0-name") == (
        "Give the organisation's name."
    )


def test_a_removed_partner_row_is_deleted(applicant_client, draft):
    save(
        applicant_client,
        draft,
        "partners",
        partner_rows({"name": "Uusi Oy", "business_id": "1234567-1", "role": "partner"}),
    )
    data = partner_rows(
        {"name": "Uusi Oy", "business_id": "1234567-1", "role": "partner", "DELETE": "on"}
    )
    data["partners-INITIAL_FORMS"] = "1"
    save(applicant_client, draft, "partners", data)
    assert not ProjectPartner.objects.filter(project=draft).exists()


# --- summary and description ------------------------------------------------------------------


def test_summary_and_description_are_saved(applicant_client, draft):
    save(applicant_client, draft, "summary", {"summary": "Koulutetaan pk-yritysten henkilöstöä."})
    save(
        applicant_client,
        draft,
        "description",
        {
            "background": "Osaaminen puuttuu.",
            "objectives": "Lisätään osaamista.",
            "implementation": "",
        },
    )
    draft.refresh_from_db()
    assert draft.summary_fi == "Koulutetaan pk-yritysten henkilöstöä."
    kinds = {s.kind: s.body_fi for s in ProjectSection.objects.filter(project=draft)}
    assert kinds == {"background": "Osaaminen puuttuu.", "objectives": "Lisätään osaamista."}
    # emptying a text removes the section
    save(
        applicant_client,
        draft,
        "description",
        {"background": "", "objectives": "Lisätään osaamista."},
    )
    assert set(ProjectSection.objects.filter(project=draft).values_list("kind", flat=True)) == {
        "objectives"
    }


# --- target groups -----------------------------------------------------------------------------


def test_target_groups_are_saved_in_order(applicant_client, draft):
    data = management("groups", 3)
    data.update(
        {
            "groups-0-name": "Yritykset",
            "groups-0-target_count": "50",
            "groups-0-unit": "companies",
            "groups-1-name": "Osallistujat",
            "groups-1-target_count": "170",
            "groups-1-unit": "persons",
            "groups-2-unit": "persons",  # an empty row is left out
        }
    )
    assert save(applicant_client, draft, "target_groups", data).status_code == 302
    groups = list(TargetGroup.objects.filter(project=draft).order_by("order"))
    assert [(g.name_fi, g.target_count, g.unit) for g in groups] == [
        ("Yritykset", 50, "companies"),
        ("Osallistujat", 170, "persons"),
    ]


def test_target_group_target_must_be_a_whole_number(applicant_client, draft):
    data = management("groups", 2)
    data.update(
        {
            "groups-0-name": "Yritykset",
            "groups-0-target_count": "viisikymmentä",
            "groups-0-unit": "companies",
        }
    )
    response = save(applicant_client, draft, "target_groups", data)
    assert "Enter a whole number." in error_of(
        response.content.decode(), "id_groups-0-target_count"
    )
    assert not TargetGroup.objects.filter(project=draft).exists()


# --- work packages -----------------------------------------------------------------------------


def work_package_data(deliverable: dict | None = None, **package) -> dict:
    data = management("wp", 1)
    data.update(management("wp-0-del", 2))
    data.update(
        {
            "wp-0-number": "1",
            "wp-0-title": "Koulutus",
            "wp-0-description": "Viisi moduulia.",
            "wp-0-activities": "Moduulien suunnittelu\n\nKoulutusten toteutus\n",
            **{f"wp-0-{k}": v for k, v in package.items()},
        }
    )
    if deliverable is not None:
        data.update({f"wp-0-del-0-{k}": v for k, v in deliverable.items()})
    return data


def test_work_packages_with_activities_and_deliverables_are_saved(applicant_client, draft):
    response = save(
        applicant_client,
        draft,
        "work_packages",
        work_package_data(
            {
                "deliverable_type": "blog_post",
                "title": "Blogikirjoitukset",
                "target_qualifier": "range",
                "target_min": "25",
                "target_max": "30",
            }
        ),
    )
    assert response.status_code == 302
    package = WorkPackage.objects.get(project=draft)
    assert (package.number, package.title_fi) == (1, "Koulutus")
    assert [a.description_fi for a in package.activities.all()] == [
        "Moduulien suunnittelu",
        "Koulutusten toteutus",
    ]
    deliverable = Deliverable.objects.get(project=draft)
    assert deliverable.work_package == package
    assert deliverable.target_display == "25–30"


def test_deliverable_range_must_not_end_below_its_start(applicant_client, draft):
    response = save(
        applicant_client,
        draft,
        "work_packages",
        work_package_data(
            {
                "deliverable_type": "blog_post",
                "title": "Blogikirjoitukset",
                "target_qualifier": "range",
                "target_min": "30",
                "target_max": "25",
            }
        ),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert error_of(html, "id_wp-0-del-0-target_max") == (
        "The upper end of the range (25) must not be below its lower end (30)."
    )
    assert 'aria-invalid="true"' in field_tag(html, "id_wp-0-del-0-target_max")
    assert not WorkPackage.objects.filter(project=draft).exists()


def test_deliverable_target_must_match_its_qualifier(applicant_client, draft):
    html = save(
        applicant_client,
        draft,
        "work_packages",
        work_package_data(
            {
                "deliverable_type": "event",
                "title": "Tapahtumat",
                "target_qualifier": "at_least",
                "target_max": "15",
            }
        ),
    ).content.decode()
    assert error_of(html, "id_wp-0-del-0-target_min") == "Give the target number."
    assert "Only a range has an upper end" in error_of(html, "id_wp-0-del-0-target_max")


def test_two_work_packages_cannot_share_a_number(applicant_client, draft):
    data = management("wp", 2)
    data.update(management("wp-0-del", 0))
    data.update(management("wp-1-del", 0))
    data.update({"wp-0-number": "1", "wp-0-title": "A", "wp-1-number": "1", "wp-1-title": "B"})
    html = save(applicant_client, draft, "work_packages", data).content.decode()
    assert "Work package 1 is already given in row 1" in error_of(html, "id_wp-1-number")


# --- timetable ---------------------------------------------------------------------------------


def test_timetable_is_saved(applicant_client, draft):
    year = datetime.date.today().year
    response = save(
        applicant_client,
        draft,
        "timetable",
        {
            "start_date": f"{year + 1}-01-01",
            "end_date": f"{year + 2}-12-31",
            "timetable": "Syksy: suunnittelu.",
        },
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.start_date == datetime.date(year + 1, 1, 1)
    assert (
        ProjectSection.objects.get(project=draft, kind="timetable").body_fi == "Syksy: suunnittelu."
    )


def test_end_before_start_is_refused(applicant_client, draft):
    year = datetime.date.today().year
    html = save(
        applicant_client,
        draft,
        "timetable",
        {"start_date": f"{year + 1}-06-01", "end_date": f"{year + 1}-01-01"},
    ).content.decode()
    assert error_of(html, "id_end_date") == "The end date must be on or after the start."
    draft.refresh_from_db()
    assert draft.start_date is None


def test_dates_outside_the_call_and_programme_period_are_refused(applicant_client, draft, world):
    opens = world.call.opens_on
    html = save(
        applicant_client, draft, "timetable", {"start_date": "2020-01-01", "end_date": "2031-01-01"}
    ).content.decode()
    assert error_of(html, "id_start_date") == (
        f"The project cannot start before {opens.day} {opens.strftime('%b')} {opens.year} "
        "(the call's and programme's period)."
    )
    assert error_of(html, "id_end_date") == (
        "The project must end by 31 Dec 2029, the end of the programme's eligible period."
    )


def test_a_date_that_is_not_a_date_is_refused(applicant_client, draft):
    html = save(
        applicant_client, draft, "timetable", {"start_date": "ensi vuonna"}
    ).content.decode()
    assert error_of(html, "id_start_date") == "Enter a valid date."


# --- cost estimate and financing plan -----------------------------------------------------------


def test_cost_estimate_computes_the_flat_rate_and_total(applicant_client, draft):
    response = save(
        applicant_client, draft, "costs", {"cost_model": "flat_40", "cost_staff": "364 645"}
    )
    assert response.status_code == 302
    budget = Budget.objects.get(project=draft)
    assert budget.total_cost == Decimal("510503.00")
    html = (
        applicant_client.get(section_url(draft, "costs", lang="fi"))
        .content.decode()
        .replace("\u00a0", " ")
    )
    assert re.search(r'id="cost-flat-rate">145 858 €<', html)
    assert re.search(r'id="cost-total"><strong>510 503 €<', html)


def test_other_cost_lines_are_left_out_under_the_40_percent_flat_rate(applicant_client, draft):
    save(
        applicant_client,
        draft,
        "costs",
        {"cost_model": "flat_40", "cost_staff": "1000", "cost_travel": "500"},
    )
    budget = Budget.objects.get(project=draft)
    assert {line.category for line in budget.cost_lines.all()} == {"staff"}
    assert budget.total_cost == Decimal("1400.00")


def test_real_costs_take_every_line(applicant_client, draft):
    save(
        applicant_client,
        draft,
        "costs",
        {"cost_model": "real", "cost_staff": "1 000,50", "cost_travel": "500"},
    )
    assert Budget.objects.get(project=draft).total_cost == Decimal("1500.50")


def test_a_cost_model_the_call_does_not_allow_is_refused(applicant_client, draft):
    html = save(
        applicant_client, draft, "costs", {"cost_model": "flat_24", "cost_staff": "1000"}
    ).content.decode()
    assert "Select a valid choice" in error_of(html, "id_cost_model")
    assert not Budget.objects.filter(project=draft).exists()


def test_an_amount_that_is_not_a_number_is_refused(applicant_client, draft):
    html = save(
        applicant_client, draft, "costs", {"cost_model": "flat_40", "cost_staff": "paljon"}
    ).content.decode()
    assert error_of(html, "id_cost_staff") == "Enter a number, for example 1 234,50."


@pytest.fixture
def costed(applicant_client, draft):
    save(applicant_client, draft, "costs", {"cost_model": "flat_40", "cost_staff": "364645"})
    return draft


def test_financing_plan_that_adds_up_is_saved(applicant_client, costed):
    response = save(
        applicant_client,
        costed,
        "financing",
        {"source_aid": "408 403", "source_other_public": "102 100"},
    )
    assert response.status_code == 302
    lines = {
        line.source: line.amount
        for line in Budget.objects.get(project=costed).financing_lines.all()
    }
    assert lines == {"aid": Decimal("408403.00"), "other_public": Decimal("102100.00")}


def test_sources_that_do_not_add_up_are_refused_with_the_difference(applicant_client, costed):
    response = save(
        applicant_client,
        costed,
        "financing",
        {"source_aid": "408403", "source_other_public": "100000"},
    )
    assert response.status_code == 200
    html = response.content.decode().replace("\u00a0", " ")
    assert (
        "The financing plan adds up to €508,403 but the total cost is €510,503: the sources must "
        "match the total exactly (difference -€2,100)." in html
    )
    assert re.search(r'id="financing-difference"><strong class="figure-bad">-€2,100<', html)
    assert not Budget.objects.get(project=costed).financing_lines.exists()


def test_aid_over_the_call_maximum_is_refused_at_two_decimals(applicant_client, costed):
    # 408 455 / 510 503 = 80.0103… % → 80.01 %, above the call's 80.00 %
    html = save(
        applicant_client,
        costed,
        "financing",
        {"source_aid": "408455", "source_other_public": "102048"},
    ).content.decode()
    message = error_of(html, "id_source_aid")
    assert (
        "The aid €408,455 is 80.01% of the eligible costs €510,503, above the maximum of 80.00%."
        in message
    )
    assert "Lower the aid to at most €408,427." in message
    assert re.search(r'id="financing-aid-rate"><strong class="figure-bad">80.01%<', html)


def test_seed_002_aid_of_80_00_percent_passes(applicant_client, costed):
    response = save(
        applicant_client,
        costed,
        "financing",
        {"source_aid": "408403", "source_other_public": "102100"},
    )
    assert response.status_code == 302


def test_financing_before_costs_asks_for_the_cost_estimate(applicant_client, draft):
    html = save(applicant_client, draft, "financing", {"source_aid": "1000"}).content.decode()
    assert "Fill in the cost estimate first" in html


# --- indicators --------------------------------------------------------------------------------


def test_indicator_targets_are_saved_and_blank_removes(applicant_client, draft, world):
    participants = Indicator.objects.create(
        programme=world.call.programme,
        code="EECO01",
        name_fi="Osallistujat",
        kind="output",
        unit_fi="henkilöä",
    )
    companies = Indicator.objects.create(
        programme=world.call.programme,
        code="RCO01",
        name_fi="Yritykset",
        kind="output",
        unit_fi="yritystä",
    )
    save(
        applicant_client,
        draft,
        "indicators",
        {f"indicator_{participants.pk}": "170", f"indicator_{companies.pk}": ""},
    )
    assert {t.indicator_id: t.target for t in IndicatorTarget.objects.filter(project=draft)} == {
        participants.pk: Decimal("170")
    }
    save(applicant_client, draft, "indicators", {f"indicator_{participants.pk}": ""})
    assert not IndicatorTarget.objects.filter(project=draft).exists()


def test_a_negative_indicator_target_is_refused(applicant_client, draft, world):
    indicator = Indicator.objects.create(
        programme=world.call.programme,
        code="EECO01",
        name_fi="Osallistujat",
        kind="output",
        unit_fi="henkilöä",
    )
    html = save(
        applicant_client, draft, "indicators", {f"indicator_{indicator.pk}": "-5"}
    ).content.decode()
    assert "greater than or equal to 0" in error_of(html, f"id_indicator_{indicator.pk}")


def test_an_unknown_section_is_not_found(applicant_client, draft):
    assert applicant_client.get(section_url(draft, "nonsense")).status_code == 404
