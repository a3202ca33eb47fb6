"""The search index follows every change of a project and of what its text is made of, and can
be rebuilt or written in one go after a bulk load."""

import io

import pytest
from django.core.management import call_command
from django.db import connection

from hanke.portal import search
from hanke.portal.selectors import ProjectQuery, project_search
from hanke.projects.tests.factories import (
    ProjectFactory,
    ProjectPartnerFactory,
    ProjectSectionFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db


def found(text: str) -> list[int]:
    return [p.pk for p in project_search(ProjectQuery(text=text))]


def index_rows() -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {search.TABLE}")
        return cursor.fetchone()[0]


def test_renaming_a_project_updates_the_index():
    project = ProjectFactory(name_fi="Verkkokauppa")
    project.name_fi = "Matkailu"
    project.save()
    assert found("verkkokauppa") == []
    assert found("matkailun") == [project.pk]


def test_sections_added_changed_and_removed():
    project = ProjectFactory(name_fi="A")
    section = ProjectSectionFactory(project=project, body_fi="Kiertotalouden kokeilut.")
    assert found("kiertotalous") == [project.pk]
    section.body_fi = "Metsäteollisuuden murros."
    section.save()
    assert found("kiertotalous") == []
    assert found("metsäteollisuus") == [project.pk]
    section.delete()
    assert found("metsäteollisuus") == []


def test_themes_added_removed_and_renamed_from_either_side():
    project = ProjectFactory(name_fi="A")
    theme = ThemeFactory(name_fi="Kiertotalous")
    project.themes.add(theme)
    assert found("kiertotalous") == [project.pk]
    theme.name_fi = "Vihreä siirtymä"
    theme.save()
    assert found("kiertotalous") == []
    assert found("siirtymä") == [project.pk]
    theme.projects.clear()
    assert found("siirtymä") == []
    theme.projects.add(project)
    assert found("siirtymä") == [project.pk]
    project.themes.remove(theme)
    assert found("siirtymä") == []


def test_renaming_an_organisation_updates_its_projects():
    project = ProjectFactory(name_fi="A", implementer__name_fi="Lapin kauppakamari")
    partner = ProjectPartnerFactory(project=project, organisation__name_fi="Kemin kaupunki")
    assert found("kauppakamarin") == [project.pk]
    assert found("kemin") == [project.pk]
    project.implementer.name_fi = "Oulun kauppakamari"
    project.implementer.save()
    partner.organisation.name_fi = "Tornion kaupunki"
    partner.organisation.save()
    assert found("lapin") == []
    assert found("oulun") == [project.pk]
    assert found("tornion") == [project.pk]


def test_a_deleted_project_leaves_the_index():
    project = ProjectFactory(name_fi="Verkkokauppa")
    ProjectSectionFactory(project=project)
    rows = index_rows()
    project.delete()
    assert index_rows() == rows - 1
    assert found("verkkokauppa") == []


def test_deferred_indexing_writes_once_at_the_end():
    with search.deferred():
        project = ProjectFactory(name_fi="Verkkokauppa")
        ProjectSectionFactory(project=project, body_fi="Kiertotalous.")
        assert found("verkkokauppa") == []  # not yet written
    assert found("verkkokauppa") == [project.pk]
    assert found("kiertotalous") == [project.pk]


def test_rebuild_command_restores_a_lost_index():
    project = ProjectFactory(name_fi="Verkkokauppa")
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {search.TABLE}")
    assert found("verkkokauppa") == []
    out = io.StringIO()
    call_command("rebuild_search_index", stdout=out)
    assert "Indexed 1 projects." in out.getvalue()
    assert found("verkkokauppa") == [project.pk]


def test_projects_missing_from_the_index_are_indexed_after_migrate():
    from hanke.portal.apps import index_after_migrate

    project = ProjectFactory(name_fi="Verkkokauppa")
    search.remove_projects([project.pk])
    index_after_migrate(sender=None)
    assert found("verkkokauppa") == [project.pk]


def test_rows_of_projects_gone_without_signals_are_dropped_after_migrate():
    """`flush` empties the tables Django knows, not SQLite's FTS table, then sends
    post_migrate: the index must not keep rows for ids a new project may get again."""
    from hanke.portal.apps import index_after_migrate
    from hanke.projects.models import Project

    project = ProjectFactory(name_fi="Verkkokauppa")
    Project.objects.filter(pk=project.pk)._raw_delete(using="default")  # no signals
    index_after_migrate(sender=None)
    assert project.pk not in search.indexed_ids()
