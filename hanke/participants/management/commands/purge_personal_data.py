"""Erase participants' personal data past the retention period. Run it daily (cron or a
scheduled task); it is idempotent."""

from django.core.management.base import BaseCommand

from hanke.participants.services import personal_data_purge, retention_days


class Command(BaseCommand):
    help = "Erase participants' personal data whose retention period has ended."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Only count who would be erased."
        )

    def handle(self, *args, dry_run=False, **options):
        count = personal_data_purge(dry_run=dry_run)
        verb = "would be erased" if dry_run else "erased"
        self.stdout.write(
            f"{count} participant(s) past the retention period of {retention_days()} days {verb}."
        )
