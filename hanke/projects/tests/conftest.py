"""Fixtures of the application tests: a draft application of the applicant's organisation on the
open call of `world`, files stored in a temporary MEDIA_ROOT, and pages read in English (the
Finnish catalogue of new strings comes with the translations)."""

import pytest


@pytest.fixture
def english():
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def draft(world):
    """A new draft application started by the applicant from the open call."""
    from hanke.projects.services import application_create

    return application_create(user=world.applicant, call=world.call)


@pytest.fixture
def applicant_client(client, world):
    client.force_login(world.applicant)
    return client


def section_url(project, section: str, lang: str = "en") -> str:
    return f"/{lang}/applications/{project.pk}/edit/{section}/"


def autosave_url(project, section: str, lang: str = "en") -> str:
    return f"/{lang}/applications/{project.pk}/edit/{section}/autosave/"
