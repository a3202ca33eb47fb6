"""Who may open which page of the application, assessment and decision workflow (issue 3).

Every URL of the `projects` and `assessment` namespaces (and the public call pages) is taken from
the URL resolver and requested as each role: anonymous, an outsider, the applying organisation's
applicant, another organisation's applicant, the authority's officer, another authority's officer,
the assigned and an unassigned assessor, and a committee member in and outside the meeting. The
outcome must be the one in MATRIX. A page added without a row in MATRIX fails the test, so
nobody adds a page without deciding who may see it.

Outcomes: `ok` (200, or a redirect within the same area of the site), `forbidden` (403), `login`
(a redirect to the login page) and `not found` (404). Each request runs in a savepoint that is
rolled back, so a POST that does something (submits, deletes) does not change what the next
request sees."""

from dataclasses import dataclass, field
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import get_resolver, reverse
from django.utils import timezone, translation

from hanke.accounts import roles
from hanke.accounts.models import Membership, Organisation
from hanke.accounts.tests.factories import UserFactory
from hanke.assessment import selectors, services
from hanke.core.tests.permission_matrix import walk
from hanke.projects import workflow
from hanke.projects.services import (
    application_attachment_add,
    application_create,
    application_submit,
)
from hanke.projects.tests.factories import fill_application

pytestmark = pytest.mark.django_db

OK, FORBIDDEN, LOGIN, NOT_FOUND = "ok", "forbidden", "login", "not found"

ROLES = [
    "anonymous",
    "outsider",
    "applicant",
    "other_applicant",
    "officer",
    "other_officer",
    "assessor",
    "unassigned_assessor",
    "participant",
    "non_participant",
]
SIGNED_IN = [r for r in ROLES if r != "anonymous"]
# Those who handle the application in assessment: its organisation's staff, its authority's
# officer, its assigned assessor and the members of a meeting that has it on the agenda.
HANDLERS = {"applicant", "officer", "assessor", "participant"}
APPLICANTS = {"applicant", "other_applicant"}
OFFICERS = {"officer", "other_officer"}
ASSESSORS = {"assessor", "unassigned_assessor"}
COMMITTEE = {"participant", "non_participant"}

NAMESPACES = ("projects", "assessment")
PUBLIC = ("portal:call_list", "portal:call_detail")
# A running project's output pages are in the project work matrix
# (hanke/events/tests/test_permission_matrix.py).
PROJECT_WORK_PAGES = {
    "projects:publications",
    "projects:publication_new",
    "projects:publication_edit",
    "projects:publication_delete",
}


def allowed(*groups, anonymous=LOGIN) -> dict:
    """Ok for the roles in the groups, forbidden for the other signed-in roles."""
    ok = set().union(*[{g} if isinstance(g, str) else g for g in groups])
    unknown = ok - set(ROLES)
    assert not unknown, f"unknown roles {unknown}"
    return {"anonymous": anonymous, **{r: OK if r in ok else FORBIDDEN for r in SIGNED_IN}}


EVERYONE = {r: OK for r in ROLES}


@dataclass
class Row:
    kwargs: callable  # scene -> URL kwargs
    expected: dict  # role -> outcome
    method: str = "GET"
    data: dict = field(default_factory=dict)


def application(s):
    return {"pk": s.application.pk}


def draft(s):
    return {"pk": s.draft.pk}


def meeting(s):
    return {"pk": s.meeting.pk}


def none(s):
    return {}


