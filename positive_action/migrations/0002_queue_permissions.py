"""The Diversity team works the queue; Diversity leads also export, see equality counts and edit the
service settings. Editors and Moderators get nothing here, so the queue is closed to them."""

from django.db import migrations

from home.roles import DIVERSITY_LEADS, DIVERSITY_TEAM, get_group, get_permission

TEAM_PERMISSIONS = [
    ("supportrequest", "view_supportrequest"),
    ("supportrequest", "change_supportrequest"),
    ("supportrequest", "delete_supportrequest"),
]
LEAD_PERMISSIONS = TEAM_PERMISSIONS + [
    ("supportrequest", "export_supportrequest"),
    ("supportrequest", "view_equality_report"),
    ("supportsettings", "change_supportsettings"),
]


def grant(apps, schema_editor):
    for group_name, permissions in ((DIVERSITY_TEAM, TEAM_PERMISSIONS), (DIVERSITY_LEADS, LEAD_PERMISSIONS)):
        group = get_group(apps, group_name)
        for model, codename in permissions:
            group.permissions.add(get_permission(apps, "positive_action", model, codename))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name__in=[DIVERSITY_TEAM, DIVERSITY_LEADS]):
        group.permissions.remove(*group.permissions.filter(content_type__app_label="positive_action"))


class Migration(migrations.Migration):
    dependencies = [
        ("positive_action", "0001_support_queue"),
        ("home", "0002_staff_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
