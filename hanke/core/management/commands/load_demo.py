from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings
from django.utils import translation

from hanke.core.demo import (
    assessment,
    calls,
    demo_project,
    finance,
    reference,
    seed_000,
    seed_001,
    seed_002,
    seed_003,
    users,
)
from hanke.core.demo.users import DEMO_PASSWORD, DEMO_USERS

# The DEMO project's people register through the real services, which e-mail them once the
# transaction commits. Their addresses are @example.invalid; no message is even attempted.
NO_EMAIL = "django.core.mail.backends.dummy.EmailBackend"


class Command(BaseCommand):
    help = (
        "Load the demo data: the four source documents, completely, one demo user per role and a "
        "clearly labelled DEMO project with dates relative to today. Idempotent; sends no e-mail."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--quiet-users", action="store_true", help="Do not print the demo accounts."
        )

    def handle(self, *args, **options):
        with (
            override_settings(EMAIL_BACKEND=NO_EMAIL),
            transaction.atomic(),
            translation.override("fi"),
        ):
            ref = reference.load()
            demo_calls = calls.load(ref)
            seed_000.load(ref)
            seed_001.load(ref)
            seed_002.load(ref)
            seed_003.load(ref)
            users.load()
            assessment.load(demo_calls)
            finance.load()
            demo = demo_project.load(ref)
        self.stdout.write(
            self.style.SUCCESS("Demo data loaded: 4 source documents (seeds 000–003).")
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"DEMO project for trying the product (invented, dates relative to today): "
                f"{demo.name_fi}"
            )
        )
        if not options["quiet_users"]:
            self.stdout.write(f"Demo accounts (password for all: {DEMO_PASSWORD}):")
            for username, role, *_rest in DEMO_USERS:
                self.stdout.write(f"  {username:<11} {role}")
