"""The trainings page lists each programme with its modules (credits, weeks, format), the total
credits, and its cohorts per year with enrolled, capacity, waiting and completed counts."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from hanke.events.models import Registration
from hanke.events.tests.factories import (
    CohortFactory,
    RegistrationFactory,
    TrainingModuleFactory,
    TrainingProgrammeFactory,
)
from hanke.participants.tests.factories import ParticipantFactory
from hanke.projects.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def enrol(cohort, status=Registration.Status.CONFIRMED, completed_on=None):
    participant = ParticipantFactory(project=cohort.module.programme.project)
    return RegistrationFactory(
        participant=participant,
        event=None,
        cohort=cohort,
        status=status,
        completed_on=completed_on,
    )


@pytest.fixture
def programme(world):
    project = ProjectFactory(implementer=world.applicant_org, funding_authority=world.authority)
    programme = TrainingProgrammeFactory(project=project, name_fi="Digikoulutus", name_en="")
    for number in (1, 2):
        module = TrainingModuleFactory(
            programme=programme,
            number=number,
            name_fi=f"Moduuli {number}",
            credits=Decimal("5") if number == 1 else Decimal("2.5"),
            duration_weeks=6,
            online_theory=number == 1,
            contact_workshops=None if number == 2 else 3,
        )
        CohortFactory(
            module=module,
            year=2024,
            starts_on=datetime.date(2024, 1 + number, 1),
            ends_on=datetime.date(2024, 2 + number, 1),
            capacity=2,
        )
        CohortFactory(module=module, year=2025, starts_on=None, ends_on=None, timing_fi="2025")
    return programme


def test_the_list_shows_modules_total_credits_and_counts_per_year(
    client, world, programme, read_page
):
    project = programme.project
    first_2024 = programme.modules.get(number=1).cohorts.get(year=2024)
    enrol(first_2024)
    enrol(first_2024, completed_on=datetime.date(2024, 3, 1))
    enrol(first_2024, status=Registration.Status.WAITING)
    enrol(first_2024, status=Registration.Status.CANCELLED)
    client.force_login(world.applicant)
    with translation.override("en"):
        page = read_page(reverse("trainings:list", args=[project.pk]))
    text = page.text
    assert "Digikoulutus" in text
    assert "The modules add up to 7.5 op." in text
    assert "Moduuli 1 5 6 yes 3" in text
    assert "Moduuli 2 2.5 6 – –" in text
    assert "Cohorts of “Digikoulutus” in 2024" in text
    assert "Cohorts of “Digikoulutus” in 2025" in text
    # module 1 in 2024: 2 enrolled of capacity 2, 1 waiting, 1 completed; the cancelled not counted
    assert "1. Moduuli 1 2.2.2024" not in text  # English dates on the English page
    assert "1 Feb 2024 – 1 Mar 2024 2 2 1 1" in text
    assert "1 Mar 2024 – 1 Apr 2024 0 2 0 0" in text
    assert "Total 2024 2 1 1" in text
    assert "no limit" in text


def test_the_finnish_list_uses_finnish_numbers(client, world, programme, read_page):
    client.force_login(world.applicant)
    with translation.override("fi"):
        page = read_page(reverse("trainings:list", args=[programme.project.pk]))
    assert "7,5 op" in page.text
    assert "1.2.2024 – 1.3.2024" in page.text


def test_a_project_without_trainings_says_so(client, world, read_page):
    project = ProjectFactory(implementer=world.applicant_org)
    client.force_login(world.applicant)
    with translation.override("en"):
        page = read_page(reverse("trainings:list", args=[project.pk]))
    assert "The project has no training programmes yet." in page.text


def test_a_cohort_open_for_enrolment_links_to_its_public_page(client, world, programme):
    open_cohort = programme.modules.get(number=1).cohorts.get(year=2025)
    open_cohort.registration_enabled = True
    open_cohort.save()
    closed = programme.modules.get(number=2).cohorts.get(year=2025)
    client.force_login(world.applicant)
    with translation.override("en"):
        body = client.get(reverse("trainings:list", args=[programme.project.pk])).content.decode()
        assert reverse("events:cohort", args=[open_cohort.pk]) in body
        assert reverse("events:cohort", args=[closed.pk]) not in body
