from django.db import migrations

from home import roles


def grant(apps, schema_editor):
    for model in ("myth", "officerstory"):
        roles.grant_model_permissions(apps, roles.EDITORS, "home", model, ["add", "change", "view"])
        roles.grant_model_permissions(apps, roles.MODERATORS, "home", model, ["add", "change", "delete", "view"])


class Migration(migrations.Migration):
    dependencies = [("home", "0007_content_library")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
