"""The open data API: one NinjaAPI under /api/v1/, its error answers, rate limit and docs page.

Every error is JSON `{"detail": "…", "errors": [{"parameter": "…", "message": "…"}]}`: 422 for
a wrong parameter (type, range, unknown id, a range whose end is before its start, a page past
the last), 404 for a record that doesn't exist or isn't public, 429 when the client has used its
rate (with `Retry-After`). Messages are in the language of the request's `Accept-Language`
(Finnish, Swedish or English; English without the header, see `urls.served`)."""

from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from ninja import NinjaAPI
from ninja.errors import Throttled, ValidationError
from ninja.openapi.docs import Swagger

from .params import MAX_PAGE_SIZE, ParameterError
from .throttling import AnonymousRateThrottle

DESCRIPTION = """
Public data of the projects in Hanke, for anyone: no account, no key. Read-only.

- **Texts** are objects `{"fi": …, "en": …, "sv": …}`, `null` where a language has no text;
  `original_language` tells which language a record was written in.
- **Coded values** are `{"code": …, "label": {"fi", "en", "sv"}}`.
- **Money** is a string with two decimals (`"510503.00"`), never a floating-point number.
- **Dates** are ISO 8601; times carry the Finnish offset (`2024-03-05T13:00:00+02:00`).
- **Paging**: `page` (from 1) and `page_size` (1–MAX, default 20); every list answers with
  `count`, `pages`, `next` and `previous`.
- **Project filters** are the project search page's: repeat a parameter for several values
  (`funds=1&funds=2`); values of one filter are alternatives, different filters all apply.
  `GET /projects/filters` lists the ids.
- **Errors** are JSON with `detail` and, for wrong parameters (422), one entry per parameter in
  `errors`. The language of the messages follows `Accept-Language` (English without it).
- **Rate limit**: anonymous use is limited per client address; over it the answer is 429 with
  `Retry-After` (seconds).
- Only published projects, and the events, news and organisations of published projects, are
  in the API; nothing about participants or other personal data.
""".replace("MAX", str(MAX_PAGE_SIZE))


class OfflineSwagger(Swagger):
    """Swagger UI from django-ninja's own static files (no CDN): works without internet access
    and under our Content Security Policy (no inline script or style; the settings are read from
    a JSON element by ninja's `swagger-ui-init.js`)."""

    template = "api/docs.html"


class HankeAPI(NinjaAPI):
    def get_openapi_operation_id(self, operation) -> str:
        """Plain operation ids (`project_list`), for client generators and links to the docs."""
        return operation.view_func.__name__


api = HankeAPI(
    title="Hanke open data API",
    version="1.0.0",
    description=DESCRIPTION,
    urls_namespace="api_v1",
    openapi_url="/openapi.json",
    docs_url="/docs",
    docs=OfflineSwagger(
        settings={
            # no badge from validator.swagger.io: nothing is loaded from elsewhere
            "validatorUrl": None,
            "defaultModelsExpandDepth": 0,
            "tryItOutEnabled": True,
        }
    ),
    throttle=[AnonymousRateThrottle()],
)


def error_response(request, status: int, detail: str, errors=()):
    return api.create_response(
        request,
        {"detail": detail, "errors": [{"parameter": p, "message": m} for p, m in errors]},
        status=status,
    )


def parameter_errors_response(request, errors: list[tuple[str, str]]):
    detail = " ".join(
        _("%(parameter)s: %(message)s") % {"parameter": p, "message": m} for p, m in errors
    )
    return error_response(request, 422, detail, errors)


# pydantic's error types -> our message (gettext, so it follows the request's language)
def _message(error: dict) -> str:
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if kind == "value_error":
        return str(ctx.get("error", error.get("msg", "")))
    if kind in {"int_parsing", "int_type", "int_from_float"}:
        return _("Give a whole number.")
    if kind in {"greater_than_equal", "greater_than"}:
        limit = ctx.get("ge", ctx.get("gt"))
        if limit == 0:
            return _("Give a number that is not negative.")
        return _("Give a number of at least %(limit)s.") % {"limit": limit}
    if kind in {"less_than_equal", "less_than"}:
        return _("Give a number of at most %(limit)s.") % {"limit": ctx.get("le", ctx.get("lt"))}
    if kind.startswith("date") or kind.startswith("datetime"):
        return _("Give the date as YEAR-MONTH-DAY, e.g. 2024-03-05.")
    if kind in {"decimal_parsing", "decimal_type", "finite_number"}:
        return _("Give an amount in euros, e.g. 250000 or 2500.50.")
    if kind == "decimal_max_places":
        return _("Give an amount with at most two decimals.")
    if kind in {"decimal_max_digits", "decimal_whole_digits"}:
        return _("The amount is too large.")
    if kind in {"literal_error", "enum"}:
        return _("Choose one of: %(choices)s.") % {"choices": ctx.get("expected", "")}
    if kind in {"bool_parsing", "bool_type"}:
        return _("Give true or false.")
    if kind == "string_too_long":
        return _("Give at most %(limit)s characters.") % {"limit": ctx.get("max_length")}
    if kind == "too_long":
        return _("Give at most %(limit)s values.") % {"limit": ctx.get("max_length")}
    if kind == "missing":
        return _("This parameter is required.")
    return str(error.get("msg", _("This value is not valid.")))


def _parameter(error: dict) -> str:
    """The parameter's name: the last name in pydantic's location (`("query", "page")`, or for
    a list `("query", "filters", "funds", 0)`)."""
    names = [part for part in error.get("loc", ()) if isinstance(part, str)]
    return names[-1] if names else ""


@api.exception_handler(ValidationError)
def on_validation_error(request, exc: ValidationError):
    errors, seen = [], set()
    for error in exc.errors:
        pair = (_parameter(error), _message(error))
        if pair not in seen:
            seen.add(pair)
            errors.append(pair)
    return parameter_errors_response(request, errors)


@api.exception_handler(ParameterError)
def on_parameter_error(request, exc: ParameterError):
    return parameter_errors_response(request, exc.errors)


class NotFound(Exception):
    def __init__(self, message: str):
        self.message = message
        super().__init__(message)


@api.exception_handler(NotFound)
def on_not_found(request, exc: NotFound):
    return error_response(request, 404, exc.message)


@api.exception_handler(Http404)
def on_http404(request, exc):
    return error_response(request, 404, _("Not found."))


@api.exception_handler(Throttled)
def on_throttled(request, exc: Throttled):
    # ninja adds the Retry-After header to this answer
    seconds = exc.wait or 1
    return error_response(
        request,
        429,
        ngettext(
            "Too many requests from your address. Wait %(seconds)s second and try again, or "
            "fetch more records per request with page_size.",
            "Too many requests from your address. Wait %(seconds)s seconds and try again, or "
            "fetch more records per request with page_size.",
            seconds,
        )
        % {"seconds": seconds},
    )


# the endpoints register themselves on `api`
from . import views  # noqa: E402, F401
