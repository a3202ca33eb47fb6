"""The administration site shows the access log read-only to superusers, and has no pages for
participants: those would show personal data without logging it."""

import pytest
from django.contrib import admin
from django.urls import reverse
from django.utils import translation

from hanke.participants.models import AccessLog, Participant
from hanke.participants.tests.factories import ParticipantFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser():
    from hanke.accounts.tests.factories import UserFactory

    return UserFactory(username="paakayttaja", is_superuser=True, is_staff=True)


@pytest.fixture
def entry(world):
    person = ParticipantFactory(name="Maija Meikäläinen")
    return AccessLog.objects.create(
        user=world.officer,
        action=AccessLog.Action.VIEW,
        project=person.project,
        participant=person,
        detail="testi",
    )


def admin_url(name, *args):
    with translation.override("en"):
        return reverse(f"admin:{name}", args=args)


def test_participants_have_no_admin_pages():
    assert not admin.site.is_registered(Participant)


def test_a_superuser_reads_the_log_without_names(client, superuser, entry):
    client.force_login(superuser)
    response = client.get(admin_url("participants_accesslog_changelist"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "testi" in html
    assert f"participant no. {entry.participant_id}" in html
    assert "Maija" not in html
    detail = client.get(admin_url("participants_accesslog_change", entry.pk))
    assert detail.status_code == 200
    assert "Maija" not in detail.content.decode()


def test_nobody_adds_changes_or_deletes_log_entries(client, superuser, entry):
    client.force_login(superuser)
    assert client.get(admin_url("participants_accesslog_add")).status_code == 403
    response = client.post(
        admin_url("participants_accesslog_change", entry.pk), {"detail": "muutettu"}
    )
    assert response.status_code == 403
    assert client.get(admin_url("participants_accesslog_delete", entry.pk)).status_code == 403
    entry.refresh_from_db()
    assert entry.detail == "testi"
    assert AccessLog.objects.count() == 1


def test_staff_users_who_are_not_superusers_do_not_see_the_log(client, world, entry):
    from django.contrib.auth.models import Permission

    world.officer.is_staff = True
    world.officer.save()
    world.officer.user_permissions.add(
        Permission.objects.get(codename="view_accesslog", content_type__app_label="participants")
    )
    client.force_login(world.officer)
    assert client.get(admin_url("participants_accesslog_changelist")).status_code == 403
