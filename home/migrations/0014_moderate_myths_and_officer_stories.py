"""Myths and officer stories go through the same moderation workflow as pages: the workflow on the root
of the page tree, which Wagtail created ("Moderators approval", a task for the Moderators group).
Existing items stay live."""

from django.db import migrations

from home import roles

WORKFLOW_NAME = "Moderators approval"
MODELS = ["myth", "officerstory"]


def assign_workflow(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    ContentType = apps.get_model("contenttypes", "ContentType")
    on_root = WorkflowPage.objects.filter(page__depth=1, workflow__active=True).first()
    workflow = on_root.workflow if on_root else Workflow.objects.filter(name=WORKFLOW_NAME, active=True).first()
    if workflow is None:
        return
    for model in MODELS:
        content_type, _created = ContentType.objects.get_or_create(app_label="home", model=model)
        WorkflowContentType.objects.get_or_create(content_type=content_type, defaults={"workflow": workflow})


def grant_publishing(apps, schema_editor):
    """Moderators publish and unlock (Wagtail's publish and unlock permissions for draft-state snippets);
    editors may lock an item while they work on it, and only submit it."""
    for model in MODELS:
        roles.grant_model_permissions(apps, roles.MODERATORS, "home", model, ["publish", "lock", "unlock"])
        roles.grant_model_permissions(apps, roles.EDITORS, "home", model, ["lock"])


def unassign_workflow(apps, schema_editor):
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    WorkflowContentType.objects.filter(content_type__app_label="home", content_type__model__in=MODELS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0013_moderated_myths_and_officer_stories"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [
        migrations.RunPython(assign_workflow, unassign_workflow),
        migrations.RunPython(grant_publishing, migrations.RunPython.noop),
    ]
