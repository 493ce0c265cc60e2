"""The places outside a record where a person's data can end up, and how to find and clear them there:
the email outbox, submission receipts, the django-tasks database queue and Wagtail's audit log."""

import json
import re

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django_tasks_db.models import DBTaskResult
from wagtail.models import ModelLogEntry

from positive_action.models import EmailDelivery, SubmissionReceipt

SEND_EMAIL_TASK = "positive_action.outbox.send_email_delivery"
SEND_EMAILS_TASK = "positive_action.outbox.send_email_deliveries"
REDACTED = "[erased]"


def emails_for(references):
    return EmailDelivery.objects.filter(reference__in=references)


def receipts_for(references):
    return SubmissionReceipt.objects.filter(Q(reference__in=references) | Q(record_reference__in=references))


def log_entries_about(record):
    content_type = ContentType.objects.get_for_model(record, for_concrete_model=False)
    return ModelLogEntry.objects.filter(content_type=content_type, object_id=str(record.pk))


def as_text(value):
    return json.dumps(value, ensure_ascii=False, default=str).lower()


def mentions(value, needles):
    text = as_text(value)
    return any(needle.lower() in text for needle in needles)


def redact(value, needles):
    """A copy of a JSON value with every identifier replaced, wherever it sits in strings, lists or dicts."""
    if isinstance(value, str):
        for needle in needles:
            value = re.sub(re.escape(needle), REDACTED, value, flags=re.IGNORECASE)
        return value
    if isinstance(value, list):
        return [redact(item, needles) for item in value]
    if isinstance(value, dict):
        return {key: redact(item, needles) for key, item in value.items()}
    return value


def personal_data_log_entries():
    """Audit entries on the models that hold personal data (records, lists, exports, searches)."""
    content_types = ContentType.objects.filter(
        Q(app_label__in=["positive_action", "ambassadors_network", "data_protection"])
    )
    return ModelLogEntry.objects.filter(content_type__in=content_types)


def scrub_log_mentions(needles):
    """Export and list entries keep their filters, which may hold a search for the person's name."""
    if not needles:
        return 0
    scrubbed = 0
    for entry in personal_data_log_entries().only("pk", "label", "data").iterator():
        if mentions([entry.label, entry.data], needles):
            entry.label = redact(entry.label, needles)[:255]
            entry.data = redact(entry.data, needles)
            entry.save(update_fields=["label", "data"])
            scrubbed += 1
    return scrubbed


def task_rows_for(needles, delivery_ids):
    """Queued or finished task rows that send one of these emails or mention the person anywhere."""
    delivery_ids = set(delivery_ids)
    matching = []
    rows = DBTaskResult.objects.values_list("pk", "task_path", "args_kwargs", "return_value", "traceback")
    for pk, task_path, args_kwargs, return_value, traceback in rows.iterator():
        sends_theirs = bool(sent_delivery_ids(task_path, args_kwargs) & delivery_ids)
        if sends_theirs or (needles and mentions([args_kwargs, return_value, traceback], needles)):
            matching.append(pk)
    return DBTaskResult.objects.filter(pk__in=matching)


def sent_delivery_ids(task_path, args_kwargs):
    """The outbox rows a task row sends: one id for send_email_delivery, a list for send_email_deliveries."""
    args = (args_kwargs or {}).get("args", [])
    if task_path == SEND_EMAIL_TASK:
        return set(args)
    if task_path == SEND_EMAILS_TASK and args:
        return set(args[0])
    return set()


def relabel_log_entries(record):
    """Audit entries keep the label they were written with (an ambassador's includes the name)."""
    return log_entries_about(record).update(label=record.reference)
