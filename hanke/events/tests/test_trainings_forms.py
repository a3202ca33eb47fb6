"""Creating and editing programmes, modules and cohorts: what is typed is saved, and a broken
rule gives a translated message next to the field while nothing is saved."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from hanke.events.models import Cohort, TrainingModule, TrainingProgramme
from hanke.events.tests.factories import (
    CohortFactory,
    TrainingModuleFactory,
    TrainingProgrammeFactory,
)
from hanke.projects.tests.factories import ProjectFactory, WorkPackageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def project(world, client):
    client.force_login(world.applicant)
    return ProjectFactory(implementer=world.applicant_org, funding_authority=world.authority)


def url(name, *args):
    with translation.override("en"):
        return reverse(f"trainings:{name}", args=args)


def module_data(**overrides):
    data = {
        "number": "1",
        "name_fi": "Verkkokaupan perusteet",
        "credits": "5",
        "duration_weeks": "6",
        "online_theory": "on",
        "contact_workshops": "2",
    }
    data.update(overrides)
    return data


def cohort_data(**overrides):
    data = {
        "year": "2025",
        "starts_on": "2025-01-13",
        "ends_on": "2025-02-23",
        "timing_fi": "",
        "capacity": "20",
        "registration_enabled": "on",
    }
    data.update(overrides)
    return data


def test_a_programme_is_created_with_its_work_package(client, project):
    package = WorkPackageFactory(project=project, number=1)
    response = client.post(
        url("programme_new", project.pk),
        {
            "name_fi": "Digiliiketoiminnan koulutus",
            "name_en": "Digital business training",
            "description_fi": "Viisi moduulia.",
            "work_package": package.pk,
        },
    )
    programme = TrainingProgramme.objects.get(project=project)
    assert response.status_code == 302
    assert response["Location"].endswith(f"#programme-{programme.pk}")
    assert programme.name_fi == "Digiliiketoiminnan koulutus"
    assert programme.name_en == "Digital business training"
    assert programme.work_package == package


def test_a_programme_needs_a_name_in_some_language(client, project):
    response = client.post(url("programme_new", project.pk), {"description_fi": "Kuvaus"})
    assert response.status_code == 200
    assert "Give the name in at least one language" in response.content.decode()
    assert 'aria-invalid="true"' in response.content.decode()
    assert not TrainingProgramme.objects.exists()


def test_a_work_package_of_another_project_is_refused(client, project):
    foreign = WorkPackageFactory(number=1)
    response = client.post(
        url("programme_new", project.pk), {"name_fi": "Koulutus", "work_package": foreign.pk}
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not TrainingProgramme.objects.exists()


def test_the_service_refuses_a_foreign_work_package_too(world, project):
    from django.core.exceptions import ValidationError

    from hanke.events.training_services import programme_create

    with translation.override("en"), pytest.raises(ValidationError) as error:
        programme_create(
            user=world.applicant,
            project=project,
            data={"name_fi": "Koulutus", "work_package": WorkPackageFactory(number=1)},
        )
    assert error.value.message_dict["work_package"] == ["Choose a work package of this project."]
    assert not TrainingProgramme.objects.exists()


def test_editing_a_programme_changes_it(client, project):
    programme = TrainingProgrammeFactory(project=project, name_fi="Vanha")
    response = client.post(
        url("programme_edit", project.pk, programme.pk), {"name_fi": "Uusi nimi"}
    )
    assert response.status_code == 302
    programme.refresh_from_db()
    assert programme.name_fi == "Uusi nimi"


def test_a_module_is_added_with_credits_weeks_and_format(client, project):
    programme = TrainingProgrammeFactory(project=project)
    response = client.post(url("module_new", project.pk, programme.pk), module_data(credits="2,5"))
    assert response.status_code == 302
    module = TrainingModule.objects.get(programme=programme)
    assert module.credits == Decimal("2.5")
    assert module.duration_weeks == 6
    assert module.online_theory is True
    assert module.contact_workshops == 2


@pytest.mark.parametrize(
    "overrides, field, message",
    [
        ({"credits": "0"}, "credits", "The credits (op) must be more than 0."),
        ({"credits": "-5"}, "credits", "The credits (op) must be more than 0."),
        ({"credits": ""}, "credits", "The credits (op) must be more than 0."),
        ({"credits": "2,55"}, "credits", "Give the credits with at most one decimal"),
        ({"credits": "viisi"}, "credits", "Enter a number"),
        ({"duration_weeks": "0"}, "duration_weeks", "The duration must be more than 0 weeks."),
        ({"number": "0"}, "number", "Give the module a number of 1 or more."),
        ({"name_fi": ""}, "name_fi", "Give the name in at least one language"),
    ],
)
def test_module_rules_give_a_message_and_save_nothing(client, project, overrides, field, message):
    programme = TrainingProgrammeFactory(project=project)
    response = client.post(url("module_new", project.pk, programme.pk), module_data(**overrides))
    body = response.content.decode()
    assert response.status_code == 200
    assert message in body
    assert f'id="id_{field}-error"' in body
    assert not TrainingModule.objects.exists()


def test_a_module_number_is_unique_in_its_programme(client, project):
    programme = TrainingProgrammeFactory(project=project)
    first = TrainingModuleFactory(programme=programme, number=1, name_fi="Ensimmäinen")
    second = TrainingModuleFactory(programme=programme, number=2, name_fi="Toinen")
    response = client.post(url("module_new", project.pk, programme.pk), module_data(number="1"))
    assert "This programme already has a module number 1." in response.content.decode()
    response = client.post(
        url("module_edit", project.pk, second.pk), module_data(number="1", name_fi="Muutettu")
    )
    assert "This programme already has a module number 1." in response.content.decode()
    second.refresh_from_db()
    assert (second.number, second.name_fi) == (2, "Toinen")
    # the same number in another programme is fine, and a module keeps its own number
    other = TrainingProgrammeFactory(project=project)
    assert client.post(url("module_new", project.pk, other.pk), module_data()).status_code == 302
    response = client.post(url("module_edit", project.pk, first.pk), module_data(number="1"))
    assert response.status_code == 302


def test_a_cohort_is_created_and_opens_on_its_page(client, project):
    module = TrainingModuleFactory(programme=TrainingProgrammeFactory(project=project))
    response = client.post(url("cohort_new", project.pk, module.pk), cohort_data())
    cohort = Cohort.objects.get(module=module)
    assert response.status_code == 302
    assert response["Location"] == url("cohort", project.pk, cohort.pk)
    assert (cohort.year, cohort.starts_on, cohort.capacity) == (
        2025,
        datetime.date(2025, 1, 13),
        20,
    )
    assert cohort.registration_enabled


def test_a_cohort_with_timing_text_only(client, project):
    module = TrainingModuleFactory(programme=TrainingProgrammeFactory(project=project))
    data = cohort_data(year="2026", starts_on="", ends_on="", timing_fi="kevät 2026", capacity="")
    assert client.post(url("cohort_new", project.pk, module.pk), data).status_code == 302
    cohort = Cohort.objects.get(module=module)
    assert (cohort.timing_fi, cohort.starts_on, cohort.capacity) == ("kevät 2026", None, None)


@pytest.mark.parametrize(
    "overrides, field, message",
    [
        ({"ends_on": "2025-01-01"}, "ends_on", "The cohort cannot end before it starts."),
        ({"year": "2024"}, "starts_on", "The cohort of 2024 must start in 2024."),
        ({"year": "24"}, "year", "Give the year as four digits"),
        ({"capacity": "0"}, "capacity", "The capacity must be at least 1"),
        (
            {
                "registration_opens_at": "2024-12-01T09:00",
                "registration_closes_at": "2024-11-01T09:00",
            },
            "registration_closes_at",
            "Registration must close after it opens.",
        ),
        ({"starts_on": "13.1.2025x"}, "starts_on", "Enter a valid date."),
    ],
)
def test_cohort_rules_give_a_message_and_save_nothing(client, project, overrides, field, message):
    module = TrainingModuleFactory(programme=TrainingProgrammeFactory(project=project))
    response = client.post(url("cohort_new", project.pk, module.pk), cohort_data(**overrides))
    body = response.content.decode()
    assert response.status_code == 200
    assert message in body
    assert f'id="id_{field}-error"' in body
    assert not Cohort.objects.exists()


def test_a_refused_cohort_edit_changes_nothing(client, project):
    cohort = CohortFactory(
        module=TrainingModuleFactory(programme=TrainingProgrammeFactory(project=project)),
        capacity=10,
    )
    response = client.post(
        url("cohort_edit", project.pk, cohort.pk),
        cohort_data(year="2024", starts_on="2024-03-01", ends_on="2024-02-01", capacity="30"),
    )
    assert "The cohort cannot end before it starts." in response.content.decode()
    cohort.refresh_from_db()
    assert (cohort.capacity, cohort.starts_on) == (10, datetime.date(2024, 1, 15))
