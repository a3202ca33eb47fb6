"""Who may open which of a project's work pages (events, trainings, participants, outputs,
progress) and the public event pages (issue 4).

Every URL of the `events`, `events_work`, `trainings`, `participants` and `indicators`
namespaces, and the project's output pages in `projects`, is taken from the URL resolver and
requested as each role: anonymous, an outsider, the project's staff, another organisation's
staff, the officer of the project's funding authority and another authority's officer. The outcome
must be the one in MATRIX; a page added without a row fails the test.

The rule behind the rows: everyone may use the public event pages; the project's staff and its
authority's officer may read the work pages (every read of personal data is logged); only the
staff run the project (create and edit events, trainings and outputs, mark attendance and
completion, print certificates). Each request runs in a savepoint that is rolled back."""

import datetime
from types import SimpleNamespace

import pytest
from django.urls import get_resolver
from django.utils import timezone

from hanke.accounts import roles
from hanke.accounts.models import Membership, Organisation
from hanke.accounts.tests.factories import UserFactory
from hanke.core.tests.permission_matrix import (
    FORBIDDEN,
    LOGIN,
    OK,
    Row,
    matrix_failures,
    url_names,
    walk,
)
from hanke.events.models import Registration
from hanke.events.services import registration_token
from hanke.events.tests.factories import (
    CohortFactory,
    EventFactory,
    RegistrationFactory,
    TrainingModuleFactory,
    TrainingProgrammeFactory,
)
from hanke.participants.tests.factories import ParticipantFactory
from hanke.projects.models import Publication
from hanke.projects.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "outsider", "staff", "other_staff", "officer", "other_officer"]
SIGNED_IN = [r for r in ROLES if r != "anonymous"]

NAMESPACES = ("events", "events_work", "trainings", "participants", "indicators")
PROJECT_PAGES = (
    "projects:publications",
    "projects:publication_new",
    "projects:publication_edit",
    "projects:publication_delete",
)


def allowed(*ok_roles) -> dict:
    return {"anonymous": LOGIN, **{r: OK if r in ok_roles else FORBIDDEN for r in SIGNED_IN}}


EVERYONE = {r: OK for r in ROLES}
READERS = allowed("staff", "officer")
STAFF = allowed("staff")


def project(s):
    return {"pk": s.project.pk}


def event(s):
    return {"pk": s.project.pk, "event_pk": s.event.pk}


def cohort(s):
    return {"pk": s.project.pk, "cohort_pk": s.cohort.pk}


def programme(s):
    return {"pk": s.project.pk, "programme_pk": s.programme.pk}


def module(s):
    return {"pk": s.project.pk, "module_pk": s.module.pk}


def participant(s):
    return {"pk": s.project.pk, "participant_pk": s.participant.pk}


def publication(s):
    return {"pk": s.project.pk, "publication_pk": s.publication.pk}


