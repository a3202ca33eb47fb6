import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError

from hanke.accounts import roles
from hanke.accounts.models import Membership, Organisation, User
from hanke.projects import workflow
from hanke.projects.models import Project
from hanke.projects.services import project_transition

pytestmark = pytest.mark.django_db


def user_with(role):
    user = User.objects.create_user(username=f"u-{role}-{User.objects.count()}", password="x")
    user.groups.add(Group.objects.get(name=role))
    return user


def applicant_of(organisation):
    user = user_with(roles.APPLICANT)
    Membership.objects.create(user=user, organisation=organisation)
    return user


@pytest.fixture
def organisation():
    return Organisation.objects.create(name_fi="Lapin kauppakamari")


def test_every_state_has_a_label_and_every_transition_known_states():
    for transition in workflow.TRANSITIONS:
        assert transition.source in workflow.STATES and transition.target in workflow.STATES


def test_applicant_submits_and_officer_moves_to_assessment(organisation):
    project = Project.objects.create(name_fi="Hakemus", implementer=organisation)
    project = project_transition(
        user=applicant_of(organisation), project=project, target=workflow.SUBMITTED
    )
    assert project.status == workflow.SUBMITTED
    officer = user_with(roles.FUNDER_OFFICER)
    project = project_transition(user=officer, project=project, target=workflow.IN_ASSESSMENT)
    assert project.status == workflow.IN_ASSESSMENT


def test_an_applicant_cannot_submit_another_organisations_application(organisation):
    theirs = Organisation.objects.create(name_fi="Heidän ry")
    project = Project.objects.create(name_fi="Hakemus", implementer=theirs)
    with pytest.raises(PermissionDenied):
        project_transition(
            user=applicant_of(organisation), project=project, target=workflow.SUBMITTED
        )
    project.refresh_from_db()
    assert project.status == workflow.DRAFT


def test_an_applicant_cannot_approve_their_own_application(organisation):
    project = Project.objects.create(
        name_fi="Hakemus", status=workflow.IN_ASSESSMENT, implementer=organisation
    )
    with pytest.raises(PermissionDenied):
        project_transition(
            user=applicant_of(organisation), project=project, target=workflow.APPROVED
        )
    project.refresh_from_db()
    assert project.status == workflow.IN_ASSESSMENT


def test_a_transition_the_workflow_does_not_have_is_refused():
    project = Project.objects.create(name_fi="Hakemus")
    with pytest.raises(ValidationError):
        project_transition(
            user=user_with(roles.FUNDER_OFFICER), project=project, target=workflow.ENDED
        )


def test_only_public_states_reach_the_public():
    Project.objects.create(name_fi="Luonnos", status=workflow.DRAFT, is_public=True)
    Project.objects.create(name_fi="Käynnissä", status=workflow.ONGOING, is_public=True)
    Project.objects.create(name_fi="Piilossa", status=workflow.ONGOING, is_public=False)
    assert [p.name_fi for p in Project.objects.public()] == ["Käynnissä"]
