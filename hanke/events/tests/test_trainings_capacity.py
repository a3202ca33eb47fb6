"""Raising a cohort's capacity gives the new places to the waiting list, first come first served,
and tells the promoted people by e-mail; lowering it or editing other fields promotes nobody."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from hanke.events.models import Registration
from hanke.events.services import registration_create
from hanke.events.tests.factories import (
    CohortFactory,
    TrainingModuleFactory,
    TrainingProgrammeFactory,
)
from hanke.participants.tests.factories import start_data
from hanke.projects.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db

WAITING = Registration.Status.WAITING
CONFIRMED = Registration.Status.CONFIRMED


@pytest.fixture
def full_cohort(world):
    """Capacity 1: one confirmed, three on the waiting list (enrolled through the service)."""
    project = ProjectFactory(implementer=world.applicant_org, funding_authority=world.authority)
    cohort = CohortFactory(
        module=TrainingModuleFactory(programme=TrainingProgrammeFactory(project=project)),
        year=2030,
        starts_on="2030-01-14",
        ends_on="2030-02-24",
        capacity=1,
        registration_enabled=True,
    )
    for n in range(1, 5):
        registration_create(
            target=cohort, data=start_data(name=f"Henkilö {n}", email=f"h{n}@example.invalid")
        )
    return cohort


def edit(client, cohort, capacity):
    with translation.override("en"):
        url = reverse("trainings:cohort_edit", args=[cohort.module.programme.project.pk, cohort.pk])
    return client.post(
        url,
        {
            "year": "2030",
            "starts_on": "2030-01-14",
            "ends_on": "2030-02-24",
            "capacity": capacity,
            "registration_enabled": "on",
        },
        follow=True,
    )


def statuses(cohort):
    return [
        (r.participant.name, r.status)
        for r in Registration.objects.filter(cohort=cohort).order_by("pk")
    ]


def test_raising_the_capacity_promotes_the_first_in_the_queue(
    client, world, full_cohort, django_capture_on_commit_callbacks
):
    client.force_login(world.applicant)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = edit(client, full_cohort, "3")
    assert statuses(full_cohort) == [
        ("Henkilö 1", CONFIRMED),
        ("Henkilö 2", CONFIRMED),
        ("Henkilö 3", CONFIRMED),
        ("Henkilö 4", WAITING),
    ]
    assert "2 people were moved from the waiting list to confirmed places." in (
        response.content.decode()
    )
    assert sorted(m.to[0] for m in mail.outbox) == ["h2@example.invalid", "h3@example.invalid"]


def test_removing_the_limit_promotes_everybody(client, world, full_cohort):
    client.force_login(world.applicant)
    edit(client, full_cohort, "")
    assert all(status == CONFIRMED for _name, status in statuses(full_cohort))


def test_lowering_or_keeping_the_capacity_promotes_nobody(client, world, full_cohort):
    client.force_login(world.applicant)
    edit(client, full_cohort, "1")
    assert [s for _n, s in statuses(full_cohort)] == [CONFIRMED, WAITING, WAITING, WAITING]


def test_a_refused_edit_promotes_nobody(client, world, full_cohort):
    client.force_login(world.applicant)
    with translation.override("en"):
        url = reverse(
            "trainings:cohort_edit", args=[full_cohort.module.programme.project.pk, full_cohort.pk]
        )
    response = client.post(
        url, {"year": "2030", "starts_on": "2030-03-01", "ends_on": "2030-02-01", "capacity": "5"}
    )
    assert response.status_code == 200
    assert [s for _n, s in statuses(full_cohort)] == [CONFIRMED, WAITING, WAITING, WAITING]
    full_cohort.refresh_from_db()
    assert full_cohort.capacity == 1
