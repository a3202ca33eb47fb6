from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _sync_roles(sender, **kwargs):
    from .roles import sync_role_permissions

    sync_role_permissions()


class AccountsConfig(AppConfig):
    name = "hanke.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        # after every migrate, when all permissions exist
        post_migrate.connect(_sync_roles, dispatch_uid="hanke.accounts.sync_roles")