MATRIX = {
    # --- public call pages -----------------------------------------------------------------------
    "portal:call_list": Row(none, EVERYONE),
    "portal:call_detail": Row(lambda s: {"pk": s.call.pk}, EVERYONE),
    # --- the applicant's pages (projects) --------------------------------------------------------
    # Any applicant may start an application for their own organisation from an open call.
    "projects:application_new": Row(
        lambda s: {"call_pk": s.call.pk}, allowed(APPLICANTS), method="POST"
    ),
    "projects:application": Row(application, allowed(HANDLERS)),
    "projects:application_print": Row(application, allowed(HANDLERS)),
    "projects:application_print_pdf": Row(application, allowed(HANDLERS)),
    "projects:attachment": Row(
        lambda s: {"pk": s.application.pk, "attachment_pk": s.attachment.pk}, allowed(HANDLERS)
    ),
    # Editing a draft: its organisation's staff only.
    "projects:application_section": Row(
        lambda s: {"pk": s.draft.pk, "section": "basic"}, allowed("applicant")
    ),
    # The autosave answers those who may see the draft but not edit it (its authority's officer)
    # with a refusal line and status 200, so that htmx shows it in the form; nothing is saved.
    "projects:application_section_autosave": Row(
        lambda s: {"pk": s.draft.pk, "section": "basic"},
        allowed("applicant", "officer"),
        method="POST",
    ),
    "projects:application_submit": Row(draft, allowed("applicant"), method="POST"),
    "projects:attachment_delete": Row(
        lambda s: {"pk": s.draft.pk, "attachment_pk": s.draft_attachment.pk},
        allowed("applicant"),
        method="POST",
    ),
    # --- the funder's pages (assessment) ---------------------------------------------------------
    "assessment:inbox": Row(none, allowed(OFFICERS, ASSESSORS)),
    "assessment:application": Row(application, allowed("officer")),
    "assessment:score": Row(application, allowed("assessor")),
    # The diff between submitted versions is the funder's tool.
    "assessment:version_diff": Row(application, allowed("officer", "assessor")),
    # --- meetings and the decision (meeting_views) -----------------------------------------------
    "assessment:meeting_list": Row(none, allowed(OFFICERS, COMMITTEE)),
    "assessment:meeting_new": Row(none, allowed(OFFICERS)),
    "assessment:meeting": Row(meeting, allowed("officer", "participant")),
    "assessment:meeting_minutes": Row(meeting, allowed("officer", "participant")),
    "assessment:meeting_agenda_add": Row(meeting, allowed("officer"), method="POST"),
    "assessment:meeting_statement": Row(
        lambda s: {"pk": s.meeting.pk, "item_pk": s.item.pk}, allowed("officer"), method="POST"
    ),
    "assessment:decision": Row(application, allowed("officer")),
}


# --- The URLs the site has -------------------------------------------------------------------------


def site_patterns() -> dict:
    """Every named URL of the workflow's namespaces, and the public call pages."""
    with translation.override("en"):
        resolver = get_resolver()
        found = {}
        for namespace in NAMESPACES:
            assert namespace in resolver.namespace_dict, f"namespace {namespace} is not routed"
            _prefix, sub = resolver.namespace_dict[namespace]
            found.update(
                (name, pattern)
                for name, pattern in walk(sub.url_patterns, namespace)
                if name not in PROJECT_WORK_PAGES
            )
        portal = dict(walk(resolver.namespace_dict["portal"][1].url_patterns, "portal"))
        for name in PUBLIC:
            found[name] = portal[name]
    return found


def test_every_page_of_the_workflow_has_a_row_in_the_matrix():
    patterns = site_patterns()
    missing = sorted(set(patterns) - set(MATRIX))
    stale = sorted(set(MATRIX) - set(patterns))
    assert not missing, (
        f"Pages without a row in MATRIX: {missing}. Decide who may open them and add the rows."
    )
    assert not stale, f"MATRIX rows for URLs that no longer exist: {stale}"


def test_every_role_has_an_expected_outcome_for_every_page():
    for name, row in MATRIX.items():
        assert set(row.expected) == set(ROLES), f"{name}: roles {set(ROLES) ^ set(row.expected)}"


# --- The scene ---------------------------------------------------------------------------------------


