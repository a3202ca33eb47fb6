"""Attendance certificates (PDF): for an attended seat at an event and for a completed training
module, in the active language, read back with pypdf. Refused for people who did not attend or
complete, or whose data has been erased; each printed certificate is logged."""

import datetime
import io
import re
from decimal import Decimal

import pypdf
import pytest
from django.urls import reverse
from django.utils import translation

from hanke.events.certificates import (
    CertificateRefused,
    event_certificate_pdf,
    training_certificate_pdf,
)
from hanke.events.models import Registration
from hanke.events.tests.factories import (
    CohortFactory,
    EventFactory,
    TrainingModuleFactory,
    TrainingProgrammeFactory,
)
from hanke.participants.models import AccessLog
from hanke.participants.services import participant_erase
from hanke.participants.tests.factories import ParticipantFactory

from .work_helpers import event_fixture, finnish_fixture, register, team_fixture  # noqa: F401

pytestmark = pytest.mark.django_db


def pdf_text(content: bytes) -> str:
    assert content.startswith(b"%PDF-")
    text = pypdf.PdfReader(io.BytesIO(content)).pages[0].extract_text()
    return re.sub(r"\s+", " ", text.replace("\u00a0", " "))


@pytest.fixture
def attended(event):
    seat = register(event, name="Aino Äijälä")
    seat.attended = True
    seat.save()
    return seat


@pytest.fixture
def completed(team):
    programme = TrainingProgrammeFactory(
        project=team.project, name_fi="Tekoäly ja verkkokauppa 30 op", name_en="AI and e-commerce"
    )
    module = TrainingModuleFactory(
        programme=programme,
        number=1,
        name_fi="Verkkokaupan perusteet",
        name_en="E-commerce basics",
        credits=Decimal("5"),
        duration_weeks=6,
    )
    cohort = CohortFactory(
        module=module,
        year=2024,
        starts_on=datetime.date(2024, 1, 15),
        ends_on=datetime.date(2024, 2, 25),
    )
    person = ParticipantFactory(project=team.project, name="Ville Väänänen")
    return Registration.objects.create(
        cohort=cohort,
        participant=person,
        status=Registration.Status.CONFIRMED,
        completed_on=datetime.date(2024, 2, 28),
    )


# --- Attendance at an event ---------------------------------------------------------------------


def test_the_event_certificate_names_the_person_the_event_and_the_date(attended):
    with translation.override("en"):
        text = pdf_text(event_certificate_pdf(attended))
    assert "Certificate of attendance" in text
    assert "Aino Äijälä" in text
    assert "AI tools for e-commerce" in text  # the English title
    assert "Webinar" in text
    assert "5 Mar 2024" in text and "13:00–15:00" in text
    assert "2 h" in text
    assert "Oulun ammattikorkeakoulu Oy" in text  # the organiser, the project's implementer
    assert "Growth from AI for e-commerce" in text and "S30355" in text
    assert "Co-funded by the European Union" in text
    assert "European Social Fund Plus" in text
    assert "Pohjois-Pohjanmaan ELY-keskus" in text.replace("- ", "-")  # may wrap at the hyphen


def test_the_finnish_certificate_has_finnish_dates_and_texts(attended):
    with translation.override("fi"):
        text = pdf_text(event_certificate_pdf(attended))
    assert "Aino Äijälä" in text
    assert "Verkkokaupan tekoälytyökalut" in text
    assert "5.3.2024 klo 13.00–15.00" in text
    assert "Tekoälystä kasvua verkkokauppaan" in text
    assert "Euroopan sosiaalirahasto plus" in text


def test_the_place_of_an_event_on_site(team):
    from hanke.core.models import Municipality, Region

    oulu = Municipality.objects.create(
        code="564", name_fi="Oulu", region=Region.objects.create(code="17", name_fi="P-P")
    )
    event = EventFactory(
        project=team.project, title_fi="Työpaja", is_online=False, municipality=oulu, venue="Sali 1"
    )
    seat = register(event, name="Paula Paikalla")
    seat.attended = True
    seat.save()
    with translation.override("fi"):
        text = pdf_text(event_certificate_pdf(seat))
    assert "Oulu, Sali 1" in text


