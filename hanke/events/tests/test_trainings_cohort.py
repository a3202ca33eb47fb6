"""A cohort's page: the confirmed enrolments, the waiting list in its order and the cancelled
ones; every view is logged; staff mark completion, and a completed enrolment gets a training
certificate whose print is logged too."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from hanke.events.models import Registration
from hanke.events.tests.factories import (
    CohortFactory,
    RegistrationFactory,
    TrainingModuleFactory,
    TrainingProgrammeFactory,
)
from hanke.participants.models import AccessLog
from hanke.participants.tests.factories import ParticipantFactory
from hanke.projects.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def cohort(world):
    project = ProjectFactory(implementer=world.applicant_org, funding_authority=world.authority)
    module = TrainingModuleFactory(
        programme=TrainingProgrammeFactory(project=project), name_fi="Verkkokaupan perusteet"
    )
    return CohortFactory(
        module=module,
        year=2024,
        starts_on=datetime.date(2024, 1, 15),
        ends_on=datetime.date(2024, 2, 25),
        capacity=2,
    )


def enrol(cohort, name, status=Registration.Status.CONFIRMED, **extra):
    participant = ParticipantFactory(project=cohort.module.programme.project, name=name)
    return RegistrationFactory(
        participant=participant, event=None, cohort=cohort, status=status, **extra
    )


def page_url(cohort):
    with translation.override("en"):
        return reverse("trainings:cohort", args=[cohort.module.programme.project.pk, cohort.pk])


def test_enrolments_are_listed_by_status_with_the_queue_in_order(client, world, cohort, read_page):
    enrol(cohort, "Aino Vahvistettu")
    enrol(cohort, "Bertta Vahvistettu")
    enrol(cohort, "Cecilia Jonossa", Registration.Status.WAITING)
    enrol(cohort, "Aatu Jonossa", Registration.Status.WAITING)  # later, though first by name
    enrol(cohort, "Peruttu Pekka", Registration.Status.CANCELLED, cancelled_at=timezone.now())
    client.force_login(world.applicant)
    text = read_page(page_url(cohort)).text
    confirmed = text.index("Confirmed enrolments")
    waiting = text.index("The waiting list in order")
    cancelled = text.index("Cancelled enrolments")
    assert confirmed < text.index("Aino Vahvistettu") < text.index("Bertta Vahvistettu") < waiting
    assert waiting < text.index("1 Cecilia Jonossa") < text.index("2 Aatu Jonossa") < cancelled
    assert cancelled < text.index("Peruttu Pekka")
    assert "0 places left" in text


def test_every_view_of_the_enrolments_is_logged(client, world, cohort):
    enrol(cohort, "Aino Vahvistettu")
    for user in (world.applicant, world.officer):
        client.force_login(user)
        assert client.get(page_url(cohort)).status_code == 200
    logs = AccessLog.objects.filter(action=AccessLog.Action.LIST).order_by("pk")
    assert [log.user for log in logs] == [world.applicant, world.officer]
    assert all(log.project == cohort.module.programme.project for log in logs)


def test_an_outsider_sees_nothing_and_nothing_is_logged(client, world, cohort):
    enrol(cohort, "Aino Vahvistettu")
    client.force_login(world.outsider)
    assert client.get(page_url(cohort)).status_code == 403
    assert not AccessLog.objects.exists()


def test_staff_mark_a_completion_and_can_remove_it(client, world, cohort, read_page):
    registration = enrol(cohort, "Aino Vahvistettu")
    client.force_login(world.applicant)
    response = client.post(
        page_url(cohort), {"registration": registration.pk, "completed_on": "2024-02-25"}
    )
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.completed_on == datetime.date(2024, 2, 25)
    page = read_page(page_url(cohort))
    assert "Aino Vahvistettu has completed the module." in page.text
    certificate = reverse(
        "trainings:certificate",
        args=[cohort.module.programme.project.pk, cohort.pk, registration.pk],
    )
    assert certificate.removeprefix("/fi") in page.html
    client.post(page_url(cohort), {"registration": registration.pk, "clear": "on"})
    registration.refresh_from_db()
    assert registration.completed_on is None


def test_a_completion_before_the_start_is_refused(client, world, cohort):
    registration = enrol(cohort, "Aino Vahvistettu")
    client.force_login(world.applicant)
    response = client.post(
        page_url(cohort), {"registration": registration.pk, "completed_on": "2024-01-01"}
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert "A module cannot be completed before its cohort starts." in body
    assert f'aria-describedby="completed-{registration.pk}-error"' in body
    registration.refresh_from_db()
    assert registration.completed_on is None


@pytest.mark.parametrize(
    "data, message",
    [
        ({"completed_on": ""}, "Give the date the module was completed."),
        ({"completed_on": "25.2.2024x"}, "Enter the date as day, month and year."),
    ],
)
def test_a_missing_or_bad_date_is_refused(client, world, cohort, data, message):
    registration = enrol(cohort, "Aino Vahvistettu")
    client.force_login(world.applicant)
    response = client.post(page_url(cohort), {"registration": registration.pk, **data})
    assert response.status_code == 400
    assert message in response.content.decode()
    registration.refresh_from_db()
    assert registration.completed_on is None


def test_a_waiting_enrolment_cannot_be_completed(client, world, cohort):
    registration = enrol(cohort, "Cecilia Jonossa", Registration.Status.WAITING)
    client.force_login(world.applicant)
    response = client.post(
        page_url(cohort), {"registration": registration.pk, "completed_on": "2024-02-25"}
    )
    assert response.status_code == 400
    assert "Only a confirmed enrolment" in response.content.decode()


def test_an_enrolment_of_another_cohort_is_not_found(client, world, cohort):
    other = CohortFactory()
    registration = RegistrationFactory(
        participant=ParticipantFactory(project=other.module.programme.project),
        event=None,
        cohort=other,
    )
    client.force_login(world.applicant)
    response = client.post(
        page_url(cohort), {"registration": registration.pk, "completed_on": "2024-02-25"}
    )
    assert response.status_code == 404
    registration.refresh_from_db()
    assert registration.completed_on is None


def test_an_officer_cannot_mark_completion(client, world, cohort):
    registration = enrol(cohort, "Aino Vahvistettu")
    client.force_login(world.officer)
    response = client.post(
        page_url(cohort), {"registration": registration.pk, "completed_on": "2024-02-25"}
    )
    assert response.status_code == 403
    registration.refresh_from_db()
    assert registration.completed_on is None


def test_the_certificate_is_a_pdf_and_its_print_is_logged(client, world, cohort):
    registration = enrol(cohort, "Aino Vahvistettu", completed_on=datetime.date(2024, 2, 25))
    client.force_login(world.applicant)
    url = reverse(
        "trainings:certificate",
        args=[cohort.module.programme.project.pk, cohort.pk, registration.pk],
    )
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    log = AccessLog.objects.get(action=AccessLog.Action.CERTIFICATE)
    assert (log.user, log.participant) == (world.applicant, registration.participant)


def test_no_certificate_before_completion(client, world, cohort):
    registration = enrol(cohort, "Aino Vahvistettu")
    client.force_login(world.applicant)
    url = reverse(
        "trainings:certificate",
        args=[cohort.module.programme.project.pk, cohort.pk, registration.pk],
    )
    assert client.get(url).status_code == 404
    assert not AccessLog.objects.filter(action=AccessLog.Action.CERTIFICATE).exists()


def test_only_the_staff_print_certificates(client, world, cohort):
    registration = enrol(cohort, "Aino Vahvistettu", completed_on=datetime.date(2024, 2, 25))
    url = reverse(
        "trainings:certificate",
        args=[cohort.module.programme.project.pk, cohort.pk, registration.pk],
    )
    client.force_login(world.officer)
    assert client.get(url).status_code == 403
    assert url.removeprefix("/fi") not in client.get(page_url(cohort)).content.decode()
    assert not AccessLog.objects.filter(action=AccessLog.Action.CERTIFICATE).exists()


def test_a_completion_in_the_future_is_refused(client, world, cohort):
    import datetime

    from django.utils import timezone

    registration = enrol(cohort, "Aino Vahvistettu")
    client.force_login(world.applicant)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = client.post(
        page_url(cohort), {"registration": registration.pk, "completed_on": tomorrow.isoformat()}
    )
    assert response.status_code == 400
    assert "A completion date cannot be in the future." in response.content.decode()
    registration.refresh_from_db()
    assert registration.completed_on is None
