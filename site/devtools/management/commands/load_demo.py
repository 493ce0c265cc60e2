from django.core.management.base import BaseCommand

from recruitment_site.devtools.demo import load_demo_content


class Command(BaseCommand):
    help = "Create the demo content that is missing. Safe to run again: existing content is left alone."

    def handle(self, *args, **options):
        home = load_demo_content()
        self.stdout.write(self.style.SUCCESS(f"Demo content ready under '{home.title}'."))
