"""Erasing a person on request: the identifying data goes, the coded start data stays, so the
project's counts of participants and companies do not change; their seats at future events go
to the waiting list; afterwards the person shows as "(erased)", and erasing again is harmless."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from hanke.events.models import Registration
from hanke.events.tests.factories import CohortFactory, EventFactory, RegistrationFactory
from hanke.participants.models import AccessLog, Participant, company_key_for
from hanke.participants.services import participant_erase, participant_refresh_entry
from hanke.participants.tests.factories import ParticipantFactory
from hanke.projects.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def url(name, *args):
    with translation.override("en"):
        return reverse(f"participants:{name}", args=args)


@pytest.fixture
def project(world):
    return ProjectFactory(implementer=world.applicant_org, funding_authority=world.authority)


def counts(project):
    """What the progress figures count: people who entered, and distinct companies."""
    entered = Participant.objects.filter(project=project, entered_on__isnull=False)
    companies = entered.exclude(company_key="").values("company_key").distinct()
    return entered.count(), companies.count()


@pytest.fixture
def maija(project):
    """A company participant who attended a past event."""
    person = ParticipantFactory(
        project=project,
        name="Maija Meikäläinen",
        email="maija@example.fi",
        email_key="maija@example.fi",
        birth_year=1996,
        age_band="18_29",
        gender=Participant.Gender.WOMAN,
        labour_status=Participant.LabourStatus.EMPLOYED,
        education=Participant.Education.ISCED_3_4,
        company_name="Oulun Verkkokauppa Oy",
        business_id="0737510-4",
        company_key=company_key_for("0737510-4"),
    )
    registration = RegistrationFactory(participant=person)
    registration.attended = True
    registration.save()
    participant_refresh_entry(person)
    person.refresh_from_db()
    return person


def test_erasure_blanks_the_identity_and_keeps_the_coded_data(client, world, project, maija):
    colleague = ParticipantFactory(
        project=project, business_id="0737510-4", entered_on=datetime.date(2024, 3, 5)
    )
    ParticipantFactory(project=project, entered_on=datetime.date(2024, 4, 1))
    before = counts(project)
    assert before == (3, 1)
    entered_on = maija.entered_on

    client.force_login(world.applicant)
    response = client.post(url("erase", project.pk, maija.pk), {"reason": "Pyysi 3.2.2025"})
    assert response.status_code == 302
    assert response["Location"] == url("detail", project.pk, maija.pk)

    maija.refresh_from_db()
    assert (maija.name, maija.email, maija.email_key) == ("", "", "")
    assert maija.birth_year is None
    assert (maija.company_name, maija.business_id) == ("", "")
    assert maija.erased_at is not None
    assert maija.age_band == "18_29"
    assert maija.gender == Participant.Gender.WOMAN
    assert maija.labour_status == Participant.LabourStatus.EMPLOYED
    assert maija.education == Participant.Education.ISCED_3_4
    assert maija.company_key == company_key_for("0737510-4")
    assert maija.entered_on == entered_on
    assert maija.registrations.get().attended is True
    assert counts(project) == before
    colleague.refresh_from_db()
    assert colleague.erased_at is None


def test_a_second_company_stays_counted_after_its_only_participant_is_erased(project, maija):
    ParticipantFactory(project=project, entered_on=datetime.date(2024, 4, 1))
    before = counts(project)
    assert before == (2, 1)
    participant_erase(user=None, participant=maija, reason="Pyyntö")
    assert counts(project) == before


def test_the_person_shows_as_erased_in_the_list_and_on_their_page(client, world, project, maija):
    client.force_login(world.applicant)
    client.post(url("erase", project.pk, maija.pk), {"reason": "Pyyntö"})
    page = client.get(url("detail", project.pk, maija.pk)).content.decode()
    assert "(erased)" in page
    assert "Maija" not in page and "maija@example.fi" not in page
    assert "Oulun Verkkokauppa" not in page and "0737510-4" not in page
    listing = client.get(url("list", project.pk)).content.decode()
    assert "(erased)" in listing
    assert "Maija" not in listing


def test_the_confirmation_page_says_what_goes_and_what_stays(client, world, project, maija):
    client.force_login(world.officer)
    page = client.get(url("erase", project.pk, maija.pk)).content.decode()
    assert "What is erased" in page
    assert "What stays" in page
    assert "age band" in page
    assert "counts" in page
    maija.refresh_from_db()
    assert maija.erased_at is None


def test_a_reason_is_required(client, world, project, maija):
    client.force_login(world.applicant)
    for reason in ("", "   "):
        response = client.post(url("erase", project.pk, maija.pk), {"reason": reason})
        assert response.status_code == 200
        assert "Give the reason for the erasure." in response.content.decode()
        assert 'aria-invalid="true"' in response.content.decode()
    maija.refresh_from_db()
    assert maija.name == "Maija Meikäläinen"
    assert not AccessLog.objects.filter(action=AccessLog.Action.ERASE).exists()


def test_erasing_twice_is_harmless(client, world, project, maija):
    client.force_login(world.applicant)
    client.post(url("erase", project.pk, maija.pk), {"reason": "Pyyntö"})
    erased_at = Participant.objects.get(pk=maija.pk).erased_at
    response = client.post(url("erase", project.pk, maija.pk), {"reason": "Uudestaan"}, follow=True)
    assert response.status_code == 200
    assert "already been erased" in response.content.decode()
    assert Participant.objects.get(pk=maija.pk).erased_at == erased_at
    assert client.get(url("erase", project.pk, maija.pk)).status_code == 200
    participant_erase(user=world.applicant, participant=maija, reason="Kolmas kerta")
    assert AccessLog.objects.filter(action=AccessLog.Action.ERASE).count() == 1


def test_erasure_cancels_future_seats_and_promotes_the_waiting_list(project, maija):
    future = EventFactory(
        project=project, starts_at=timezone.now() + datetime.timedelta(days=14), capacity=1
    )
    seat = RegistrationFactory(participant=maija, event=future)
    next_in_line = RegistrationFactory(
        participant=ParticipantFactory(project=project),
        event=future,
        status=Registration.Status.WAITING,
        confirmed_at=None,
    )
    last_in_line = RegistrationFactory(
        participant=ParticipantFactory(project=project),
        event=future,
        status=Registration.Status.WAITING,
        confirmed_at=None,
    )
    past_seat = maija.registrations.get(event__starts_at__lt=timezone.now())

    participant_erase(user=None, participant=maija, reason="Pyyntö")

    seat.refresh_from_db()
    next_in_line.refresh_from_db()
    last_in_line.refresh_from_db()
    past_seat.refresh_from_db()
    assert seat.status == Registration.Status.CANCELLED
    assert next_in_line.status == Registration.Status.CONFIRMED
    assert last_in_line.status == Registration.Status.WAITING
    assert past_seat.status == Registration.Status.CONFIRMED
    assert past_seat.attended is True


def test_erasure_cancels_an_enrolment_in_a_cohort_not_yet_started(project):
    """A person whose only entry is a cohort starting next month never enters the project once
    erased: the cancelled enrolment takes the future entry date away."""
    person = ParticipantFactory(project=project)
    starts = timezone.localdate() + datetime.timedelta(days=30)
    cohort = CohortFactory(
        module__programme__project=project,
        year=starts.year,
        starts_on=starts,
        ends_on=starts + datetime.timedelta(days=42),
    )
    enrolment = RegistrationFactory(participant=person, event=None, cohort=cohort)
    participant_refresh_entry(person)
    person.refresh_from_db()
    assert person.entered_on == starts

    participant_erase(user=None, participant=person, reason="Pyyntö")

    enrolment.refresh_from_db()
    person.refresh_from_db()
    assert enrolment.status == Registration.Status.CANCELLED
    assert person.entered_on is None
    assert person.erased_at is not None


def test_erasure_removes_the_person_from_small_groups(project, maija):
    from hanke.events.models import SmallGroup
    from hanke.events.tests.factories import TrainingProgrammeFactory

    group = SmallGroup.objects.create(
        programme=TrainingProgrammeFactory(project=project), year=2024, name="Verkkokauppaklubi"
    )
    group.members.add(maija)
    participant_erase(user=None, participant=maija, reason="Pyyntö")
    assert not group.members.exists()
