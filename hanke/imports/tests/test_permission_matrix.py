"""Who may open which document import page (issue 7).

Every URL of the `imports` namespace is taken from the URL resolver and requested as each role:
anonymous, an outsider, an applicant, an assessor, the officer who uploaded the batch, a colleague
officer of the same authority, another authority's officer, and a superuser. The outcome must be
the one in MATRIX; a page added without a row fails the test.

The rule behind the rows: importing is an officer's work. A batch and its documents are seen by the
officer who uploaded them, the other officers of the same authority and superusers; applicants,
assessors and other authorities' officers get 403, the anonymous the login page. Each request runs
in a savepoint that is rolled back, so a POST that decides or applies does not change the next."""

from types import SimpleNamespace

import pytest
from django.urls import reverse

from hanke.accounts import roles
from hanke.accounts.models import Membership
from hanke.accounts.tests.factories import UserFactory
from hanke.core.tests.permission_matrix import (
    FORBIDDEN,
    LOGIN,
    OK,
    Row,
    matrix_failures,
    url_names,
)

from .test_documents_services import extractor, import_text  # noqa: F401

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "outsider",
    "applicant",
    "assessor",
    "officer",
    "colleague",
    "other_officer",
    "superuser",
]
SIGNED_IN = [r for r in ROLES if r != "anonymous"]
NAMESPACES = ("imports",)


def allowed(*ok_roles) -> dict:
    return {"anonymous": LOGIN, **{r: OK if r in ok_roles else FORBIDDEN for r in SIGNED_IN}}


IMPORTERS = allowed("officer", "colleague", "other_officer", "superuser")
BATCH_READERS = allowed("officer", "colleague", "superuser")


MATRIX = {
    "imports:upload": Row(lambda s: {}, IMPORTERS),
    "imports:batch": Row(lambda s: {"pk": s.batch.pk}, BATCH_READERS),
    "imports:batch_progress": Row(lambda s: {"pk": s.batch.pk}, BATCH_READERS),
    "imports:document": Row(lambda s: {"pk": s.document.pk}, BATCH_READERS),
    "imports:document_apply": Row(lambda s: {"pk": s.document.pk}, BATCH_READERS),
    "imports:document_reject": Row(lambda s: {"pk": s.document.pk}, BATCH_READERS, "POST"),
    "imports:value_decide": Row(
        lambda s: {"pk": s.value.pk}, BATCH_READERS, "POST", {"decision": "accepted"}
    ),
}


def test_every_import_page_has_a_row_in_the_matrix():
    pages = url_names(NAMESPACES)
    assert not sorted(pages - set(MATRIX)), (
        f"Pages without a row in MATRIX: {sorted(pages - set(MATRIX))}. Decide who may open them."
    )
    assert not sorted(set(MATRIX) - pages), f"Stale rows: {sorted(set(MATRIX) - pages)}"


@pytest.fixture
def scene(world, extractor):  # noqa: F811
    """A batch uploaded by the ELY centre's officer, with one read document and its values."""
    batch, document = import_text(world.officer)
    colleague = UserFactory(username="kollega", roles=[roles.FUNDER_OFFICER])
    Membership.objects.create(user=colleague, organisation=world.authority.organisation)
    superuser = UserFactory(username="paakayttaja", is_superuser=True, is_staff=True)
    return SimpleNamespace(
        batch=batch,
        document=document,
        value=document.values.first(),
        users={
            "anonymous": None,
            "outsider": world.outsider,
            "applicant": world.applicant,
            "assessor": world.assessor,
            "officer": world.officer,
            "colleague": colleague,
            "other_officer": world.other_officer,
            "superuser": superuser,
        },
    )


def test_each_role_gets_the_expected_outcome_on_every_page(scene):
    # 400: a form shown again with its errors is an allowed request
    failures = matrix_failures(MATRIX, ROLES, scene, ok=(200, 400))
    assert not failures, "\n".join(failures)


def test_the_upload_post_is_refused_to_applicants(client, world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from hanke.imports.models import ImportBatch

    client.force_login(world.applicant)
    response = client.post(
        reverse("imports:upload"), {"files": [SimpleUploadedFile("a.txt", b"Hanke S30355")]}
    )
    assert response.status_code == 403
    assert not ImportBatch.objects.exists()
