from django.core.management.base import BaseCommand

from hanke.portal import search


class Command(BaseCommand):
    help = "Rebuild the project search index from the projects' current texts."

    def handle(self, *args, **options):
        count = search.rebuild()
        self.stdout.write(f"Indexed {count} projects.")
