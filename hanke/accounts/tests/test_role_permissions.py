import pytest

from hanke.accounts import roles
from hanke.accounts.models import User

pytestmark = pytest.mark.django_db


def member_of(role, staff=True):
    user = User.objects.create_user(username=f"u-{role}", password="x", is_staff=staff)
    user.groups.add(
        *__import__("django.contrib.auth.models", fromlist=["Group"]).Group.objects.filter(
            name=role
        )
    )
    return user


def test_every_role_group_exists_after_migrate():
    from django.contrib.auth.models import Group

    assert set(Group.objects.values_list("name", flat=True)) >= set(roles.ROLES)


def test_funder_officer_can_work_in_the_admin_but_not_delete(client):
    officer = member_of(roles.FUNDER_OFFICER)
    assert officer.has_perm("projects.change_project")
    assert officer.has_perm("finance.add_budget")
    assert not officer.has_perm("projects.delete_project")
    assert not officer.has_perm("accounts.change_user")
    client.force_login(officer)
    assert client.get("/fi/admin/projects/project/").status_code == 200
    assert client.get("/fi/admin/accounts/user/").status_code == 403


def test_applicant_has_no_admin_rights():
    applicant = member_of(roles.APPLICANT)
    assert not applicant.has_perm("projects.view_project")


def test_assessor_may_score_but_not_edit_projects():
    assessor = member_of(roles.ASSESSOR)
    assert assessor.has_perm("assessment.change_assessment")
    assert not assessor.has_perm("projects.change_project")
