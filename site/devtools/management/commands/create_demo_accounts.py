from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from home import roles

DEMO_ACCOUNTS = [
    ("admin", None, "Superuser: everything"),
    ("editor", roles.EDITORS, "Writes pages and snippets, submits them for moderation"),
    ("moderator", roles.MODERATORS, "Reviews and publishes"),
    ("translator", roles.TRANSLATORS, "Edits translations only, submits them for moderation"),
    ("diversity", roles.DIVERSITY_TEAM, "Works the support and ambassador queues"),
    ("lead", roles.DIVERSITY_LEADS, "As the team, plus exports and equality reports"),
]


class Command(BaseCommand):
    help = "Create one demo account per role. Refuses unless the settings enable demo accounts (dev only)."

    def handle(self, *args, **options):
        if not settings.DEMO_ACCOUNTS_ENABLED or not settings.DEMO_ACCOUNTS_PASSWORD:
            raise CommandError(
                "Demo accounts are disabled by these settings; they exist in development only."
            )
        password = settings.DEMO_ACCOUNTS_PASSWORD
        for username, group_name, _description in DEMO_ACCOUNTS:
            self.ensure_account(username, group_name, password)
        self.stdout.write("Demo accounts (development only, no second factor):")
        for username, _, description in DEMO_ACCOUNTS:
            self.stdout.write(f"  {username:<10} {password:<20} {description}")

    def ensure_account(self, username, group_name, password):
        User = get_user_model()
        user, _ = User.objects.get_or_create(
            username=username,
            defaults={
                "email": f"{username}@example.org",
                "first_name": username.title(),
                "last_name": "Demo",
            },
        )
        user.is_staff = group_name is None
        user.is_superuser = group_name is None
        user.set_password(password)
        user.save()
        if group_name:
            user.groups.set([Group.objects.get(name=group_name)])
        return user
