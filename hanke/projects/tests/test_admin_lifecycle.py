"""In the admin the status is not typed: it moves through the lifecycle's transitions."""

import pytest
from django.contrib.auth.models import Group

from hanke.accounts import roles
from hanke.accounts.models import User
from hanke.projects import workflow
from hanke.projects.models import Project

pytestmark = pytest.mark.django_db
CHANGELIST = "/fi/admin/projects/project/"


@pytest.fixture
def authority():
    from hanke.accounts.models import Organisation
    from hanke.programmes.models import FundingAuthority

    ely = Organisation.objects.create(name_fi="Lapin ELY-keskus")
    return FundingAuthority.objects.create(name_fi=ely.name_fi, kind="ely_centre", organisation=ely)


@pytest.fixture
def officer_client(client, authority):
    from hanke.accounts.models import Membership

    officer = User.objects.create_user(username="virkailija", password="x", is_staff=True)
    officer.groups.add(Group.objects.get(name=roles.FUNDER_OFFICER))
    Membership.objects.create(user=officer, organisation=authority.organisation)
    client.force_login(officer)
    return client


def test_status_is_read_only_on_the_change_form(officer_client):
    project = Project.objects.create(name_fi="Hakemus", status=workflow.IN_ASSESSMENT)
    response = officer_client.get(f"{CHANGELIST}{project.pk}/change/")
    assert response.status_code == 200
    assert "status" not in response.context["adminform"].form.fields


def test_officer_approves_through_an_action(officer_client, authority):
    project = Project.objects.create(
        name_fi="Hakemus", status=workflow.IN_ASSESSMENT, funding_authority=authority
    )
    response = officer_client.post(
        CHANGELIST, {"action": "move_to_approved", "_selected_action": [project.pk]}, follow=True
    )
    assert response.status_code == 200
    project.refresh_from_db()
    assert project.status == workflow.APPROVED


def test_a_transition_the_lifecycle_lacks_is_reported_and_changes_nothing(officer_client):
    project = Project.objects.create(name_fi="Luonnos", status=workflow.DRAFT)
    response = officer_client.post(
        CHANGELIST, {"action": "move_to_ended", "_selected_action": [project.pk]}, follow=True
    )
    assert any(message.level_tag == "error" for message in response.context["messages"])
    project.refresh_from_db()
    assert project.status == workflow.DRAFT
