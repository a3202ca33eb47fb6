"""What the permission-matrix tests share (`<app>/tests/test_permission_matrix.py`): the named
URLs of a namespace as the resolver has them, the outcome of a request in words, and the run of a
matrix of pages × roles with each request in a savepoint that is rolled back."""

from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation

OK, FORBIDDEN, LOGIN, NOT_FOUND = "ok", "forbidden", "login", "not found"


@dataclass
class Row:
    """One page: its URL's arguments from the scene, the outcome for each role, and how to ask."""

    kwargs: callable
    expected: dict
    method: str = "GET"
    data: dict | None = None


def walk(patterns, namespace: str):
    """(name, pattern) of every named URL under `patterns`, names with their namespaces."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}:{pattern.namespace}" if pattern.namespace else namespace
            yield from walk(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}:{pattern.name}", pattern


def url_names(namespaces: Iterable[str]) -> set:
    """Every named URL of these namespaces; a namespace that is not routed fails the test."""
    resolver = get_resolver()
    found = set()
    for namespace in namespaces:
        assert namespace in resolver.namespace_dict, f"namespace {namespace} is not routed"
        patterns = resolver.namespace_dict[namespace][1].url_patterns
        found.update(name for name, _pattern in walk(patterns, namespace))
    return found


def outcome(response, *, ok=(200,)) -> str:
    """The outcome in words: ok, forbidden, not found or login (a redirect to the login page;
    any other redirect is ok)."""
    if response.status_code in ok:
        return OK
    if response.status_code == 403:
        return FORBIDDEN
    if response.status_code == 404:
        return NOT_FOUND
    if response.status_code in (301, 302):
        path = urlsplit(response["Location"]).path
        return LOGIN if path.endswith("/login/") else OK
    return f"status {response.status_code}"


def matrix_failures(matrix: dict, roles: list, scene, *, ok=(200,)) -> list[str]:
    """Ask every page of `matrix` as every role (`scene.users[role]`, None for anonymous) and
    list where the outcome differs from the row's. Each request runs in a savepoint that is
    rolled back, so a POST that changes something does not change the next request."""
    failures = []
    for name, row in sorted(matrix.items()):
        with translation.override("fi"):
            url = reverse(name, kwargs=row.kwargs(scene))
        for role in roles:
            client = Client()
            if scene.users[role] is not None:
                client.force_login(scene.users[role])
            sid = transaction.savepoint()
            try:
                if row.method == "POST":
                    response = client.post(url, row.data or {})
                else:
                    response = client.get(url)
                if hasattr(response, "streaming_content"):
                    b"".join(response.streaming_content)
                got = outcome(response, ok=ok)
            finally:
                transaction.savepoint_rollback(sid)
            if got != row.expected[role]:
                failures.append(f"{name} as {role}: {got}, expected {row.expected[role]}")
    return failures
