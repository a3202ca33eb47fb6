"""The officer's document import pages: upload, a batch with its live progress, the review of one
document (value by value, next to its source) and applying it. Thin: the services write, the
selectors read, the permissions decide."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from hanke.core.views import signed_in_view

from . import permissions, selectors, services
from .forms import DecideForm, UploadForm
from .models import ExtractedValue, ImportBatch, ImportDocument


def _require(condition: bool, message: str | None = None) -> None:
    if not condition:
        raise PermissionDenied(message or _("Only a funder's officer can import documents."))


def _batch(request, pk) -> ImportBatch:
    batch = get_object_or_404(ImportBatch.objects.select_related("created_by"), pk=pk)
    _require(permissions.can_view_batch(request.user, batch))
    return batch


def _document(request, pk) -> ImportDocument:
    document = get_object_or_404(
        ImportDocument.objects.select_related("batch__created_by", "duplicate_of", "project"),
        pk=pk,
    )
    _require(permissions.can_review_document(request.user, document))
    return document


@signed_in_view
def upload(request):
    _require(permissions.can_import_documents(request.user))
    posted = request.method == "POST"
    form = UploadForm(request.POST, request.FILES) if posted else UploadForm()
    if posted and form.is_valid():
        files = [(f.name, f.read()) for f in form.cleaned_data["files"]]
        try:
            batch = services.batch_create(user=request.user, files=files)
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(
                request,
                ngettext(
                    "%(count)s document was queued for reading.",
                    "%(count)s documents were queued for reading.",
                    batch.total,
                )
                % {"count": batch.total},
            )
            return redirect("imports:batch", pk=batch.pk)
    return render(
        request,
        "imports/upload.html",
        {"form": form, "batches": selectors.batches_for(request.user)[:20]},
    )


def _batch_context(batch):
    return {"batch": batch, "documents": batch.documents.defer("data", "text")}


@signed_in_view
def batch(request, pk):
    return render(request, "imports/batch.html", _batch_context(_batch(request, pk)))


@signed_in_view
def batch_progress(request, pk):
    return render(request, "imports/partials/progress.html", _batch_context(_batch(request, pk)))


def _review_context(document, **extra):
    return {
        "document": document,
        "batch": document.batch,
        "rows": selectors.review_rows(document),
        "warnings": selectors.document_warnings(document) if document.is_open else [],
        **extra,
    }


@signed_in_view
def document(request, pk):
    return render(request, "imports/document.html", _review_context(_document(request, pk)))


@signed_in_view
@require_POST
def value_decide(request, pk):
    value = get_object_or_404(ExtractedValue.objects.select_related("document__batch"), pk=pk)
    document = _document(request, value.document_id)
    form = DecideForm(request.POST)
    error = None
    if form.is_valid():
        try:
            services.value_decide(
                user=request.user,
                value=value,
                decision=form.cleaned_data["decision"],
                edited=form.cleaned_data["edited"],
            )
        except ValidationError as exc:
            error = " ".join(exc.messages)
    else:
        error = _("Choose accept, edit or reject.")
    if error:
        messages.error(request, error)
        context = _review_context(document, error_value=value.pk, error_text=error)
        return render(request, "imports/document.html", context, status=400)
    return redirect(f"{document_url(document)}#value-{value.pk}")


def document_url(document) -> str:
    from django.urls import reverse

    return reverse("imports:document", kwargs={"pk": document.pk})


@signed_in_view
def document_apply(request, pk):
    document = _document(request, pk)
    if request.method == "POST":
        try:
            project = services.document_apply(user=request.user, document=document)
        except ValidationError as exc:
            return render(
                request,
                "imports/apply.html",
                {
                    **_review_context(document),
                    **selectors.apply_preview(document),
                    "errors": exc.messages,
                },
                status=400,
            )
        messages.success(
            request,
            _("The document was applied to “%(project)s”.") % {"project": project.display_name},
        )
        return redirect("imports:document", pk=document.pk)
    return render(
        request,
        "imports/apply.html",
        {**_review_context(document), **selectors.apply_preview(document)},
    )


@signed_in_view
@require_POST
def document_reject(request, pk):
    document = _document(request, pk)
    try:
        services.document_reject(user=request.user, document=document)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The document was rejected; nothing of it was imported."))
    return redirect("imports:document", pk=document.pk)
