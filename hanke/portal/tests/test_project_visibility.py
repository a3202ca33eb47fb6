"""Who sees a project page: the public sees published projects only; unpublished ones are 404."""

import pytest

from hanke.accounts.tests.factories import UserFactory
from hanke.projects import workflow
from hanke.projects.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "hidden",
    [
        {"is_public": False},
        {"status": workflow.DRAFT},
        {"status": workflow.SUBMITTED},
        {"status": workflow.REJECTED},
    ],
)
def test_unpublished_project_is_not_found_for_anonymous_visitors(client, hidden):
    project = ProjectFactory(name_fi="Salainen hanke", **hidden)
    response = client.get(f"/fi/projects/{project.pk}/")
    assert response.status_code == 404
    assert "Salainen hanke" not in response.content.decode()


def test_unpublished_project_is_not_found_for_users_without_staff_rights(client, personas):
    project = ProjectFactory(is_public=False)
    for user in (personas.outsider, personas.applicant, personas.assessor):
        client.force_login(user)
        assert client.get(f"/fi/projects/{project.pk}/").status_code == 404


def test_the_applicant_s_staff_may_preview_their_unpublished_project(client):
    from hanke.accounts import roles
    from hanke.accounts.models import Membership

    project = ProjectFactory(name_fi="Esikatselu", is_public=False)
    staff = UserFactory(roles=[roles.APPLICANT])
    Membership.objects.create(user=staff, organisation=project.implementer)
    client.force_login(staff)
    response = client.get(f"/fi/projects/{project.pk}/")
    assert response.status_code == 200
    assert "Esikatselu" in response.content.decode()


def test_a_staff_user_who_does_not_handle_the_project_may_not_preview_it(client):
    project = ProjectFactory(name_fi="Esikatselu", is_public=False)
    client.force_login(UserFactory(is_staff=True))
    assert client.get(f"/fi/projects/{project.pk}/").status_code == 404


def test_published_project_is_visible_to_everyone(client):
    project = ProjectFactory(status=workflow.IN_ASSESSMENT)
    assert client.get(f"/fi/projects/{project.pk}/").status_code == 200


@pytest.mark.parametrize("pk", [0, 999999, 99999999999999999999])
def test_unknown_project_is_not_found(client, pk):
    assert client.get(f"/fi/projects/{pk}/").status_code == 404


def test_project_page_reads_in_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    from hanke.events.tests.factories import EventFactory, EventSpeakerFactory
    from hanke.finance.tests.factories import BudgetFactory
    from hanke.projects.tests.factories import (
        ActivityFactory,
        DeliverableFactory,
        TargetGroupFactory,
        WorkPackageFactory,
    )

    project = ProjectFactory()
    BudgetFactory(project=project)
    for _ in range(3):
        wp = WorkPackageFactory(project=project)
        ActivityFactory(work_package=wp)
        DeliverableFactory(project=project, work_package=wp)
        EventSpeakerFactory(event=EventFactory(project=project))
        group = TargetGroupFactory(project=project)
        TargetGroupFactory(project=project, part_of=group)
    ProjectFactory(name_fi=project.name_fi + " jatko", summary_fi=project.summary_fi)
    # 25 for the page itself, 5 for the similar projects (the index, their texts)
    with django_assert_max_num_queries(30):
        assert client.get(f"/fi/projects/{project.pk}/").status_code == 200
