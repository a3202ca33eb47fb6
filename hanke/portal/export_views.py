"""Downloads of a project search as CSV and Excel (`exports`). The search comes from the same GET
parameters as the search page; `delimiter=semicolon|comma` chooses the CSV's separator."""

from django.http import FileResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from . import exports
from .forms import ProjectSearchForm, query_string


def _language() -> str:
    return (translation.get_language() or "fi")[:2]


def _bad_request(request, form, messages: list[str]):
    """The download is refused rather than made from a different search than the one asked for
    (the search page can show a bad filter next to its field and go on; a file cannot)."""
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        for error in errors:
            messages.append(f"{label}: {error}" if label else error)
    context = {"messages_list": messages, "filter_query": query_string(form.to_query())}
    return render(request, "portal/export_error.html", context, status=400)


def _search(request):
    """The search's form and the problems that stop a download (none: an empty list)."""
    params = request.GET.copy()
    params.pop("delimiter", None)
    form = ProjectSearchForm(params or None)
    problems = []
    if form.is_bound and not form.is_valid():
        problems.append(_("The search has values that are not valid, so no file was made."))
    return form, problems


def _attachment(response, extension: str):
    filename = exports.export_filename(extension, day=timezone.localdate())
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store"
    return response


@require_GET
def project_export_csv(request):
    """The search's projects as CSV, streamed as they are read from the database."""
    language = _language()
    form, problems = _search(request)
    choice = request.GET.get("delimiter") or exports.DEFAULT_DELIMITER.get(language, "semicolon")
    if choice not in exports.DELIMITERS:
        problems.append(
            _(
                "Choose the separator “semicolon” or “comma” (delimiter=semicolon or delimiter=comma)."
            )
        )
    if problems:
        return _bad_request(request, form, problems)
    rows = exports.project_export_rows(form.to_query(), language=language)
    response = StreamingHttpResponse(
        exports.csv_stream(rows, delimiter=exports.DELIMITERS[choice], language=language),
        content_type=exports.CSV_CONTENT_TYPE,
    )
    return _attachment(response, "csv")


@require_GET
def project_export_xlsx(request):
    """The search's projects as an Excel workbook, written to a temporary file and sent from it."""
    language = _language()
    form, problems = _search(request)
    if problems:
        return _bad_request(request, form, problems)
    rows = exports.project_export_rows(form.to_query(), language=language)
    response = FileResponse(
        exports.xlsx_file(rows, language=language), content_type=exports.XLSX_CONTENT_TYPE
    )
    return _attachment(response, "xlsx")
