"""Small groups of a programme (e.g. e-commerce clubs) per year: staff create them and add the
people enrolled in that year's cohorts of the programme; nobody from another year, another
programme or another project."""

import html

import pytest
from django.urls import reverse
from django.utils import translation

from hanke.events.models import Registration, SmallGroup
from hanke.events.tests.factories import (
    CohortFactory,
    RegistrationFactory,
    TrainingModuleFactory,
    TrainingProgrammeFactory,
)
from hanke.participants.models import AccessLog
from hanke.participants.tests.factories import ParticipantFactory
from hanke.projects.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting(world, client):
    client.force_login(world.applicant)
    project = ProjectFactory(implementer=world.applicant_org, funding_authority=world.authority)
    programme = TrainingProgrammeFactory(project=project)
    module = TrainingModuleFactory(programme=programme)
    cohort_2024 = CohortFactory(module=module, year=2024)
    cohort_2025 = CohortFactory(module=module, year=2025, starts_on=None, ends_on=None)

    def enrol(cohort, name, status=Registration.Status.CONFIRMED):
        person = ParticipantFactory(project=project, name=name)
        RegistrationFactory(participant=person, event=None, cohort=cohort, status=status)
        return person

    return {
        "project": project,
        "programme": programme,
        "aino": enrol(cohort_2024, "Aino 2024"),
        "bertta": enrol(cohort_2024, "Bertta 2024"),
        "waiting": enrol(cohort_2024, "Jonottaja 2024", Registration.Status.WAITING),
        "cecilia": enrol(cohort_2025, "Cecilia 2025"),
    }


def url(s):
    with translation.override("en"):
        return reverse("trainings:small_groups", args=[s["project"].pk, s["programme"].pk])


def test_a_group_is_created_and_an_enrolled_person_added_and_removed(client, setting, read_page):
    response = client.post(
        url(setting), {"action": "create", "year": "2024", "name": "Verkkokauppaklubi"}
    )
    assert response.status_code == 302
    group = SmallGroup.objects.get()
    assert (group.programme, group.year, group.name) == (
        setting["programme"],
        2024,
        "Verkkokauppaklubi",
    )
    client.post(
        url(setting), {"action": "add", "group": group.pk, "participant": setting["aino"].pk}
    )
    assert list(group.members.all()) == [setting["aino"]]
    page = read_page(url(setting))
    assert "Aino 2024 was added to the group “Verkkokauppaklubi”." in page.text
    client.post(
        url(setting), {"action": "remove", "group": group.pk, "participant": setting["aino"].pk}
    )
    assert not group.members.exists()


def test_the_choices_are_the_people_enrolled_that_year(client, setting, read_page):
    SmallGroup.objects.create(programme=setting["programme"], year=2024, name="Klubi")
    html = read_page(url(setting)).html
    section_2024 = html[html.index('id="year-2024"') : html.index('id="year-2025"')]
    assert "Aino 2024" in section_2024 and "Bertta 2024" in section_2024
    assert "Cecilia 2025" not in section_2024
    assert "Jonottaja 2024" not in section_2024


@pytest.mark.parametrize("who", ["cecilia", "waiting", "stranger", "other_project"])
def test_only_people_enrolled_that_year_can_be_added(client, setting, who):
    group = SmallGroup.objects.create(programme=setting["programme"], year=2024, name="Klubi")
    if who == "stranger":
        person = ParticipantFactory(project=setting["project"], name="Ei ilmoittautunut")
    elif who == "other_project":
        other = CohortFactory(year=2024)
        person = ParticipantFactory(project=other.module.programme.project, name="Muu hanke")
        RegistrationFactory(participant=person, event=None, cohort=other)
    else:
        person = setting[who]
    response = client.post(
        url(setting), {"action": "add", "group": group.pk, "participant": person.pk}
    )
    assert response.status_code == 400
    assert not group.members.exists()
    if who != "other_project":
        body = html.unescape(response.content.decode())
        assert "Only people enrolled in this programme's cohorts in 2024 can join" in body


@pytest.mark.parametrize(
    "data, message",
    [
        ({"name": ""}, "Give the group a name"),
        ({"name": "Klubi"}, "There is already a group called “Klubi” in 2024."),
        ({"name": "Uusi", "year": "2031"}, "The programme has no cohorts in that year."),
    ],
)
def test_group_rules_give_a_message(client, setting, data, message):
    SmallGroup.objects.create(programme=setting["programme"], year=2024, name="Klubi")
    response = client.post(url(setting), {"action": "create", "year": "2024", **data})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert SmallGroup.objects.count() == 1


def test_a_group_is_removed(client, setting):
    group = SmallGroup.objects.create(programme=setting["programme"], year=2024, name="Klubi")
    group.members.add(setting["aino"])
    client.post(url(setting), {"action": "delete", "group": group.pk})
    assert not SmallGroup.objects.exists()
    assert setting["aino"].registrations.exists()


def test_officers_see_the_groups_but_cannot_change_them(client, world, setting):
    group = SmallGroup.objects.create(programme=setting["programme"], year=2024, name="Klubi")
    client.force_login(world.officer)
    response = client.get(url(setting))
    assert response.status_code == 200
    assert 'name="action"' not in response.content.decode()
    response = client.post(
        url(setting), {"action": "add", "group": group.pk, "participant": setting["aino"].pk}
    )
    assert response.status_code == 403
    assert not group.members.exists()


def test_viewing_the_groups_is_logged(client, world, setting):
    client.get(url(setting))
    assert AccessLog.objects.filter(action=AccessLog.Action.LIST, user=world.applicant).count() == 1


def test_a_group_of_another_programme_is_not_found(client, setting):
    other = SmallGroup.objects.create(programme=TrainingProgrammeFactory(), year=2024, name="Muu")
    response = client.post(url(setting), {"action": "delete", "group": other.pk})
    assert response.status_code == 404
    assert SmallGroup.objects.filter(pk=other.pk).exists()
