"""Indexes for the support queue at 100,000 records (measurements in docs/performance.md).

B-tree indexes for the filters the team combines with the default newest-first order, and for sorting by
next contact. On PostgreSQL, trigram indexes as well, so the queue's search (``icontains`` on reference,
other references, name, email and phone, which Django writes as ``UPPER(col::text) LIKE UPPER('%term%')``)
reads an index instead of the whole table. The trigram indexes match that expression exactly; they are not
in the model state because SQLite cannot build them, and the queue works without them, only slower.
"""

from django.conf import settings
from django.db import migrations, models

SEARCHED_COLUMNS = ["reference", "other_references", "name", "email", "phone"]
TABLE = "positive_action_supportrequest"


def trigram_index_name(column):
    return f"pa_queue_search_{column}_trgm"


def add_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for column in SEARCHED_COLUMNS:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {trigram_index_name(column)} ON {TABLE} "
            f"USING gin (UPPER({column}::text) gin_trgm_ops)"
        )


def remove_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for column in SEARCHED_COLUMNS:
        schema_editor.execute(f"DROP INDEX IF EXISTS {trigram_index_name(column)}")


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0006_menus_logo_social_links"),
        ("positive_action", "0002_queue_permissions"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name="supportrequest",
            index=models.Index(fields=["needs_spam_review", "created", "id"], name="pa_queue_order_idx"),
        ),
        migrations.AddIndex(
            model_name="supportrequest",
            index=models.Index(fields=["stage", "created"], name="pa_queue_stage_idx"),
        ),
        migrations.AddIndex(
            model_name="supportrequest",
            index=models.Index(fields=["owner", "created"], name="pa_queue_owner_idx"),
        ),
        migrations.AddIndex(
            model_name="supportrequest",
            index=models.Index(fields=["borough", "created"], name="pa_queue_borough_idx"),
        ),
        migrations.AddIndex(
            model_name="supportrequest",
            index=models.Index(fields=["next_contact_date"], name="pa_queue_next_contact_idx"),
        ),
        migrations.RunPython(add_trigram_indexes, remove_trigram_indexes, elidable=False),
    ]
