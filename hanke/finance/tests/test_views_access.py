"""The finance pages are behind login: anonymous users go to the login page, users without
rights get a translated 403 page, project staff and officers see what they may."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def finnish():
    """reverse() and the pages in Finnish, whatever an earlier test left active."""
    from django.utils import translation

    with translation.override("fi"):
        yield


def urls(project):
    return [
        reverse("finance:overview", args=[project.pk]),
        reverse("finance:budget", args=[project.pk]),
        reverse("finance:costs", args=[project.pk]),
        reverse("finance:staff", args=[project.pk]),
        reverse("finance:claims", args=[project.pk]),
    ]


def test_anonymous_users_are_sent_to_the_login_page(client, running_project):
    for url in urls(running_project) + [reverse("finance:cost_add", args=[running_project.pk])]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/fi/login/?next=")


def test_an_outsider_gets_a_clear_403_page(client, personas, running_project):
    client.force_login(personas.outsider)
    for url in urls(running_project):
        response = client.get(url)
        assert response.status_code == 403
        assert "Ei käyttöoikeutta" in response.content.decode()


def test_an_applicant_of_another_organisation_gets_403(client, personas, running_project):
    from hanke.accounts.tests.factories import UserFactory

    stranger = UserFactory(username="toinen-hakija", roles=["applicant"])
    client.force_login(stranger)
    assert client.get(reverse("finance:overview", args=[running_project.pk])).status_code == 403
    response = client.post(
        reverse("finance:claims", args=[running_project.pk]),
        {"period_start": "2024-01-01", "period_end": "2024-06-30"},
    )
    assert response.status_code == 403
    assert not running_project.payment_claims.exists()


def test_project_staff_and_officer_see_the_pages(client, personas, running_project):
    for user in (personas.applicant, personas.officer):
        client.force_login(user)
        for url in urls(running_project):
            assert client.get(url).status_code == 200, url


def test_only_project_staff_may_add_costs(client, personas, running_project):
    client.force_login(personas.officer)
    url = reverse("finance:cost_add", args=[running_project.pk])
    assert client.get(url).status_code == 403
    client.force_login(personas.applicant)
    assert client.get(url).status_code == 200


def test_staff_page_adds_a_member_and_shows_the_hourly_rate(client, personas, running_project):
    client.force_login(personas.applicant)
    url = reverse("finance:staff", args=[running_project.pk])
    response = client.post(
        url,
        {
            "name": "Kouluttaja",
            "title": "Lehtori",
            "method": "hourly",
            "annual_salary": "51 600",
            "on_cost_percent": "0",
        },
    )
    assert response.status_code == 302
    html = client.get(url).content.decode().replace("\u00a0", " ")
    assert "Kouluttaja" in html
    assert "30 €" in html  # 51 600 € ÷ 1 720 h
    client.force_login(personas.officer)
    response = client.post(url, {"name": "X", "method": "salary", "on_cost_percent": "0"})
    assert response.status_code == 403
    assert running_project.staff.count() == 1


def test_unknown_project_is_404_not_500(client, personas):
    client.force_login(personas.officer)
    assert client.get(reverse("finance:overview", args=[999999])).status_code == 404
