"""Test runs (pytest). SQLite by default, PostgreSQL when DATABASE_URL says so."""

from .base import *  # noqa: F401,F403
from .base import STORAGES

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
AXES_ENABLED = False
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True

# tests run tasks at once, inside the test
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
