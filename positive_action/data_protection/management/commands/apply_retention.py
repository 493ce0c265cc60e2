"""Anonymise what has been kept past its retention period. Run daily (docs/data-protection.md)."""

from django.core.management.base import BaseCommand

from positive_action.data_protection.retention import apply_retention, plan_retention


class Command(BaseCommand):
    help = "Anonymise finished records past their retention period; list spam holds awaiting review."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="List what would change; change nothing.")

    def handle(self, *args, dry_run=False, **options):
        plan = plan_retention()
        # References only: this output goes to cron mail and logs.
        verb = "Would" if dry_run else "Will"
        for label, records in plan.sections():
            for record in records:
                self.stdout.write(f"{verb} {label.lower()} {record.reference}")
        for record in plan.holds_awaiting_review:
            self.stdout.write(
                f"Held for spam review since {record.created:%Y-%m-%d %H:%M}, waiting for someone to check: {record.reference}"
            )
        if dry_run:
            self.stdout.write(self.summary(plan, "Dry run, nothing changed"))
            return
        apply_retention(plan)
        self.stdout.write(self.style.SUCCESS(self.summary(plan, "Done")))

    def summary(self, plan, prefix):
        counts = ", ".join(f"{len(records)} × {label.lower()}" for label, records in plan.sections())
        return f"{prefix}: {counts}."
