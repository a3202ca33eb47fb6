"""Who may open the participants' personal data pages: the project's own staff and the officers
of its funding authority. An officer of another authority and a signed-in outsider get the 403
page, anonymous visitors the login page; nobody without the right leaves a trace in the data."""

import pytest
from django.urls import reverse
from django.utils import translation

from hanke.events.tests.factories import RegistrationFactory
from hanke.participants.models import AccessLog, Participant
from hanke.participants.tests.factories import ParticipantFactory
from hanke.projects.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db

PAGES = ["list", "detail", "export", "erase", "access_log"]


def url(name, *args):
    with translation.override("en"):
        return reverse(f"participants:{name}", args=args)


@pytest.fixture
def project(world):
    return ProjectFactory(implementer=world.applicant_org, funding_authority=world.authority)


@pytest.fixture
def person(project):
    participant = ParticipantFactory(project=project, name="Maija Meikäläinen")
    RegistrationFactory(participant=participant)
    return participant


def page_url(page, project, person):
    if page in ("list", "access_log"):
        return url(page, project.pk)
    return url(page, project.pk, person.pk)


def user_of(world, who):
    return {
        "staff": world.applicant,
        "officer": world.officer,
        "other_officer": world.other_officer,
        "outsider": world.outsider,
    }[who]


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("who", ["staff", "officer"])
def test_the_projects_staff_and_its_officer_open_every_page(
    client, world, project, person, page, who
):
    client.force_login(user_of(world, who))
    assert client.get(page_url(page, project, person)).status_code == 200


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("who", ["other_officer", "outsider"])
def test_others_get_the_403_page_and_nothing_is_logged(client, world, project, person, page, who):
    client.force_login(user_of(world, who))
    response = client.get(page_url(page, project, person))
    assert response.status_code == 403
    assert "Maija" not in response.content.decode()
    assert not AccessLog.objects.exists()


@pytest.mark.parametrize("page", PAGES)
def test_anonymous_visitors_go_to_the_login_page(client, project, person, page):
    response = client.get(page_url(page, project, person))
    assert response.status_code == 302
    assert response["Location"].startswith("/en/login/?next=")
    assert not AccessLog.objects.exists()


def test_a_superuser_opens_the_pages(client, project, person):
    from hanke.accounts.tests.factories import UserFactory

    admin = UserFactory(username="paakayttaja", is_superuser=True, is_staff=True)
    client.force_login(admin)
    for page in PAGES:
        assert client.get(page_url(page, project, person)).status_code == 200, page


@pytest.mark.parametrize("who", ["other_officer", "outsider"])
def test_others_cannot_erase(client, world, project, person, who):
    client.force_login(user_of(world, who))
    response = client.post(url("erase", project.pk, person.pk), {"reason": "Pyyntö"})
    assert response.status_code == 403
    person.refresh_from_db()
    assert person.name == "Maija Meikäläinen"
    assert person.erased_at is None


def test_anonymous_post_erases_nothing(client, project, person):
    response = client.post(url("erase", project.pk, person.pk), {"reason": "Pyyntö"})
    assert response.status_code == 302
    assert Participant.objects.get(pk=person.pk).erased_at is None


def test_a_person_of_another_project_is_not_found_through_this_one(client, world, project):
    stranger = ParticipantFactory(project=ProjectFactory(), name="Toinen Henkilö")
    client.force_login(world.applicant)
    for page in ("detail", "export", "erase"):
        assert client.get(url(page, project.pk, stranger.pk)).status_code == 404, page
    assert not AccessLog.objects.filter(participant=stranger).exists()


def test_an_unknown_project_is_404_not_500(client, world):
    client.force_login(world.officer)
    assert client.get(url("list", 999999)).status_code == 404


def test_pages_with_personal_data_are_not_cached(client, world, project, person):
    client.force_login(world.applicant)
    for page in PAGES:
        response = client.get(page_url(page, project, person))
        assert "no-store" in response["Cache-Control"], page
