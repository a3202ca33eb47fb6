"""`manage.py purge_personal_data` erases exactly the people whose retention period has ended:
counted from the project's end, or for a project without an end date from the person's latest
registration. It logs one PURGE row per person, counts without erasing on --dry-run, and running
it again changes nothing."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from hanke.events.models import Registration
from hanke.events.tests.factories import RegistrationFactory
from hanke.participants.models import AccessLog, Participant
from hanke.participants.tests.factories import ParticipantFactory
from hanke.projects.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db

DAYS = 365


def ago(days):
    return timezone.localdate() - datetime.timedelta(days=days)


def registered(person, days_ago):
    registration = RegistrationFactory(participant=person)
    Registration.objects.filter(pk=registration.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=days_ago)
    )
    return registration


@pytest.fixture
def people():
    ended_long_ago = ProjectFactory(end_date=ago(DAYS + 30))
    ended_recently = ProjectFactory(end_date=ago(DAYS - 30))
    open_ended = ProjectFactory(end_date=None)
    expired = [
        ParticipantFactory(project=ended_long_ago),
        ParticipantFactory(project=ended_long_ago),
        ParticipantFactory(project=open_ended),
    ]
    registered(expired[2], DAYS + 10)
    kept = [
        ParticipantFactory(project=ended_recently),
        ParticipantFactory(project=open_ended),
    ]
    registered(kept[1], DAYS + 10)
    registered(kept[1], DAYS - 10)  # registered again within the period
    return expired, kept


def purge(*args) -> str:
    out = StringIO()
    call_command("purge_personal_data", *args, stdout=out)
    return out.getvalue()


@override_settings(PARTICIPANT_DATA_RETENTION_DAYS=DAYS)
def test_it_erases_exactly_those_past_the_retention_period(people):
    expired, kept = people
    output = purge()
    assert "3 participant(s)" in output
    assert "365 days" in output
    for person in expired:
        person.refresh_from_db()
        assert person.erased_at is not None
        assert person.name == "" and person.email == ""
    for person in kept:
        person.refresh_from_db()
        assert person.erased_at is None
        assert person.name


@override_settings(PARTICIPANT_DATA_RETENTION_DAYS=DAYS)
def test_each_erasure_is_logged_as_a_purge_by_the_system(people):
    expired, _kept = people
    purge()
    rows = AccessLog.objects.filter(action=AccessLog.Action.PURGE)
    assert sorted(row.participant_id for row in rows) == sorted(p.pk for p in expired)
    assert all(row.user is None for row in rows)
    assert all(row.project_id == row.participant.project_id for row in rows)
    assert all("365" in row.detail for row in rows)
    assert not AccessLog.objects.exclude(action=AccessLog.Action.PURGE).exists()


@override_settings(PARTICIPANT_DATA_RETENTION_DAYS=DAYS)
def test_dry_run_only_counts(people):
    output = purge("--dry-run")
    assert "3 participant(s)" in output
    assert "would be erased" in output
    assert not Participant.objects.filter(erased_at__isnull=False).exists()
    assert not AccessLog.objects.exists()


@override_settings(PARTICIPANT_DATA_RETENTION_DAYS=DAYS)
def test_running_it_again_changes_nothing(people):
    purge()
    erased = dict(Participant.objects.values_list("pk", "erased_at"))
    log_rows = AccessLog.objects.count()
    output = purge()
    assert "0 participant(s)" in output
    assert dict(Participant.objects.values_list("pk", "erased_at")) == erased
    assert AccessLog.objects.count() == log_rows


@override_settings(PARTICIPANT_DATA_RETENTION_DAYS=DAYS)
def test_a_longer_retention_period_keeps_them(people):
    with override_settings(PARTICIPANT_DATA_RETENTION_DAYS=DAYS + 60):
        assert "0 participant(s)" in purge()
    assert not Participant.objects.filter(erased_at__isnull=False).exists()


@override_settings(PARTICIPANT_DATA_RETENTION_DAYS=DAYS)
def test_someone_without_any_registration_left_is_counted_from_when_they_registered():
    """In a project without an end date, a person whose registrations are gone (the event was
    deleted) is counted from the day their record was made, not kept for ever."""
    open_ended = ProjectFactory(end_date=None)
    old = ParticipantFactory(project=open_ended)
    new = ParticipantFactory(project=open_ended)
    Participant.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=DAYS + 5)
    )
    purge()
    old.refresh_from_db()
    new.refresh_from_db()
    assert old.erased_at is not None
    assert new.erased_at is None


@override_settings(PARTICIPANT_DATA_RETENTION_DAYS=DAYS)
def test_the_purge_keeps_the_counts(people):
    expired, _kept = people
    project = expired[0].project
    Participant.objects.filter(project=project).update(entered_on=datetime.date(2022, 5, 1))
    before = Participant.objects.filter(project=project, entered_on__isnull=False).count()
    purge()
    assert Participant.objects.filter(project=project, entered_on__isnull=False).count() == before
