"""The section services hold the rules whoever calls them (the pages, later the API and the
importers): only the applicant's staff may write, only while the application is editable, and
each rule answers with a message keyed by the field it concerns."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hanke.projects import services, workflow
from hanke.projects.models import Project, WorkPackage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def errors_of(call) -> dict:
    with pytest.raises(ValidationError) as caught:
        call()
    return caught.value.message_dict


def partner(**row):
    return {"name": "Uusi Oy", "business_id": "1234567-1", "role": "partner", **row}


def test_only_the_applicants_staff_may_write(draft, world, personas):
    for user in (world.officer, personas.outsider, world.other_officer):
        with pytest.raises(PermissionDenied):
            services.application_summary_set(user=user, project=draft, data={"summary": "x"})
    draft.refresh_from_db()
    assert not draft.summary_fi


def test_nothing_is_written_after_submission(draft, world):
    Project.objects.filter(pk=draft.pk).update(status=workflow.SUBMITTED)
    with pytest.raises(PermissionDenied, match="has been submitted"):
        services.application_basic_set(
            user=world.applicant, project=draft, data={"name": "x", "kind": "development"}
        )
    with pytest.raises(PermissionDenied):
        services.application_draft_save(
            user=world.applicant, project=draft, section="basic", data={"name": ["x"]}
        )


def test_basic_rules(draft, world):
    from hanke.programmes.tests.factories import SpecificObjectiveFactory

    errors = errors_of(
        lambda: services.application_basic_set(
            user=world.applicant,
            project=draft,
            data={"name": "x", "kind": "other", "specific_objective": SpecificObjectiveFactory()},
        )
    )
    assert errors == {
        "kind": ["Choose whether this is a development or an investment project."],
        "specific_objective": ["Choose one of the call's specific objectives."],
    }


def test_partner_rules(draft, world):
    def check(*rows):
        return errors_of(
            lambda: services.application_partners_set(
                user=world.applicant, project=draft, data=list(rows)
            )
        )

    assert check(partner(business_id="")) == {
        "0.business_id": ["Give the organisation's business ID (Y-tunnus)."]
    }
    assert check(partner(role="sponsor")) == {
        "0.role": ["Choose whether the organisation is a co-implementer or a partner."]
    }
    assert check(partner(), partner(name="Sama")) == {
        "1.business_id": [
            "The organisation 1234567-1 is already listed in row 1 with the same role."
        ]
    }
    assert "1234567-2" in check(partner(business_id="1234567-2"))["0.business_id"][0]


def test_target_group_rules(draft, world):
    errors = errors_of(
        lambda: services.application_target_groups_set(
            user=world.applicant,
            project=draft,
            data=[{"name": "", "target_count": 5, "unit": "litres"}],
        )
    )
    assert errors == {
        "0.name": ["Give the target group's name."],
        "0.unit": ["Choose the unit."],
    }


def deliverable(**row):
    return {
        "deliverable_type": "event",
        "title": "Tapahtumat",
        "target_qualifier": "none",
        "target_min": None,
        "target_max": None,
        **row,
    }


def package(*deliverables, **row):
    return {
        "number": 1,
        "title": "Koulutus",
        "description": "",
        "activities": ["Moduulit"],
        "deliverables": list(deliverables),
        **row,
    }


def test_work_package_rules(draft, world):
    def check(*packages):
        return errors_of(
            lambda: services.application_work_packages_set(
                user=world.applicant, project=draft, data=list(packages)
            )
        )

    assert check(package(number=None, title="")) == {
        "0.number": ["Give the work package's number (1, 2, 3 …)."],
        "0.title": ["Give the work package's title."],
    }
    assert check(package(deliverable(title="", deliverable_type="poem"))) == {
        "0.deliverables.0.title": ["Give the deliverable's title."],
        "0.deliverables.0.deliverable_type": ["Choose the type of the deliverable."],
    }
    assert check(package(deliverable(target_min=15))) == {
        "0.deliverables.0.target_qualifier": [
            "You gave a number: choose whether the target is exactly, at least, about or a "
            "range of that number."
        ]
    }
    assert check(package(deliverable(target_qualifier="range"))) == {
        "0.deliverables.0.target_min": ["Give the lower end of the range."],
        "0.deliverables.0.target_max": ["Give the upper end of the range."],
    }
    assert check(package(deliverable(target_qualifier="range", target_min=30, target_max=25))) == {
        "0.deliverables.0.target_max": [
            "The upper end of the range (25) must not be below its lower end (30)."
        ]
    }
    assert not WorkPackage.objects.exists()


def test_work_packages_are_renumbered_by_position(draft, world):
    services.application_work_packages_set(
        user=world.applicant,
        project=draft,
        data=[package(number=1, title="A"), package(number=2, title="B")],
    )
    services.application_work_packages_set(
        user=world.applicant,
        project=draft,
        data=[package(number=2, title="A"), package(number=1, title="B")],
    )
    assert [(p.number, p.title_fi) for p in WorkPackage.objects.order_by("number")] == [
        (1, "B"),
        (2, "A"),
    ]


def test_cost_rules(draft, world):
    errors = errors_of(
        lambda: services.application_costs_set(
            user=world.applicant,
            project=draft,
            data={"cost_model": "flat_24", "cost_lines": {"staff": Decimal("1000")}},
        )
    )
    assert errors == {"cost_model": ["Choose one of the cost models the call allows."]}
    errors = errors_of(
        lambda: services.application_costs_set(
            user=world.applicant,
            project=draft,
            data={
                "cost_model": "flat_40",
                "cost_lines": {"staff": Decimal("1000"), "travel": Decimal("10")},
            },
        )
    )
    assert "cannot be entered separately" in errors["cost_travel"][0]


def test_changing_the_costs_keeps_the_financing(draft, world):
    services.application_costs_set(
        user=world.applicant,
        project=draft,
        data={"cost_model": "flat_40", "cost_lines": {"staff": Decimal("364645")}},
    )
    services.application_financing_set(
        user=world.applicant,
        project=draft,
        data={"financing": {"aid": Decimal("408403"), "other_public": Decimal("102100")}},
    )
    services.application_costs_set(
        user=world.applicant,
        project=draft,
        data={"cost_model": "flat_40", "cost_lines": {"staff": Decimal("300000")}},
    )
    budget = draft.budget
    budget.refresh_from_db()
    assert budget.total_cost == Decimal("420000.00")
    assert budget.financing_lines.count() == 2  # kept; the financing section now says it is off
    from hanke.projects.application import section_problems

    assert "financing" in section_problems(draft)


def test_indicator_of_another_programme_is_refused(draft, world):
    from hanke.programmes.models import Indicator
    from hanke.programmes.tests.factories import ProgrammeFactory

    foreign = Indicator.objects.create(
        programme=ProgrammeFactory(), code="X1", name_fi="Muu", kind="output", unit_fi="kpl"
    )
    errors = errors_of(
        lambda: services.application_indicators_set(
            user=world.applicant, project=draft, data={foreign.pk: Decimal("1")}
        )
    )
    assert errors == {"indicators": ["An indicator is not one of the programme's indicators."]}


def test_an_empty_file_is_refused(draft, world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    with pytest.raises(ValidationError) as caught:
        services.application_attachment_add(
            user=world.applicant, project=draft, upload=SimpleUploadedFile("tyhja.pdf", b"")
        )
    assert caught.value.messages == ["“tyhja.pdf” is empty."]
