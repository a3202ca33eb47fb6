"""Rate limiting of anonymous API use (ninja's `AnonRateThrottle`, counts in Django's cache).

- The rate is the setting `API_ANON_RATE` ("120/min" by default, from the environment), read at
  every request, so a test or an operator's change applies without reloading the URLconf; an
  empty value turns the limit off.
- The client is `hanke.core.http.client_ip`: the address the outermost trusted proxy saw, the
  same as the login throttling uses. ninja's own guess would take the whole X-Forwarded-For
  header, which a client can write to get a fresh allowance on every request.
- The counts live in the default cache. Local memory is per process: with several processes or
  app servers, each counts on its own unless the cache is shared (Redis, see
  docs/operations.md). If the cache fails, the request is let through (and logged): the limit
  protects the service, it must not take it down.
- ninja keeps one throttle object per operation and the state of the request being checked on
  it; here that state is per thread, so threaded workers don't mix up their clients."""

import logging
import math
import threading

from django.conf import settings
from ninja.throttling import AnonRateThrottle

from hanke.core.http import client_ip

logger = logging.getLogger(__name__)


class AnonymousRateThrottle(AnonRateThrottle):
    def __init__(self):
        self._state = threading.local()
        super().__init__(rate=settings.API_ANON_RATE or "1/s")  # a bad rate fails at start

    # the request's state, per thread (ninja sets and reads these attributes)
    key = property(lambda self: self._state.key, lambda self, v: setattr(self._state, "key", v))
    now = property(lambda self: self._state.now, lambda self, v: setattr(self._state, "now", v))
    history = property(
        lambda self: self._state.history, lambda self, v: setattr(self._state, "history", v)
    )

    def allow_request(self, request) -> bool:
        rate = settings.API_ANON_RATE
        if not rate:
            return True
        self.num_requests, self.duration = self.parse_rate(rate)
        try:
            return super().allow_request(request)
        except Exception:
            logger.warning("API rate limit not applied: the cache failed", exc_info=True)
            return True

    def get_ident(self, request) -> str:
        return client_ip(request) or "unknown"

    def wait(self) -> int:
        """Whole seconds until the oldest counted request leaves the window (at least 1)."""
        oldest = self.history[-1] if self.history else self.now
        return max(1, math.ceil(self.duration - (self.now - oldest)))
