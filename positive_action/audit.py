"""Audit-log helper: sensitive actions go to Wagtail's audit log (Reports > Site history) with who and when.

Register an app's action names once in its wagtail_hooks (``register_audit_actions``) and call
``audit(instance, "recruitment.support.view", request.user, filters=...)`` where the action happens.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

ACTIONS = {
    "recruitment.record_viewed": _("Viewed a personal record"),
    "recruitment.edit_viewed": _("Opened a personal record's edit form"),
    "recruitment.history_viewed": _("Viewed a personal record's history"),
    "recruitment.usage_viewed": _("Viewed where a personal record is used"),
    "recruitment.list_viewed": _("Viewed a list of people"),
    "recruitment.list_searched": _("Searched a list of people"),
    "recruitment.chooser_viewed": _("Listed people to choose from"),
    "recruitment.stage_changed": _("Changed stage"),
    "recruitment.owner_assigned": _("Assigned owner"),
    "recruitment.contact_logged": _("Logged a contact"),
    "recruitment.note_added": _("Added a note"),
    "recruitment.next_contact_set": _("Set next-contact date"),
    "recruitment.spam_released": _("Released from spam review"),
    "recruitment.exported": _("Exported personal data"),
    "recruitment.equality_report_viewed": _("Viewed the equality monitoring report"),
}


def register_audit_actions(actions, extra=None):
    for name, label in {**ACTIONS, **(extra or {})}.items():
        actions.register_action(name, label, label)


def audit(instance, action, user, **data):
    """Write one audit entry; ``data`` must never contain personal or equality data, only references,
    choices and filters. The label is the record's reference: Wagtail would use ``str(instance)``, which
    for some models has been the person's name."""
    return log(instance=instance, action=action, user=user, title=audit_label(instance), data=data)


def audit_label(instance):
    return getattr(instance, "reference", "") or str(instance)


# The object_id of an entry about a whole list rather than one record. Wagtail's reports (Site history,
# its export) look every entry's object_id up as a primary key of the entry's model to link to it; a
# word such as "list" made that lookup fail on an integer key, so the report answered 500 to everyone
# once an export had been logged. Auto-increment keys start at 1 on SQLite and PostgreSQL, so 0 names no
# record: the report shows the entry (its type, label and action) without a link, as it does for an
# erased record, and filtering by type still finds exports. Migration positive_action 0009 rewrote the
# entries written with "list".
LIST_OBJECT_ID = "0"


def audit_list(model, action, user, **data):
    """An audit entry about a whole list (an export, a report) rather than one record."""
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone
    from wagtail.models import ModelLogEntry

    return ModelLogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(model),
        label=str(model._meta.verbose_name_plural),
        object_id=LIST_OBJECT_ID,
        action=action,
        user=user,
        data=data,
        timestamp=timezone.now(),
    )
