"""The subject access export: one person's data as a JSON file that parses, in UTF-8 with the
letters as they are, with the registrations and the consent the person gave."""

import json

import pytest
from django.urls import reverse
from django.utils import translation

from hanke.events.models import Registration
from hanke.events.tests.factories import CohortFactory, EventFactory, RegistrationFactory
from hanke.participants.tests.factories import ParticipantFactory
from hanke.projects.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def project(world):
    return ProjectFactory(implementer=world.applicant_org, funding_authority=world.authority)


@pytest.fixture
def person(project):
    person = ParticipantFactory(
        project=project,
        name="Äijälä Öystilä",
        email="aijala@example.fi",
        consent_text="Suostun, että tietojani käsitellään.",
        birth_year=1971,
        company_name="Pohjolan Kauppa Oy",
        business_id="0737510-4",
    )
    RegistrationFactory(
        participant=person, event=EventFactory(project=project, title_fi="Verkkokaupan webinaari")
    )
    RegistrationFactory(
        participant=person,
        event=None,
        cohort=CohortFactory(module__programme__project=project, module__name_fi="Tekoäly"),
        status=Registration.Status.WAITING,
        confirmed_at=None,
    )
    return person


def export(client, project, person):
    with translation.override("en"):
        return client.get(reverse("participants:export", args=[project.pk, person.pk]))


def test_the_export_is_a_json_download_that_parses(client, world, project, person):
    client.force_login(world.officer)
    response = export(client, project, person)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="participant-{person.pk}.json"'
    raw = response.content.decode("utf-8")
    assert "Äijälä Öystilä" in raw  # not \u escapes
    data = json.loads(raw)
    assert data["name"] == "Äijälä Öystilä"
    assert data["email"] == "aijala@example.fi"
    assert data["birth_year"] == 1971
    assert data["business_id"] == "0737510-4"
    assert data["consent_text"] == "Suostun, että tietojani käsitellään."
    assert data["consent_given"]


def test_the_export_contains_the_registrations(client, world, project, person):
    client.force_login(world.applicant)
    data = json.loads(export(client, project, person).content)
    targets = sorted(r["event_or_training"] for r in data["registrations"])
    assert targets == ["Tekoäly 2024", "Verkkokaupan webinaari"]
    statuses = {r["event_or_training"]: r["status"] for r in data["registrations"]}
    assert statuses == {
        "Verkkokaupan webinaari": "Confirmed",
        "Tekoäly 2024": "On the waiting list",
    }


def test_an_erased_persons_export_has_no_identity(client, world, project, person):
    from hanke.participants.services import participant_erase

    participant_erase(user=world.applicant, participant=person, reason="Pyyntö")
    client.force_login(world.applicant)
    data = json.loads(export(client, project, person).content)
    assert (data["name"], data["email"], data["birth_year"]) == ("", "", None)
    assert data["erased"]
    assert len(data["registrations"]) == 2
