"""`manage.py make_synthetic_records`: fill a test or benchmark database with synthetic support requests."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from recruitment_site.devtools.synthetic import (
    SYNTHETIC_DOMAIN,
    clear_synthetic_records,
    make_synthetic_records,
    synthetic_ambassadors,
    synthetic_support_requests,
)


def is_production():
    return settings.SETTINGS_MODULE.endswith(".production")


class Command(BaseCommand):
    help = (
        "Create synthetic support requests and ambassadors (emails @synthetic.invalid, references SY-...) "
        "up to the given counts, for load testing the queue. Running it again adds only what is missing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--support-requests", type=int, default=100_000)
        parser.add_argument("--ambassadors", type=int, default=500)
        parser.add_argument("--seed", type=int, default=7, help="the same seed gives the same records")
        parser.add_argument("--clear", action="store_true", help="delete all synthetic records first")
        parser.add_argument("--force", action="store_true", help="allow running under production settings")

    def handle(self, *args, support_requests, ambassadors, seed, clear, force, **options):
        if is_production() and not force:
            raise CommandError(
                "Refusing to add synthetic records under production settings; pass --force if you mean it."
            )
        if support_requests < 0 or ambassadors < 0:
            raise CommandError("Counts cannot be negative.")
        if clear:
            clear_synthetic_records()
            self.stdout.write(f"Deleted all records with emails @{SYNTHETIC_DOMAIN}.")
        added = make_synthetic_records(support_requests, ambassadors, seed=seed)
        self.stdout.write(
            f"Added {added['support_requests']} support requests and {added['ambassadors']} ambassadors; "
            f"now {synthetic_support_requests().count()} and {synthetic_ambassadors().count()} synthetic."
        )
