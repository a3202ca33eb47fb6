"""`manage.py import_dataset PATH [--format kohesio|eura] [--dry-run]`: import a Kohesio CSV or
a EURA 2021 public search export (XLSX or CSV) and print the summary. A file that cannot be
read at all ends with a clear message and exit code 1, never a traceback."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from hanke.imports.datasets import FORMATS, DatasetError, dataset_import


class Command(BaseCommand):
    help = "Import a Kohesio CSV or a EURA 2021 public export (XLSX or CSV) into projects."

    def add_arguments(self, parser):
        parser.add_argument("path", help="The file to import.")
        parser.add_argument(
            "--format",
            choices=FORMATS,
            help="kohesio or eura; guessed from the header row when not given.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Read and check everything, save nothing."
        )

    def handle(self, *args, path, format=None, dry_run=False, **options):
        file = Path(path)
        if not file.is_file():
            raise CommandError(_("No such file: %(path)s") % {"path": path})
        try:
            summary = dataset_import(
                file, filename=file.name, format_=format, user=None, dry_run=dry_run
            )
        except DatasetError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(summary.as_text())
