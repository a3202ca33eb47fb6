from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def index_after_migrate(sender, using="default", **kwargs):
    """Bring the search index in line with the projects after `migrate` (and `flush`, which
    sends the same signal but cannot empty SQLite's FTS table): index the projects missing
    from it (after the migration that creates it, every existing one) and drop rows of
    projects that are gone."""
    from django.db import connections

    from hanke.projects.models import Project

    from . import search

    connection = connections[using]
    if search.TABLE not in connection.introspection.table_names():
        return
    indexed = search.indexed_ids()
    existing = set(Project.objects.using(using).values_list("pk", flat=True))
    search.remove_projects(indexed - existing)
    search.index_projects(existing - indexed)


class PortalConfig(AppConfig):
    name = "hanke.portal"
    label = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from . import search

        search.connect_signals()
        post_migrate.connect(index_after_migrate, sender=self, dispatch_uid="portal-search-index")
