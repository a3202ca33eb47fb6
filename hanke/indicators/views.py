"""The progress page (targets against achieved numbers counted from the records) and the ESF+
participant indicator table with its CSV and Excel downloads. Thin views: the permission, the
period form, a selector, the template."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from hanke.core.views import signed_in_view
from hanke.events.permissions import can_view_progress
from hanke.projects.models import Project

from . import charts, exports, selectors
from .forms import PeriodForm


def _project(request, pk):
    project = get_object_or_404(Project.objects.select_related("implementer"), pk=pk)
    if not can_view_progress(request.user, project):
        raise PermissionDenied(_("You do not have access to this project's progress."))
    return project


@signed_in_view
def progress(request, pk):
    project = _project(request, pk)
    report = selectors.progress_report(project)
    return render(
        request,
        "indicators/progress.html",
        {
            "project": project,
            "section": "progress",
            "report": report,
            "chart": charts.cumulative_reach(report.months) if report.months else None,
        },
    )


def _period_form(request, project):
    start, end = selectors.default_period(project)
    data = request.GET if ("start" in request.GET or "end" in request.GET) else None
    return PeriodForm(data, default_start=start, default_end=end)


@signed_in_view
def esf(request, pk):
    project = _project(request, pk)
    form = _period_form(request, project)
    table = None
    if not form.is_bound or form.is_valid():
        start, end = form.period()
        table = selectors.esf_table(project, start=start, end=end)
    return render(request, "indicators/esf.html", _esf_context(project, form, table))


def _esf_context(project, form, table) -> dict:
    return {
        "project": project,
        "section": "progress",
        "form": form,
        "table": table,
        "columns": [label for _value, label in selectors.GENDER_COLUMNS],
    }


@signed_in_view
def esf_export(request, pk, fmt):
    project = _project(request, pk)
    if fmt not in ("csv", "xlsx"):
        raise Http404
    form = _period_form(request, project)
    if form.is_bound and not form.is_valid():
        context = _esf_context(project, form, table=None)
        return render(request, "indicators/esf.html", context, status=400)
    start, end = form.period()
    table = selectors.esf_table(project, start=start, end=end)
    if fmt == "csv":
        delimiter = exports.DELIMITERS.get(request.GET.get("delimiter", ""), ";")
        content, content_type = exports.esf_csv(table, delimiter), exports.CSV_CONTENT_TYPE
    else:
        content, content_type = exports.esf_xlsx(table), exports.XLSX_CONTENT_TYPE
    response = HttpResponse(content, content_type=content_type)
    filename = exports.esf_filename(project, start, end, fmt)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