@pytest.mark.parametrize("status", ["confirmed", "waiting", "cancelled"])
def test_no_certificate_without_attendance(event, status):
    seat = register(event, status)
    with translation.override("en"), pytest.raises(CertificateRefused) as refused:
        event_certificate_pdf(seat)
    assert "attended the event" in refused.value.message


def test_no_certificate_for_an_erased_person(team, attended):
    participant_erase(user=team.staff, participant=attended.participant)
    attended.refresh_from_db()
    with translation.override("en"), pytest.raises(CertificateRefused) as refused:
        event_certificate_pdf(attended)
    assert "erased" in refused.value.message


def test_staff_download_the_certificate_and_it_is_logged(client, team, event, attended):
    client.force_login(team.staff)
    with translation.override("sv"):
        url = reverse("events_work:certificate", args=[team.project.pk, event.pk, attended.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    text = pdf_text(response.content)
    assert "Aino Äijälä" in text and "5.3.2024 kl. 13.00–15.00" in text
    log = AccessLog.objects.get()
    assert log.action == AccessLog.Action.CERTIFICATE
    assert log.participant == attended.participant
    assert log.user == team.staff


def test_the_page_refuses_a_certificate_for_someone_who_did_not_attend(client, team, event):
    seat = register(event, name="Olli Poissa")
    client.force_login(team.staff)
    with translation.override("en"):
        url = reverse("events_work:certificate", args=[team.project.pk, event.pk, seat.pk])
    response = client.get(url)
    assert response.status_code == 409
    assert response["Content-Type"].startswith("text/html")
    assert "A certificate is given only to a person marked as having attended the event." in (
        response.content.decode()
    )
    assert not AccessLog.objects.exists()


def test_a_registration_of_another_event_is_not_found(client, team, event, attended):
    other = EventFactory(project=team.project)
    client.force_login(team.staff)
    url = reverse("events_work:certificate", args=[team.project.pk, other.pk, attended.pk])
    assert client.get(url).status_code == 404


# --- A completed training module ----------------------------------------------------------------


def test_the_training_certificate_names_the_module_credits_weeks_and_dates(completed):
    with translation.override("en"):
        text = pdf_text(training_certificate_pdf(completed))
    assert "Training certificate" in text
    assert "Ville Väänänen" in text
    assert "E-commerce basics" in text and "AI and e-commerce" in text
    assert "5 op (ECTS credits)" in text
    assert "6 weeks" in text
    assert "15 Jan 2024–25 Feb 2024" in text
    assert "28 Feb 2024" in text  # completed on
    assert "Oulun ammattikorkeakoulu Oy" in text and "S30355" in text
    assert "Co-funded by the European Union" in text


def test_the_finnish_training_certificate(completed):
    with translation.override("fi"):
        text = pdf_text(training_certificate_pdf(completed))
    assert "Ville Väänänen" in text and "Verkkokaupan perusteet" in text
    assert "15.1.2024–25.2.2024" in text and "28.2.2024" in text


def test_half_credits_keep_their_decimal(completed):
    module = completed.cohort.module
    module.credits = Decimal("2.5")
    module.save()
    with translation.override("fi"):
        assert "2,5 op" in pdf_text(training_certificate_pdf(completed))


def test_no_training_certificate_before_completion(completed):
    completed.completed_on = None
    completed.save()
    with translation.override("en"), pytest.raises(CertificateRefused) as refused:
        training_certificate_pdf(completed)
    assert "completed the training module" in refused.value.message


def test_an_event_seat_is_not_a_training_and_the_other_way_round(attended, completed):
    with pytest.raises(CertificateRefused):
        training_certificate_pdf(attended)
    with pytest.raises(CertificateRefused):
        event_certificate_pdf(completed)
