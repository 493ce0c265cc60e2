"""The Diversity team and its leads write and keep the casework email templates."""

from django.db import migrations

from home.roles import DIVERSITY_LEADS, DIVERSITY_TEAM, get_group, get_permission

CODENAMES = [
    "add_caseworkemailtemplate",
    "change_caseworkemailtemplate",
    "delete_caseworkemailtemplate",
    "view_caseworkemailtemplate",
]


def grant(apps, schema_editor):
    for group_name in (DIVERSITY_TEAM, DIVERSITY_LEADS):
        group = get_group(apps, group_name)
        for codename in CODENAMES:
            group.permissions.add(get_permission(apps, "positive_action", "caseworkemailtemplate", codename))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name__in=[DIVERSITY_TEAM, DIVERSITY_LEADS]):
        group.permissions.remove(*group.permissions.filter(codename__in=CODENAMES))


class Migration(migrations.Migration):
    dependencies = [("positive_action", "0005_casework_email_templates")]

    operations = [migrations.RunPython(grant, revoke)]
