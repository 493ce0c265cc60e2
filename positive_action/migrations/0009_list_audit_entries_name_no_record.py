"""Audit entries about a whole list (exports, reports) used object_id "list", which Wagtail's Site history
could not load; they now use "0", which names no record (positive_action/audit.py, LIST_OBJECT_ID)."""

from django.db import migrations

OLD, NEW = "list", "0"


def forwards(apps, schema_editor):
    apps.get_model("wagtailcore", "ModelLogEntry").objects.filter(object_id=OLD).update(object_id=NEW)


def backwards(apps, schema_editor):
    # Nothing to undo: "0" was never the key of a record, and the old value broke the report.
    pass


class Migration(migrations.Migration):
    dependencies = [
        ("positive_action", "0008_worker_heartbeat"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
