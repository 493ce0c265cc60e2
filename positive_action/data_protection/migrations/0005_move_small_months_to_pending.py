"""Counts folded one person at a time (before issue 16) brought to what retention now keeps.

A month whose counts hold fewer than five people goes back to the pending pool, to wait for more (or its
quarter or year) as answers of newly anonymised people do. Every month that stays is written again in
sorted order: the old rows' ids followed the order people were folded in, so the first person of a month
had their whole set of answers as consecutive ids. Earlier copies of the table (backups) still hold the old
rows; that is for the backup retention to end, not for this migration.
"""

from collections import defaultdict

from django.db import migrations

FOLD_AT = 5  # as retention.FOLD_AT when this was written; migrations do not import app code
RESPONDENTS = "_respondents"


def move_small_months_to_pending(apps, schema_editor):
    EqualityCount = apps.get_model("data_protection", "EqualityCount")
    PendingEqualityCount = apps.get_model("data_protection", "PendingEqualityCount")
    months = defaultdict(list)
    for row in EqualityCount.objects.all():
        months[row.month].append((row.question, row.answer, row.count))
    EqualityCount.objects.all().delete()
    for month, rows in sorted(months.items()):
        people = sum(count for question, _answer, count in rows if question == RESPONDENTS)
        model = EqualityCount if people >= FOLD_AT else PendingEqualityCount
        model.objects.bulk_create(
            model(month=month, question=question, answer=answer, count=count)
            for question, answer, count in sorted(rows)
            if count
        )


class Migration(migrations.Migration):
    dependencies = [("data_protection", "0004_pending_equality_pool")]

    operations = [migrations.RunPython(move_small_months_to_pending, migrations.RunPython.noop)]
