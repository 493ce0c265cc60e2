from django.db import migrations

from home import roles


def create_roles(apps, schema_editor):
    for name in roles.ALL_ROLES:
        roles.get_group(apps, name).permissions.add(
            roles.get_permission(apps, "wagtailadmin", "admin", "access_admin", "Can access Wagtail admin")
        )

    # Editors write and submit for moderation; only Moderators publish.
    roles.grant_page_permissions(apps, roles.EDITORS, ["add", "change", "lock"])
    roles.revoke_page_permissions(apps, roles.EDITORS, ["publish", "bulk_delete", "unlock"])
    roles.grant_page_permissions(apps, roles.MODERATORS, ["add", "change", "publish", "lock", "unlock"])

    for group_name in (roles.EDITORS, roles.MODERATORS):
        roles.grant_collection_permissions(apps, group_name, "wagtailimages", "image", ["add", "change", "choose"])
        roles.grant_collection_permissions(
            apps, group_name, "wagtaildocs", "document", ["add", "change", "choose"]
        )
    roles.grant_collection_permissions(apps, roles.MODERATORS, "wagtailimages", "image", ["delete"])
    roles.grant_collection_permissions(apps, roles.MODERATORS, "wagtaildocs", "document", ["delete"])

    # Moderators look after the site-wide settings and redirects.
    roles.grant_model_permissions(apps, roles.MODERATORS, "home", "sitesettings", ["change"])
    roles.grant_model_permissions(
        apps, roles.MODERATORS, "wagtailredirects", "redirect", ["add", "change", "delete"]
    )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
