"""Signing in: the login page, a wrong password, and "my projects"."""

import pytest
from django.urls import reverse

from hanke.accounts.models import Membership, Organisation
from hanke.projects.models import Project

pytestmark = pytest.mark.django_db


def test_the_login_page_has_labelled_fields_and_logs_in(client, personas):
    response = client.get("/fi/login/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<label for="id_username">' in html and '<label for="id_password">' in html
    response = client.post("/fi/login/", {"username": "hakija", "password": "salasana-123"})
    assert response.status_code == 302
    assert response["Location"] == "/fi/my/projects/"


def test_a_wrong_password_gives_a_message(client, personas):
    response = client.post("/en/login/", {"username": "hakija", "password": "väärä"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "error-summary" in html
    assert "correct" in html  # Django's "Please enter a correct username and password"
    assert "_auth_user_id" not in client.session


def test_my_projects_lists_only_own_projects(client, personas):
    own = Organisation.objects.create(name_fi="Oma")
    other = Organisation.objects.create(name_fi="Muu")
    Membership.objects.create(user=personas.applicant, organisation=own)
    Project.objects.create(name_fi="Oma hanke", implementer=own)
    Project.objects.create(name_fi="Vieras hanke", implementer=other)
    client.force_login(personas.applicant)
    html = client.get(reverse("accounts:my_projects")).content.decode()
    assert "Oma hanke" in html
    assert "Vieras hanke" not in html
    client.force_login(personas.outsider)
    html = client.get(reverse("accounts:my_projects")).content.decode()
    assert "Oma hanke" not in html


def test_my_projects_needs_login_and_logout_is_a_post(client, personas):
    response = client.get("/fi/my/projects/")
    assert response.status_code == 302 and "/fi/login/" in response["Location"]
    client.force_login(personas.applicant)
    html = client.get("/fi/my/projects/").content.decode()
    assert 'action="/fi/logout/"' in html
    assert client.post("/fi/logout/").status_code == 302
    assert "_auth_user_id" not in client.session
