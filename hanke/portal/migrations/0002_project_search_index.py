"""The project search index (see hanke/portal/search.py): an FTS5 table on SQLite, a table with
a GIN-indexed tsvector on PostgreSQL. Existing projects are indexed after `migrate`
(`hanke.portal.apps.index_after_migrate`)."""

from django.db import migrations

SQLITE = [
    "CREATE VIRTUAL TABLE portal_projectsearch USING fts5("
    "title, summary, body, tokenize = 'unicode61 remove_diacritics 0')",
]
POSTGRESQL = [
    # no foreign key: `flush` truncates the tables Django knows and PostgreSQL would refuse to
    # truncate projects_project under a reference; signals and `index_after_migrate` keep the
    # rows in line with the projects
    "CREATE TABLE portal_projectsearch ("
    "project_id integer PRIMARY KEY, document tsvector NOT NULL)",
    "CREATE INDEX portal_projectsearch_document ON portal_projectsearch USING gin (document)",
]


def create(apps, schema_editor):
    statements = POSTGRESQL if schema_editor.connection.vendor == "postgresql" else SQLITE
    for sql in statements:
        schema_editor.execute(sql)


def drop(apps, schema_editor):
    schema_editor.execute("DROP TABLE IF EXISTS portal_projectsearch")


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0001_initial"),
        ("projects", "0004_targetgroup_measure_publication"),
    ]

    operations = [migrations.RunPython(create, drop)]
