"""Subject access and erasure: Diversity leads only. The team, editors and moderators get a 403."""

from django.db import migrations

from home.roles import DIVERSITY_LEADS, get_group, get_permission


def grant(apps, schema_editor):
    permission = get_permission(
        apps,
        "data_protection",
        "equalitycount",
        "handle_subject_requests",
        "Can download and erase everything held about a person",
    )
    get_group(apps, DIVERSITY_LEADS).permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("data_protection", "0001_equality_counts"),
        ("home", "0002_staff_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
