from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def index_after_migrate(sender, using="default", **kwargs):
    """Index the projects that are not in the search index yet: after the migration that
    creates the index, every existing project (later runs find nothing to do)."""
    from django.db import connections

    from hanke.projects.models import Project

    from . import search

    connection = connections[using]
    if search.TABLE not in connection.introspection.table_names():
        return
    indexed = search.indexed_ids()
    missing = set(Project.objects.using(using).values_list("pk", flat=True)) - indexed
    search.index_projects(missing)


class PortalConfig(AppConfig):
    name = "hanke.portal"
    label = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from . import search

        search.connect_signals()
        post_migrate.connect(index_after_migrate, sender=self, dispatch_uid="portal-search-index")
