"""Every page that shows personal data, every export and every erasure writes exactly one row to
the access log, naming the user, the action, the project and whose data it was."""

import pytest
from django.urls import reverse
from django.utils import translation

from hanke.events.tests.factories import RegistrationFactory
from hanke.participants.models import AccessLog
from hanke.participants.tests.factories import ParticipantFactory
from hanke.projects.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def url(name, *args, query=""):
    with translation.override("en"):
        return reverse(f"participants:{name}", args=args) + query


@pytest.fixture
def project(world):
    return ProjectFactory(implementer=world.applicant_org, funding_authority=world.authority)


@pytest.fixture
def person(project):
    participant = ParticipantFactory(project=project, name="Maija Meikäläinen")
    RegistrationFactory(participant=participant)
    return participant


def only_row():
    rows = list(AccessLog.objects.all())
    assert len(rows) == 1, [(r.action, r.detail) for r in rows]
    return rows[0]


def test_the_list_is_logged_once_with_the_query(client, world, project, person):
    client.force_login(world.officer)
    client.get(url("list", project.pk, query="?q=maija"))
    row = only_row()
    assert (row.action, row.user, row.project, row.participant) == (
        AccessLog.Action.LIST,
        world.officer,
        project,
        None,
    )
    assert row.detail == "q=maija"


def test_the_list_without_a_search_is_logged_once_too(client, world, project, person):
    client.force_login(world.applicant)
    client.get(url("list", project.pk))
    row = only_row()
    assert (row.action, row.user, row.detail) == (AccessLog.Action.LIST, world.applicant, "")


def test_a_later_page_of_the_list_names_the_page(client, world, project, settings):
    settings.HANKE_PAGE_SIZE = 2
    ParticipantFactory.create_batch(3, project=project)
    client.force_login(world.applicant)
    client.get(url("list", project.pk, query="?page=2"))
    assert only_row().detail == "page=2"


def test_a_persons_page_is_logged_once_as_a_view(client, world, project, person):
    client.force_login(world.applicant)
    client.get(url("detail", project.pk, person.pk))
    row = only_row()
    assert (row.action, row.user, row.project, row.participant) == (
        AccessLog.Action.VIEW,
        world.applicant,
        project,
        person,
    )


def test_an_export_is_logged_once(client, world, project, person):
    client.force_login(world.officer)
    assert client.get(url("export", project.pk, person.pk)).status_code == 200
    row = only_row()
    assert (row.action, row.user, row.participant) == (
        AccessLog.Action.EXPORT,
        world.officer,
        person,
    )


def test_an_erasure_is_logged_once_with_its_reason(client, world, project, person):
    client.force_login(world.applicant)
    client.post(url("erase", project.pk, person.pk), {"reason": "Pyysi sähköpostitse 3.2."})
    row = only_row()
    assert (row.action, row.user, row.participant) == (
        AccessLog.Action.ERASE,
        world.applicant,
        person,
    )
    assert row.detail == "Pyysi sähköpostitse 3.2."


def test_the_erasure_confirmation_shows_the_name_so_it_is_logged_as_a_view(
    client, world, project, person
):
    client.force_login(world.applicant)
    response = client.get(url("erase", project.pk, person.pk))
    assert "Maija Meikäläinen" in response.content.decode()
    row = only_row()
    assert (row.action, row.participant) == (AccessLog.Action.VIEW, person)


def test_erasing_again_writes_nothing_more(client, world, project, person):
    client.force_login(world.applicant)
    client.post(url("erase", project.pk, person.pk), {"reason": "Pyyntö"})
    client.post(url("erase", project.pk, person.pk), {"reason": "Pyyntö"})
    assert AccessLog.objects.filter(action=AccessLog.Action.ERASE).count() == 1
    assert AccessLog.objects.count() == 1


def test_the_access_log_page_lists_who_did_what_newest_first(client, world, project, person):
    first = AccessLog.objects.create(
        user=world.officer, action=AccessLog.Action.VIEW, project=project, participant=person
    )
    second = AccessLog.objects.create(
        user=world.applicant, action=AccessLog.Action.EXPORT, project=project, participant=person
    )
    client.force_login(world.applicant)
    response = client.get(url("access_log", project.pk))
    assert [e.pk for e in response.context["page"].object_list] == [second.pk, first.pk]
    html = response.content.decode()
    assert html.index("Exported a person&#x27;s data") < html.index("Viewed a person&#x27;s data")
    assert "Maija Meikäläinen" in html
    assert "hakija" in html and "virkailija" in html
    # Reading the log names people, so it is logged too: it shows on the next read.
    newest = AccessLog.objects.first()
    assert (newest.action, newest.user, newest.detail) == (
        AccessLog.Action.LIST,
        world.applicant,
        "access log",
    )
    assert AccessLog.objects.count() == 3


def test_the_access_log_shows_only_this_projects_rows(client, world, project, person):
    other = ParticipantFactory(project=ProjectFactory(), name="Toisen Hankkeen Henkilö")
    AccessLog.objects.create(
        user=world.officer, action=AccessLog.Action.VIEW, project=other.project, participant=other
    )
    client.force_login(world.applicant)
    html = client.get(url("access_log", project.pk)).content.decode()
    assert "Toisen Hankkeen Henkilö" not in html


def test_the_access_log_is_paged(client, world, project, settings):
    settings.HANKE_PAGE_SIZE = 5
    for _ in range(7):
        AccessLog.objects.create(user=world.officer, action=AccessLog.Action.LIST, project=project)
    client.force_login(world.applicant)
    response = client.get(url("access_log", project.pk))
    assert len(response.context["page"].object_list) == 5
    assert response.context["page"].paginator.num_pages == 2
    assert "page=2" in response.content.decode()
