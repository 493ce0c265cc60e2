"""The diversity team works ambassador records; only its leads delete, export and see the report.

Editors and moderators get nothing here, so the menu is hidden from them and every URL gives 403.
"""

from django.db import migrations

from home import roles

TEAM_ACTIONS = ["change", "view"]
LEAD_ACTIONS = ["change", "view", "delete"]
LEAD_EXTRA_PERMISSIONS = [
    ("export_ambassador", "Can export the ambassador list"),
    ("view_ambassador_report", "Can see the ambassador network report"),
]


def grant(apps, schema_editor):
    roles.grant_model_permissions(apps, roles.DIVERSITY_TEAM, "ambassadors_network", "ambassador", TEAM_ACTIONS)
    roles.grant_model_permissions(apps, roles.DIVERSITY_LEADS, "ambassadors_network", "ambassador", LEAD_ACTIONS)
    leads = roles.get_group(apps, roles.DIVERSITY_LEADS)
    for codename, name in LEAD_EXTRA_PERMISSIONS:
        leads.permissions.add(roles.get_permission(apps, "ambassadors_network", "ambassador", codename, name))


class Migration(migrations.Migration):
    dependencies = [
        ("ambassadors_network", "0001_ambassadors"),
        ("home", "0002_staff_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
