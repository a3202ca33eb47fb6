import pytest


@pytest.mark.django_db
def test_csrf_failure_is_a_translated_page_that_saves_nothing():
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post("/fi/login/", {"username": "x", "password": "y"})
    assert response.status_code == 403
    assert "Lomake" in response.content.decode() or "lomake" in response.content.decode()
