"""`manage.py issue_enrolment_link <username>`: print a one-time two-step sign-in enrolment link.

For the first superuser, who has no administrator above them to issue one in the admin, and for operators
who prefer the shell. The issue is audit-logged with no acting user (the shell has none).
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp import user_has_device

from home.two_factor_enrolment import LINK_MAX_AGE, issue_link


class Command(BaseCommand):
    help = "Print a one-time link with which a member of staff sets up two-step sign-in."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = get_user_model().objects.filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(f"No active user named {username!r}.")
        if user_has_device(user):
            raise CommandError(f"{username} already has an authenticator app set up.")
        link = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + issue_link(user)
        hours = int(LINK_MAX_AGE.total_seconds() // 3600)
        self.stdout.write(link)
        self.stderr.write(
            f"Send it to {username} by another channel than their password; it works once, for {hours} hours."
        )
