"""Fixtures and helpers of the tests of the project staff's event pages (events_work). A test
module imports the fixtures it uses (`from .work_helpers import team_fixture`); the fixtures are
named without the suffix (`team`)."""

import datetime
from types import SimpleNamespace

import pytest
from django.utils import timezone

from hanke.accounts.models import Membership, Organisation
from hanke.accounts.tests.factories import UserFactory
from hanke.events.models import Registration
from hanke.events.tests.factories import EventFactory, RegistrationFactory
from hanke.participants.tests.factories import ParticipantFactory
from hanke.programmes.tests.factories import FundFactory
from hanke.projects.tests.factories import ProjectFactory, WorkPackageFactory


def aware(*args) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(*args))


@pytest.fixture(name="finnish", autouse=True)
def finnish_fixture():
    """reverse() and the pages in Finnish, whatever an earlier test left active."""
    from django.utils import translation

    with translation.override("fi"):
        yield


@pytest.fixture(name="team")
def team_fixture(world):
    """An ESF+ project of the applicant's organisation, funded by the officer's ELY centre, with
    one work package; staff of another organisation and an officer of another authority."""
    fund = FundFactory(
        code="ESF+",
        name_fi="Euroopan sosiaalirahasto plus",
        name_en="European Social Fund Plus",
        name_sv="Europeiska socialfonden plus",
    )
    project = ProjectFactory(
        name_fi="Tekoälystä kasvua verkkokauppaan",
        name_en="Growth from AI for e-commerce",
        code="S30355",
        implementer=world.applicant_org,
        funding_authority=world.authority,
        fund=fund,
    )
    other_org = Organisation.objects.create(name_fi="Toinen Oy")
    other_staff = UserFactory(username="toisen-hakija", roles=["applicant"])
    Membership.objects.create(user=other_staff, organisation=other_org)
    return SimpleNamespace(
        project=project,
        package=WorkPackageFactory(project=project, number=2, title_fi="Tapahtumat"),
        staff=world.applicant,
        officer=world.officer,
        outsider=world.outsider,
        other_staff=other_staff,
        other_officer=world.other_officer,
    )


@pytest.fixture(name="event")
def event_fixture(team):
    """A past webinar of the project: 5.3.2024 13.00–15.00, capacity 2."""
    return EventFactory(
        project=team.project,
        title_fi="Verkkokaupan tekoälytyökalut",
        title_en="AI tools for e-commerce",
        event_type="webinar",
        starts_at=aware(2024, 3, 5, 13, 0),
        ends_at=aware(2024, 3, 5, 15, 0),
        capacity=2,
    )


def register(event, status=Registration.Status.CONFIRMED, **participant):
    """A registration of a new participant of the event's project."""
    person = ParticipantFactory(project=event.project, **participant)
    return RegistrationFactory(
        participant=person,
        event=event,
        status=status,
        confirmed_at=timezone.now() if status == Registration.Status.CONFIRMED else None,
    )
