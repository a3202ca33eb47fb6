from django.conf import settings


def client_ip(request) -> str | None:
    """The client's address as the outermost trusted proxy saw it.

    With N trusted proxies in front, each appends the address it received the request from to
    X-Forwarded-For, so the client is the N-th entry from the right; whatever a client writes into
    the header itself stands further left and is ignored."""
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if count:
        forwarded = [
            part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        ]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= count:
            return forwarded[-count]
    return request.META.get("REMOTE_ADDR")
