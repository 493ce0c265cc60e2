"""Gives every existing myth and officer story a translation key and the default (English) locale, the
middle step of Wagtail's three-step pattern for making an existing model translatable."""

from django.db import migrations
from wagtail.models import BootstrapTranslatableModel


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0016_translatable_myths_and_stories_bootstrap"),
        ("home", "0015_locales_for_site_languages"),
    ]

    operations = [
        BootstrapTranslatableModel("home.Myth"),
        BootstrapTranslatableModel("home.OfficerStory"),
    ]
