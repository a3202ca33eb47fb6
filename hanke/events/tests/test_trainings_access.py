"""Who sees the training pages: the project's staff see and edit, the funder's officers see but
cannot change anything, other signed-in users get the 403 page and anonymous users the login."""

import pytest
from django.urls import reverse
from django.utils import translation

from hanke.events.models import TrainingProgramme
from hanke.events.tests.factories import (
    CohortFactory,
    RegistrationFactory,
    TrainingModuleFactory,
    TrainingProgrammeFactory,
)
from hanke.participants.tests.factories import ParticipantFactory
from hanke.projects.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def finnish():
    with translation.override("fi"):
        yield


@pytest.fixture
def training(world):
    project = ProjectFactory(implementer=world.applicant_org, funding_authority=world.authority)
    programme = TrainingProgrammeFactory(project=project, name_fi="Verkkokauppakoulutus")
    module = TrainingModuleFactory(programme=programme, number=1, name_fi="Verkkokaupan perusteet")
    cohort = CohortFactory(module=module, year=2024)
    participant = ParticipantFactory(project=project, name="Outi Osallistuja")
    RegistrationFactory(participant=participant, event=None, cohort=cohort)
    return project, programme, module, cohort


def read_urls(training):
    project, programme, _module, cohort = training
    return [
        reverse("trainings:list", args=[project.pk]),
        reverse("trainings:cohort", args=[project.pk, cohort.pk]),
        reverse("trainings:small_groups", args=[project.pk, programme.pk]),
    ]


def edit_urls(training):
    project, programme, module, cohort = training
    return [
        reverse("trainings:programme_new", args=[project.pk]),
        reverse("trainings:programme_edit", args=[project.pk, programme.pk]),
        reverse("trainings:module_new", args=[project.pk, programme.pk]),
        reverse("trainings:module_edit", args=[project.pk, module.pk]),
        reverse("trainings:cohort_new", args=[project.pk, module.pk]),
        reverse("trainings:cohort_edit", args=[project.pk, cohort.pk]),
    ]


def test_anonymous_users_are_sent_to_the_login_page(client, training):
    for url in read_urls(training) + edit_urls(training):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/fi/login/?next=")


def test_an_outsider_gets_the_403_page_and_sees_no_names(client, world, training):
    client.force_login(world.outsider)
    for url in read_urls(training) + edit_urls(training):
        response = client.get(url)
        assert response.status_code == 403, url
        assert "Outi Osallistuja" not in response.content.decode()


def test_staff_of_another_organisation_gets_403(client, world, training):
    from hanke.accounts.models import Membership, Organisation
    from hanke.accounts.tests.factories import UserFactory

    stranger = UserFactory(username="toinen-hakija", roles=["applicant"])
    Membership.objects.create(user=stranger, organisation=Organisation.objects.create(name_fi="X"))
    client.force_login(stranger)
    for url in read_urls(training):
        assert client.get(url).status_code == 403, url


def test_project_staff_see_every_page_with_edit_links(client, world, training):
    project, programme, _module, _cohort = training
    client.force_login(world.applicant)
    for url in read_urls(training) + edit_urls(training):
        assert client.get(url).status_code == 200, url
    body = client.get(reverse("trainings:list", args=[project.pk])).content.decode()
    assert reverse("trainings:programme_edit", args=[project.pk, programme.pk]) in body
    assert reverse("trainings:programme_new", args=[project.pk]) in body


def test_an_officer_of_the_funder_reads_but_cannot_edit(client, world, training):
    project, programme, _module, cohort = training
    client.force_login(world.officer)
    for url in read_urls(training):
        response = client.get(url)
        assert response.status_code == 200, url
    body = client.get(reverse("trainings:cohort", args=[project.pk, cohort.pk])).content.decode()
    assert "Outi Osallistuja" in body
    assert reverse("trainings:cohort_edit", args=[project.pk, cohort.pk]) not in body
    for url in edit_urls(training):
        assert client.get(url).status_code == 403, url
    response = client.post(
        reverse("trainings:programme_edit", args=[project.pk, programme.pk]),
        {"name_fi": "Virkailijan nimi"},
    )
    assert response.status_code == 403
    assert TrainingProgramme.objects.get(pk=programme.pk).name_fi == "Verkkokauppakoulutus"


def test_an_officer_of_another_authority_gets_403(client, world, training):
    client.force_login(world.other_officer)
    for url in read_urls(training):
        assert client.get(url).status_code == 403, url


def test_objects_of_another_project_are_not_found(client, world, training):
    project, _programme, _module, _cohort = training
    other = CohortFactory()
    client.force_login(world.applicant)
    url = reverse("trainings:cohort", args=[project.pk, other.pk])
    assert client.get(url).status_code == 404
    url = reverse("trainings:small_groups", args=[project.pk, other.module.programme.pk])
    assert client.get(url).status_code == 404