MATRIX = {
    # --- public ------------------------------------------------------------------------------
    "events:calendar": Row(lambda s: {}, EVERYONE),
    "events:calendar_ics": Row(lambda s: {}, EVERYONE),
    "events:event": Row(lambda s: {"pk": s.upcoming.pk}, EVERYONE),
    "events:event_ics": Row(lambda s: {"pk": s.upcoming.pk}, EVERYONE),
    "events:register": Row(lambda s: {"pk": s.upcoming.pk}, EVERYONE),
    "events:registration_cancel": Row(lambda s: {"token": s.token}, EVERYONE),
    "events:project_ics": Row(project, EVERYONE),
    "events:cohort": Row(lambda s: {"pk": s.cohort.pk}, EVERYONE),
    "events:cohort_ics": Row(lambda s: {"pk": s.cohort.pk}, EVERYONE),
    "events:cohort_register": Row(lambda s: {"pk": s.cohort.pk}, EVERYONE),
    # --- events (staff side) -------------------------------------------------------------------
    "events_work:list": Row(project, READERS),
    "events_work:new": Row(project, STAFF),
    "events_work:edit": Row(event, STAFF),
    "events_work:registrations": Row(event, READERS),
    "events_work:registration_cancel": Row(
        lambda s: {**event(s), "registration_pk": s.registration.pk}, STAFF, method="POST"
    ),
    "events_work:check_in": Row(event, READERS),
    "events_work:check_in_pdf": Row(event, READERS),
    "events_work:attendance": Row(event, STAFF),
    "events_work:certificate": Row(
        lambda s: {**event(s), "registration_pk": s.registration.pk}, STAFF
    ),
    # --- trainings -----------------------------------------------------------------------------
    "trainings:list": Row(project, READERS),
    "trainings:programme_new": Row(project, STAFF),
    "trainings:programme_edit": Row(programme, STAFF),
    "trainings:module_new": Row(programme, STAFF),
    "trainings:module_edit": Row(module, STAFF),
    "trainings:small_groups": Row(programme, READERS),
    "trainings:cohort_new": Row(module, STAFF),
    "trainings:cohort": Row(cohort, READERS),
    "trainings:cohort_edit": Row(cohort, STAFF),
    "trainings:certificate": Row(lambda s: {**cohort(s), "registration_pk": s.enrolment.pk}, STAFF),
    # --- personal data -------------------------------------------------------------------------
    "participants:list": Row(project, READERS),
    "participants:access_log": Row(project, READERS),
    "participants:detail": Row(participant, READERS),
    "participants:export": Row(participant, READERS),
    "participants:erase": Row(participant, READERS),
    # --- outputs and progress ------------------------------------------------------------------
    "projects:publications": Row(project, READERS),
    "projects:publication_new": Row(project, STAFF),
    "projects:publication_edit": Row(publication, STAFF),
    "projects:publication_delete": Row(publication, STAFF),
    "indicators:progress": Row(project, READERS),
    "indicators:esf": Row(project, READERS),
    "indicators:esf_export": Row(lambda s: {"pk": s.project.pk, "fmt": "xlsx"}, READERS),
}


def site_pages() -> set:
    found = url_names(NAMESPACES)
    projects = get_resolver().namespace_dict["projects"][1].url_patterns
    found.update(
        name
        for name, _pattern in walk(projects, "projects")
        if name.startswith("projects:publication")
    )
    return found


def test_every_project_work_page_has_a_row_in_the_matrix():
    pages = site_pages()
    assert not sorted(pages - set(MATRIX)), (
        f"Pages without a row in MATRIX: {sorted(pages - set(MATRIX))}. Decide who may open them."
    )
    assert not sorted(set(MATRIX) - pages), f"Stale rows: {sorted(set(MATRIX) - pages)}"


@pytest.fixture
def scene(world):
    """An ongoing public project of the applicant's organisation, funded by the officer's
    authority: a past event with an attended registration, an upcoming event open for
    registration, a training cohort with a completed enrolment, and a publication."""
    project = ProjectFactory(implementer=world.applicant_org, funding_authority=world.authority)
    now = timezone.now()
    past = EventFactory(project=project, starts_at=now - datetime.timedelta(days=7))
    upcoming = EventFactory(
        project=project, starts_at=now + datetime.timedelta(days=7), registration_enabled=True
    )
    person = ParticipantFactory(project=project)
    registration = RegistrationFactory(participant=person, event=past, attended=True)
    programme_ = TrainingProgrammeFactory(project=project)
    module_ = TrainingModuleFactory(programme=programme_)
    cohort_ = CohortFactory(module=module_, registration_enabled=True, ends_on=None)
    enrolment = Registration.objects.create(
        cohort=cohort_,
        participant=person,
        status=Registration.Status.CONFIRMED,
        confirmed_at=now,
        completed_on=cohort_.starts_on + datetime.timedelta(days=40),
    )
    publication_ = Publication.objects.create(
        project=project, title="Blogi", published_on=datetime.date(2024, 5, 1)
    )
    other_org = Organisation.objects.create(name_fi="Toinen toteuttaja Oy")
    other_staff = UserFactory(username="toinen-hanke", roles=[roles.APPLICANT])
    Membership.objects.create(user=other_staff, organisation=other_org)
    return SimpleNamespace(
        project=project,
        event=past,
        upcoming=upcoming,
        registration=registration,
        token=registration_token(registration),
        participant=person,
        programme=programme_,
        module=module_,
        cohort=cohort_,
        enrolment=enrolment,
        publication=publication_,
        users={
            "anonymous": None,
            "outsider": world.outsider,
            "staff": world.applicant,
            "other_staff": other_staff,
            "officer": world.officer,
            "other_officer": world.other_officer,
        },
    )


def test_each_role_gets_the_expected_outcome_on_every_page(scene):
    failures = matrix_failures(MATRIX, ROLES, scene)
    assert not failures, "\n".join(failures)