def _pdf(name="liite.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "application/pdf")


@pytest.fixture
def scene(world, settings, tmp_path):
    """One application of the applicant's organisation in assessment (with an attachment, assigned
    to `world.assessor`, on the agenda of a funding meeting whose participant is
    `world.committee_member`), and a draft of the same organisation with an attachment."""
    settings.MEDIA_ROOT = tmp_path
    project = application_create(user=world.applicant, call=world.call)
    fill_application(project)
    attachment = application_attachment_add(user=world.applicant, project=project, upload=_pdf())
    application_submit(user=world.applicant, project=project)
    project.refresh_from_db()
    project = services.eligibility_record(
        user=world.officer,
        project=project,
        results={c.pk: (True, "") for c in selectors.general_criteria(world.call)},
    )
    services.assessor_assign(user=world.officer, project=project, assessor=world.assessor)
    meeting = services.meeting_create(
        user=world.officer,
        authority=world.authority,
        kind="funding_meeting",
        date=timezone.localdate(),
        participants=[world.committee_member],
    )
    item = services.agenda_add(user=world.officer, meeting=meeting, project=project)

    draft = application_create(user=world.applicant, call=world.call, name="Luonnos")
    draft_attachment = application_attachment_add(
        user=world.applicant, project=draft, upload=_pdf("luonnos.pdf")
    )

    other_org = Organisation.objects.create(name_fi="Toinen hakijaorganisaatio Oy")
    other_applicant = UserFactory(username="toinen-hakija", roles=[roles.APPLICANT])
    Membership.objects.create(user=other_applicant, organisation=other_org)
    non_participant = UserFactory(username="toinen-jasen", roles=[roles.COMMITTEE_MEMBER])
    project.refresh_from_db()
    assert project.status == workflow.IN_ASSESSMENT
    return SimpleNamespace(
        call=world.call,
        application=project,
        attachment=attachment,
        draft=draft,
        draft_attachment=draft_attachment,
        meeting=meeting,
        item=item,
        users={
            "anonymous": None,
            "outsider": world.outsider,
            "applicant": world.applicant,
            "other_applicant": other_applicant,
            "officer": world.officer,
            "other_officer": world.other_officer,
            "assessor": world.assessor,
            "unassigned_assessor": world.second_assessor,
            "participant": world.committee_member,
            "non_participant": non_participant,
        },
    )


def _area(path: str) -> str:
    """The part of the site a path is in: its first segment after the language prefix."""
    parts = [p for p in urlsplit(path).path.split("/") if p]
    return parts[1] if len(parts) > 1 else ""


def outcome(response, url: str) -> str:
    code = response.status_code
    if code == 200:
        return OK
    if code == 302:
        location = response["Location"]
        if urlsplit(location).path == reverse("accounts:login"):
            return LOGIN
        if _area(location) == _area(url):
            return OK
        return f"a redirect to {location}"
    return {403: FORBIDDEN, 404: NOT_FOUND}.get(code, f"status {code}")


def request(client, method: str, url: str, data: dict):
    """One request in a savepoint that is rolled back afterwards."""
    with transaction.atomic():
        response = client.post(url, data) if method == "POST" else client.get(url)
        if getattr(response, "streaming", False):
            # Consuming the content closes the file the way the test client expects; calling
            # response.close() directly would fire request_finished and close the database
            # connection inside the savepoint (PostgreSQL with persistent connections).
            b"".join(response.streaming_content)
        transaction.set_rollback(True)
    return response


def client_for(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.mark.parametrize("role", ROLES)
def test_each_role_gets_what_the_matrix_says(scene, role):
    client = client_for(scene.users[role])
    wrong = []
    with translation.override("en"):
        for name in sorted(site_patterns()):
            if name not in MATRIX:
                raise AssertionError(f"{name} has no row in MATRIX: decide who may open it.")
            row = MATRIX[name]
            url = reverse(name, kwargs=row.kwargs(scene))
            got = outcome(request(client, row.method, url, row.data), url)
            if got != row.expected[role]:
                wrong.append(f"{row.method} {name} ({url}): {got}, expected {row.expected[role]}")
    assert not wrong, f"As {role}:\n" + "\n".join(wrong)


def _missing(kwargs: dict) -> dict:
    return {k: 999999 if isinstance(v, int) else v for k, v in kwargs.items()}


@pytest.mark.parametrize("role", ["anonymous", "outsider", "officer", "participant"])
def test_a_missing_object_is_not_found_for_anyone_signed_in(scene, role):
    """No page tells a signed-in user more than "not found" about an object that does not exist;
    anonymous users are sent to log in first (the public call pages answer 404 to them too)."""
    client = client_for(scene.users[role])
    wrong = []
    with translation.override("en"):
        for name in sorted(set(site_patterns()) & set(MATRIX)):
            row = MATRIX[name]
            kwargs = row.kwargs(scene)
            if not any(isinstance(v, int) for v in kwargs.values()):
                continue
            url = reverse(name, kwargs=_missing(kwargs))
            expected = NOT_FOUND if role != "anonymous" or name in PUBLIC else LOGIN
            got = outcome(request(client, row.method, url, row.data), url)
            if got != expected:
                wrong.append(f"{row.method} {name} ({url}): {got}, expected {expected}")
        # An agenda item of another meeting is not found through this meeting.
        other = services.meeting_create(
            user=scene.users["officer"],
            authority=scene.meeting.authority,
            kind="myr",
            date=timezone.localdate(),
        )
        url = reverse("assessment:meeting_statement", args=[other.pk, scene.item.pk])
        got = outcome(request(client, "POST", url, {}), url)
        expected = {"anonymous": LOGIN, "officer": NOT_FOUND}.get(role, FORBIDDEN)
        if got != expected:
            wrong.append(f"POST {url}: {got}, expected {expected}")
    assert not wrong, f"As {role}:\n" + "\n".join(wrong)


def test_the_officer_s_autosave_of_a_draft_is_refused_and_saves_nothing(scene):
    """The one page that answers a refusal with 200 (see MATRIX): the officer's text is not kept."""
    from hanke.projects.models import SectionDraft

    client = client_for(scene.users["officer"])
    with translation.override("en"):
        url = reverse(
            "projects:application_section_autosave",
            kwargs={"pk": scene.draft.pk, "section": "basic"},
        )
        response = client.post(url, {"name": "Virkailijan nimi"})
    assert response.status_code == 200
    assert "autosave-failed" in response.content.decode()
    scene.draft.refresh_from_db()
    assert scene.draft.name_fi == "Luonnos"
    assert not SectionDraft.objects.filter(project=scene.draft).exists()
