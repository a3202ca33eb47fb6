"""Who may open the project staff's event pages. Anonymous users go to the login page; outsiders,
the staff of other organisations and the officers of other authorities get the 403 page. The
project's staff may do everything; the funding authority's officer may see the events, the
registrations and the check-in list, but not edit, mark attendance, cancel or print
certificates."""

import pytest
from django.urls import reverse

from hanke.events.models import Event, Registration
from hanke.participants.models import AccessLog

from .work_helpers import event_fixture, finnish_fixture, register, team_fixture  # noqa: F401

pytestmark = pytest.mark.django_db

# Pages and who may see them: "both" staff and officer, "staff" only the project's staff.
PAGES = [
    ("list", "both"),
    ("new", "staff"),
    ("edit", "staff"),
    ("registrations", "both"),
    ("check_in", "both"),
    ("check_in_pdf", "both"),
    ("attendance", "staff"),
    ("certificate", "staff"),
]


@pytest.fixture
def seat(event):
    seat = register(event, name="Aino Äijälä")
    seat.attended = True
    seat.save()
    return seat


def page_url(name, event, seat):
    project = event.project_id
    if name in ("list", "new"):
        return reverse(f"events_work:{name}", args=[project])
    if name == "certificate":
        return reverse("events_work:certificate", args=[project, event.pk, seat.pk])
    return reverse(f"events_work:{name}", args=[project, event.pk])


def cancel_url(event, seat):
    return reverse("events_work:registration_cancel", args=[event.project_id, event.pk, seat.pk])


@pytest.mark.parametrize(("name", "_who"), PAGES)
def test_anonymous_users_are_sent_to_the_login_page(client, event, seat, name, _who):
    url = page_url(name, event, seat)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/fi/login/?next=")
    assert not AccessLog.objects.exists()


def test_anonymous_users_cannot_cancel(client, event, seat):
    response = client.post(cancel_url(event, seat))
    assert response.status_code == 302
    assert response["Location"].startswith("/fi/login/")
    seat.refresh_from_db()
    assert seat.status == Registration.Status.CONFIRMED


@pytest.mark.parametrize("stranger", ["outsider", "other_staff", "other_officer", "assessor"])
@pytest.mark.parametrize(("name", "_who"), PAGES)
def test_strangers_get_the_403_page(client, team, world, event, seat, stranger, name, _who):
    user = world.assessor if stranger == "assessor" else getattr(team, stranger)
    client.force_login(user)
    response = client.get(page_url(name, event, seat))
    assert response.status_code == 403
    assert "Ei käyttöoikeutta" in response.content.decode()
    assert not AccessLog.objects.exists()


@pytest.mark.parametrize("stranger", ["outsider", "other_staff", "other_officer"])
def test_strangers_change_nothing(client, team, event, seat, stranger):
    client.force_login(getattr(team, stranger))
    assert client.post(cancel_url(event, seat)).status_code == 403
    edit = reverse("events_work:edit", args=[event.project_id, event.pk])
    assert client.post(edit, {"event_type": "webinar", "title_fi": "Kaapattu"}).status_code == 403
    new = reverse("events_work:new", args=[event.project_id])
    assert client.post(new, {"event_type": "webinar", "title_fi": "Uusi"}).status_code == 403
    attendance = reverse("events_work:attendance", args=[event.project_id, event.pk])
    assert client.post(attendance, {}).status_code == 403
    seat.refresh_from_db()
    assert seat.status == Registration.Status.CONFIRMED and seat.attended
    assert list(Event.objects.values_list("title_fi", flat=True)) == [
        "Verkkokaupan tekoälytyökalut"
    ]


@pytest.mark.parametrize(("name", "_who"), PAGES)
def test_the_project_staff_open_every_page(client, team, event, seat, name, _who):
    client.force_login(team.staff)
    assert client.get(page_url(name, event, seat)).status_code == 200


@pytest.mark.parametrize(("name", "who"), PAGES)
def test_the_officer_sees_but_does_not_manage(client, team, event, seat, name, who):
    client.force_login(team.officer)
    response = client.get(page_url(name, event, seat))
    assert response.status_code == (200 if who == "both" else 403)


def test_a_superuser_may_manage(client, team, event, seat):
    from hanke.accounts.tests.factories import UserFactory

    admin = UserFactory(username="paakayttaja", is_superuser=True, is_staff=True)
    client.force_login(admin)
    for name, _who in PAGES:
        assert client.get(page_url(name, event, seat)).status_code == 200, name


def test_a_missing_project_or_event_is_not_found(client, team, event):
    client.force_login(team.staff)
    assert client.get(reverse("events_work:list", args=[999999])).status_code == 404
    missing = reverse("events_work:edit", args=[event.project_id, 999999])
    assert client.get(missing).status_code == 404
