"""`manage.py import_documents PATH… [--accept] [--user USERNAME]`: read documents (files, or
directories searched recursively for *.html, *.htm, *.pdf, *.docx and *.txt) as one batch and print
what was extracted from each. The values wait for review on the officer's pages; with --accept
(trusted batches only) every extracted value is accepted and applied at once."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError

from hanke.imports.models import ImportDocument
from hanke.imports.services import (
    EXTENSIONS,
    batch_create,
    batch_process,
    document_accept_all,
    document_apply,
)


def _files(paths) -> list[Path]:
    found = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(
                p for p in sorted(path.rglob("*")) if p.is_file() and p.suffix.lower() in EXTENSIONS
            )
        elif path.is_file():
            found.append(path)
        else:
            raise CommandError(f"{raw}: no such file or directory")
    return found


class Command(BaseCommand):
    help = (
        "Import project documents (HTML, PDF, DOCX, text) for review, or apply them with --accept."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument(
            "--accept",
            action="store_true",
            help="Accept every extracted value and apply it (trusted batches only).",
        )
        parser.add_argument(
            "--user",
            help="The officer the batch is recorded for (default: the first superuser).",
        )

    def handle(self, *args, paths, accept, user=None, **options):
        User = get_user_model()
        if user:
            actor = User.objects.filter(username=user).first()
            if actor is None:
                raise CommandError(f"No user {user!r}.")
        else:
            actor = User.objects.filter(is_superuser=True, is_active=True).order_by("pk").first()
            if actor is None:
                raise CommandError("No superuser exists: give --user USERNAME (a funder officer).")
        files = _files(paths)
        if not files:
            raise CommandError("No documents found (*.html, *.htm, *.pdf, *.docx, *.txt).")
        contents = []
        for path in files:
            try:
                contents.append((str(path), path.read_bytes()))
            except OSError as error:
                raise CommandError(f"{path}: {error.strerror or error}") from None
        try:
            batch = batch_create(user=actor, files=contents, process=False)
        except (PermissionDenied, ValidationError) as error:
            raise CommandError(" ".join(getattr(error, "messages", [str(error)]))) from None
        batch = batch_process(batch)
        applied = failed = 0
        for document in batch.documents.all():
            if document.status == ImportDocument.Status.FAILED:
                failed += 1
                self.stdout.write(f"{document.filename}: ERROR {document.error}")
                continue
            values = list(document.values.all())
            fields = sorted({v.field for v in values})
            self.stdout.write(
                f"{document.filename}: {document.format}, {document.language}, "
                f"{len(values)} values ({', '.join(fields) or 'none'})"
            )
            if document.duplicate_kind:
                self.stdout.write(
                    f"  duplicate: {document.duplicate_kind} → "
                    f"{document.duplicate_of} (#{document.duplicate_of_id})"
                )
            if accept:
                try:
                    document_accept_all(user=actor, document=document)
                    project = document_apply(user=actor, document=document)
                except (PermissionDenied, ValidationError) as error:
                    failed += 1
                    messages = getattr(error, "messages", None) or [str(error)]
                    self.stdout.write(f"  not applied: {' '.join(messages)}")
                else:
                    applied += 1
                    self.stdout.write(f"  applied → project #{project.pk} {project}")
        summary = f"Batch {batch.pk}: {batch.total} documents, {failed} with errors"
        if accept:
            summary += f", {applied} applied"
        else:
            summary += "; review them on the import pages"
        self.stdout.write(summary + ".")
