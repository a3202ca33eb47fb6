from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


@never_cache
@require_GET
def healthz(request):
    """Liveness and database readiness for load balancers and monitoring."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def csrf_failure(request, reason=""):
    """A translated page in the house style instead of Django's technical CSRF page."""
    from django.shortcuts import render

    return render(request, "403_csrf.html", status=403)


def forbidden(request, message=None):
    """The 403 page with a message saying what the user may not do."""
    from django.shortcuts import render
    from django.utils.translation import gettext as _

    return render(
        request,
        "finance/forbidden.html",
        {"message": message or _("You do not have the rights to see or do this.")},
        status=403,
    )


def signed_in_view(view):
    """Signed-in users only: others go to the login page (an htmx request by a client-side
    redirect, so the login page does not land inside a form); PermissionDenied raised by the view
    gives the 403 page with its message."""
    from functools import wraps

    from django.contrib.auth.views import redirect_to_login
    from django.core.exceptions import PermissionDenied
    from django.urls import reverse
    from django_htmx.http import HttpResponseClientRedirect

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            if getattr(request, "htmx", False):
                return HttpResponseClientRedirect(
                    f"{reverse('accounts:login')}?next={request.get_full_path()}"
                )
            return redirect_to_login(request.get_full_path())
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied as exc:
            return forbidden(request, str(exc) if exc.args else None)

    return wrapper
