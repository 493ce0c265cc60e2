"""The Translators role (issue 18): edits translations of pages and snippets and submits them for
moderation; cannot edit the English originals, publish, or see personal data.

Page permissions: change and lock on each non-English language's home page, so on that language's
whole tree; a language's home page created later gets them from home.translation. Snippets: change,
view and lock on myths and officer stories, which TranslationsOnlyPolicy narrows to their translations.
Editors and Moderators get wagtail-localize's "submit translation", which also offers "Sync translated
pages", and Moderators clear the "needs native review" flag."""

from django.db import migrations

from home import roles

TRANSLATABLE_SNIPPETS = ["myth", "officerstory"]
PAGE_PERMISSIONS = ["change", "lock"]


def create_translators(apps, schema_editor):
    group = roles.get_group(apps, roles.TRANSLATORS)
    group.permissions.add(
        roles.get_permission(apps, "wagtailadmin", "admin", "access_admin", "Can access Wagtail admin")
    )
    for model in TRANSLATABLE_SNIPPETS:
        roles.grant_model_permissions(apps, roles.TRANSLATORS, "home", model, ["change", "view", "lock"])
    roles.grant_collection_permissions(apps, roles.TRANSLATORS, "wagtailimages", "image", ["choose"])

    Page = apps.get_model("wagtailcore", "Page")
    Locale = apps.get_model("wagtailcore", "Locale")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    english = Locale.objects.filter(language_code="en-gb").first()
    language_homes = Page.objects.filter(depth=2)
    if english is not None:
        language_homes = language_homes.exclude(locale=english)
    for page in language_homes:
        for permission_type in PAGE_PERMISSIONS:
            permission = roles.get_permission(apps, "wagtailcore", "page", f"{permission_type}_page")
            GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)

    for group_name in (roles.EDITORS, roles.MODERATORS):
        roles.get_group(apps, group_name).permissions.add(
            roles.get_permission(
                apps, "wagtail_localize", "translation", "submit_translation", "Can submit translations"
            )
        )
    roles.grant_model_permissions(apps, roles.MODERATORS, "home", "translationreviewflag", ["delete"])


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0019_translation_review_flags"),
        ("home", "0018_translatable_myths_and_stories"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(create_translators, migrations.RunPython.noop)]
