"""Developer laptop: `make run`."""

import os

from .base import *  # noqa: F401,F403
from .base import env_bool

DEBUG = env_bool("DEBUG", True)
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True

# `make run` starts no task worker: imports run inside the request that queues them
# (TASK_BACKEND=database with `manage.py db_worker` to try the production way)
if os.environ.get("TASK_BACKEND") != "database":
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
