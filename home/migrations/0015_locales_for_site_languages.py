"""A Locale row for each language the public site is published in (issue 18), so that every database,
tests' included, can hold translations without an administrator creating the locales first. The codes are
written out rather than read from recruitment_site.core.languages: a migration records the languages of its
day, and a later language gets its own migration."""

from django.db import migrations

LANGUAGE_CODES = ["en-gb", "bn", "ur", "so", "tr", "ku", "ta", "pl"]


def create_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    for code in LANGUAGE_CODES:
        Locale.objects.get_or_create(language_code=code)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0014_moderate_myths_and_officer_stories"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    # Left in place when migrating backwards: pages and snippets in a locale would go with it.
    operations = [migrations.RunPython(create_locales, migrations.RunPython.noop)]
