"""Shared fixtures of the imports tests."""

import pytest


@pytest.fixture(autouse=True)
def in_english():
    """The imports' messages, reasons and pages are read in English in these tests (page
    addresses reversed inside it get /en/), whatever language an earlier test left active.
    Finnish and Swedish are checked by the catalogue test."""
    from django.utils import translation

    with translation.override("en"):
        yield
