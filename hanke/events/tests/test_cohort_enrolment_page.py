"""A training cohort's public page (module, credits, weeks, how it is studied, dates, programme,
project) and enrolment through the same form and services as events."""

import datetime

import pytest
from django.utils import timezone

from hanke.events.models import Registration
from hanke.events.tests.factories import CohortFactory, TrainingModuleFactory
from hanke.participants.models import Participant
from hanke.projects.tests.factories import ProjectFactory, WorkPackageFactory

pytestmark = pytest.mark.django_db


def form_data(**overrides):
    data = {
        "name": "Maija Meikäläinen",
        "email": "maija@example.fi",
        "labour_status": "employed",
        "birth_year": "1990",
        "gender": "woman",
        "education": "isced_5_8",
        "consent": "on",
    }
    data.update(overrides)
    return data


@pytest.fixture
def cohort():
    project = ProjectFactory(name_fi="Tekoälystä kasvua verkkokauppaan")
    module = TrainingModuleFactory(
        programme__project=project,
        programme__name_fi="Tekoäly ja verkkokauppa 30 op",
        programme__work_package=WorkPackageFactory(project=project, number=1, title_fi="Koulutus"),
        number=1,
        name_fi="Verkkokaupan perusteet",
        name_en="E-commerce basics",
        credits=5,
        duration_weeks=6,
        online_theory=True,
        contact_workshops=2,
    )
    TrainingModuleFactory(programme=module.programme, number=2, name_fi="Tekoäly markkinoinnissa")
    start = timezone.localdate() + datetime.timedelta(days=30)
    return CohortFactory(
        module=module,
        year=start.year,
        starts_on=start,
        ends_on=start + datetime.timedelta(weeks=6),
        registration_enabled=True,
        capacity=1,
    )


def test_cohort_page_describes_the_module(read_page, cohort):
    page = read_page(f"/en/trainings/cohorts/{cohort.pk}/")
    text = page.text
    assert "E-commerce basics" in page.html.split("<h1", 1)[1].split("</h1>", 1)[0]
    assert "Module 1" in text
    assert "Credits 5 op (ECTS)" in text
    assert "Duration 6 weeks" in text
    assert "Theory online" in text and "2 contact workshops" in text
    assert f'datetime="{cohort.starts_on.isoformat()}"' in page.html
    assert "Tekoäly ja verkkokauppa 30 op" in text
    assert "Work package 1: Koulutus" in text
    assert "Tekoälystä kasvua verkkokauppaan" in text
    assert f'href="/en/projects/{cohort.module.programme.project.pk}/"' in page.html
    assert "Tekoäly markkinoinnissa" in text  # the programme's other module
    assert f'href="/en/trainings/cohorts/{cohort.pk}/register/"' in page.html
    assert f'href="/en/trainings/cohorts/{cohort.pk}/cohort.ics"' in page.html
    assert "Seats 1 of 1 left" in text


def test_half_credits_keep_their_decimal(read_page):
    cohort = CohortFactory(module__credits="2.5")
    assert "2,5 op" in read_page(f"/fi/trainings/cohorts/{cohort.pk}/").text
    assert "2.5 op" in read_page(f"/en/trainings/cohorts/{cohort.pk}/").text


def test_cohort_known_only_by_a_rough_timing(read_page):
    cohort = CohortFactory(starts_on=None, ends_on=None, timing_fi="Kevät 2026", year=2026)
    page = read_page(f"/en/trainings/cohorts/{cohort.pk}/")
    assert '<span lang="fi">Kevät 2026</span>' in page.html
    assert "cohort.ics" not in page.html


def test_enrolment_through_the_form_then_the_waiting_list(
    client, cohort, mailoutbox, django_capture_on_commit_callbacks
):
    url = f"/en/trainings/cohorts/{cohort.pk}/register/"
    form = client.get(url).content.decode()
    assert "Enrol in the training" in form
    assert 'name="consent"' in form
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(url, form_data()).content.decode()
    assert "Registration confirmed" in first
    registration = Registration.objects.get()
    assert registration.cohort == cohort and registration.event is None
    assert registration.status == Registration.Status.CONFIRMED
    participant = Participant.objects.get()
    assert participant.project == cohort.module.programme.project
    assert participant.entered_on == cohort.starts_on  # enrolment enters the project
    (mail,) = mailoutbox
    assert "E-commerce basics" in mail.subject
    with django_capture_on_commit_callbacks(execute=True):
        second = client.post(url, form_data(email="toinen@example.fi")).content.decode()
    assert "You are on the waiting list" in second
    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(url, form_data(email="MAIJA@example.fi")).content.decode()
    assert "You are already registered" in again
    assert Registration.objects.filter(cohort=cohort).count() == 2


def test_form_errors_store_nothing(client, cohort):
    response = client.post(
        f"/en/trainings/cohorts/{cohort.pk}/register/",
        form_data(on_behalf_of_company="on", company_name="Oy", business_id="123"),
    )
    assert response.status_code == 200
    assert "is not a valid business ID" in response.content.decode()
    assert Registration.objects.count() == 0 and Participant.objects.count() == 0


def test_enrolment_closes_when_the_cohort_has_ended(client):
    ended = CohortFactory(
        starts_on=timezone.localdate() - datetime.timedelta(days=60),
        ends_on=timezone.localdate() - datetime.timedelta(days=1),
        registration_enabled=True,
    )
    page = client.get(f"/en/trainings/cohorts/{ended.pk}/register/").content.decode()
    assert "Registration has closed." in page
    assert 'name="consent"' not in page


def test_cohorts_of_unpublished_projects_are_not_public(client):
    hidden = CohortFactory(module__programme__project=ProjectFactory(is_public=False))
    for url in (
        f"/en/trainings/cohorts/{hidden.pk}/",
        f"/en/trainings/cohorts/{hidden.pk}/register/",
        "/en/trainings/cohorts/999999/",
    ):
        assert client.get(url).status_code == 404


def test_project_page_lists_the_cohorts(read_page, cohort):
    page = read_page(f"/en/projects/{cohort.module.programme.project.pk}/")
    assert "Trainings" in page.text
    assert f'href="/en/trainings/cohorts/{cohort.pk}/"' in page.html
    assert "E-commerce basics" in page.text
