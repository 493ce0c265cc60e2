# The ambassador record's shared fields take the names every public submission uses
# (recruitment_site.core.models.PublicSubmission). Renames keep every row and value.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("ambassadors_network", "0002_ambassador_permissions"),
    ]

    operations = [
        migrations.RenameField("ambassador", "created_at", "created"),
        migrations.RenameField("ambassador", "updated_at", "updated"),
        migrations.RenameField("ambassador", "spam_review_reason", "spam_reason"),
    ]
