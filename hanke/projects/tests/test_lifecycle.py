import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError

from hanke.accounts import roles
from hanke.accounts.models import User
from hanke.projects import workflow
from hanke.projects.models import Project
from hanke.projects.services import project_transition

pytestmark = pytest.mark.django_db


def user_with(role):
    user = User.objects.create_user(username=f"u-{role}", password="x")
    user.groups.add(Group.objects.get(name=role))
    return user


def test_every_state_has_a_label_and_every_transition_known_states():
    for transition in workflow.TRANSITIONS:
        assert transition.source in workflow.STATES and transition.target in workflow.STATES


def test_applicant_submits_and_officer_moves_to_assessment():
    project = Project.objects.create(name_fi="Hakemus")
    project = project_transition(
        user=user_with(roles.APPLICANT), project=project, target=workflow.SUBMITTED
    )
    assert project.status == workflow.SUBMITTED
    project = project_transition(
        user=user_with(roles.FUNDER_OFFICER), project=project, target=workflow.IN_ASSESSMENT
    )
    assert project.status == workflow.IN_ASSESSMENT


def test_an_applicant_cannot_approve_their_own_application():
    project = Project.objects.create(name_fi="Hakemus", status=workflow.IN_ASSESSMENT)
    with pytest.raises(PermissionDenied):
        project_transition(
            user=user_with(roles.APPLICANT), project=project, target=workflow.APPROVED
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
