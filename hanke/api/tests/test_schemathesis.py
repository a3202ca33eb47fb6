"""Schemathesis against the API's own OpenAPI schema, run in CI with the other tests.

For every operation of /api/v1/openapi.json, Schemathesis generates requests from the schema,
both valid ones and deliberately invalid ones (wrong types, out-of-range numbers, strings where
ids go, odd characters), and sends them to the application in-process (WSGI), against a small
catalogue of public and hidden records. Each answer is checked for:

- `not_a_server_error`: never a 5xx, whatever the parameters;
- `status_code_conformance`: the status is one the schema documents (200, 404, 422, 429);
- `content_type_conformance`: the answer's Content-Type is the documented one (JSON);
- `response_schema_conformance`: the body validates against the documented schema (money as
  two-decimal strings, texts as {fi, en, sv} objects, errors as {detail, errors});
- `response_headers_conformance`: documented headers are present and valid.

Generated ids in paths are mapped onto the catalogue's records (see `known_ids`), so the detail
operations are checked with real projects, organisations, calls, events and news, and with
hidden ones. Bounded and repeatable: at most 25 examples per operation, `derandomize=True` (the same
examples on every run, so CI does not flake) and no Hypothesis example database."""

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
]


@pytest.fixture
def in_process():
    """Requests run in the test's transaction, as Django's test client runs them: a WSGI
    request would otherwise close the database connection when it ends (and with it the
    transaction, on PostgreSQL)."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def known_ids(catalogue):
    """Ids of the catalogue's records, public and hidden, per path parameter: a generated id is
    turned into one of them, so the detail operations answer with real records (and with 404
    for the hidden ones), not only with 404 for ids that don't exist."""
    c = catalogue
    return {
        "project_id": [c.shop.pk, c.skills_project.pk, c.draft.pk, c.unpublished.pk],
        "organisation_id": [c.chamber.pk, c.council.pk, c.partner.pk, c.hidden_org.pk],
        "call_id": [c.call.pk, c.closed_call.pk, c.hidden_call.pk],
        "event_id": [c.webinar.pk, c.coming.pk, c.undated.pk, c.hidden_event.pk],
        "news_id": [c.news.pk, c.older_news.pk, c.hidden_news.pk],
    }


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.data_too_large,
    ],
)
def test_the_api_keeps_its_schema(in_process, known_ids, case):
    for name, value in (case.path_parameters or {}).items():
        if name in known_ids and isinstance(value, int) and value >= 1:
            case.path_parameters[name] = known_ids[name][value % len(known_ids[name])]
    case.call_and_validate(checks=CHECKS)
