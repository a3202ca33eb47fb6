"""/api/v1/: the open data API (outside the language prefix: its texts come in all languages)."""

from functools import wraps

from django.urls import URLPattern
from django.utils import translation

from .api import api


def served(view):
    """Serve an API view:

    - messages in the language of the request's Accept-Language, and in English when it has
      none (a program, unlike a browser, seldom says; the site's own default is Finnish);
    - HEAD answered as GET without the body (django-ninja answers only the methods it routes),
      with the GET's headers, Content-Length included."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        language = translation.get_language()
        if not request.META.get("HTTP_ACCEPT_LANGUAGE"):
            language = "en"
        head = request.method == "HEAD"
        if head:
            request.method = "GET"
        try:
            with translation.override(language):
                response = view(request, *args, **kwargs)
        finally:
            if head:
                request.method = "HEAD"
        response.headers.setdefault("Content-Language", language)
        if head and not response.streaming:
            response["Content-Length"] = str(len(response.content))
            response.content = b""
        return response

    return wrapped


app_name = api.urls_namespace
urlpatterns = [
    URLPattern(p.pattern, served(p.callback), p.default_args, p.name) for p in api.urls[0]
]
