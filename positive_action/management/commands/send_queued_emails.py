from django.core.management.base import BaseCommand

from positive_action.outbox import retry_due_emails


class Command(BaseCommand):
    help = "Enqueue every outbox email that is due (after an SMTP failure or a worker crash)."

    def handle(self, *args, **options):
        count = retry_due_emails()
        self.stdout.write(f"Enqueued {count} email(s).")
