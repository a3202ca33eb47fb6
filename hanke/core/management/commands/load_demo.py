from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import translation

from hanke.core.demo import (
    assessment,
    calls,
    finance,
    reference,
    seed_000,
    seed_001,
    seed_002,
    seed_003,
    users,
)
from hanke.core.demo.users import DEMO_PASSWORD, DEMO_USERS


class Command(BaseCommand):
    help = "Load the demo data: the four source documents, completely, and one demo user per role. Idempotent."

    def add_arguments(self, parser):
        parser.add_argument(
            "--quiet-users", action="store_true", help="Do not print the demo accounts."
        )

    @transaction.atomic
    def handle(self, *args, **options):
        with translation.override("fi"):
            ref = reference.load()
            demo_calls = calls.load(ref)
            seed_000.load(ref)
            seed_001.load(ref)
            seed_002.load(ref)
            seed_003.load(ref)
            users.load()
            assessment.load(demo_calls)
            finance.load()
        self.stdout.write(
            self.style.SUCCESS("Demo data loaded: 4 source documents (seeds 000–003).")
        )
        if not options["quiet_users"]:
            self.stdout.write(f"Demo accounts (password for all: {DEMO_PASSWORD}):")
            for username, role, *_rest in DEMO_USERS:
                self.stdout.write(f"  {username:<11} {role}")
