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


def officer_of(authority):
    user = user_with(roles.FUNDER_OFFICER)
    Membership.objects.create(user=user, organisation=authority.organisation)
    return user


@pytest.fixture
def organisation():
    return Organisation.objects.create(name_fi="Lapin kauppakamari")


@pytest.fixture
def authority():
    from hanke.programmes.models import FundingAuthority

    ely = Organisation.objects.create(name_fi="Lapin ELY-keskus")
    return FundingAuthority.objects.create(name_fi=ely.name_fi, kind="ely_centre", organisation=ely)


def test_every_state_has_a_label_and_every_transition_known_states():
    for transition in workflow.TRANSITIONS:
        assert transition.source in workflow.STATES and transition.target in workflow.STATES


def test_applicant_submits_and_officer_moves_to_assessment(organisation, authority):
    project = Project.objects.create(
        name_fi="Hakemus", implementer=organisation, funding_authority=authority
    )
    project = project_transition(
        user=applicant_of(organisation), project=project, target=workflow.SUBMITTED
    )
    assert project.status == workflow.SUBMITTED
    officer = officer_of(authority)
    project = project_transition(user=officer, project=project, target=workflow.IN_ASSESSMENT)
    assert project.status == workflow.IN_ASSESSMENT
    assert [(e.from_status, e.to_status) for e in project.timeline.all()] == [
        (workflow.DRAFT, workflow.SUBMITTED),
        (workflow.SUBMITTED, workflow.IN_ASSESSMENT),
    ]


def test_an_officer_of_another_authority_cannot_move_the_application(organisation, authority):
    from hanke.programmes.models import FundingAuthority

    other = Organisation.objects.create(name_fi="Lapin liitto")
    FundingAuthority.objects.create(
        name_fi="Lapin liitto", kind="regional_council", organisation=other
    )
    officer = user_with(roles.FUNDER_OFFICER)
    Membership.objects.create(user=officer, organisation=other)
    project = Project.objects.create(
        name_fi="Hakemus",
        implementer=organisation,
        funding_authority=authority,
        status=workflow.SUBMITTED,
    )
    with pytest.raises(PermissionDenied):
        project_transition(user=officer, project=project, target=workflow.IN_ASSESSMENT)
    project.refresh_from_db()
    assert project.status == workflow.SUBMITTED and not project.timeline.exists()


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
            user=user_with(roles.ADMINISTRATOR), project=project, target=workflow.ENDED
        )


def test_only_public_states_reach_the_public():
    Project.objects.create(name_fi="Luonnos", status=workflow.DRAFT, is_public=True)
    Project.objects.create(name_fi="Käynnissä", status=workflow.ONGOING, is_public=True)
    Project.objects.create(name_fi="Piilossa", status=workflow.ONGOING, is_public=False)
    assert [p.name_fi for p in Project.objects.public()] == ["Käynnissä"]
