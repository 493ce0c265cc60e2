"""Erasure: a person's record and every trace of it go; the audit log keeps only that it happened.

What is removed: the record and what cascades from it (timeline, equality answers, referral attribution,
networks), its outbox emails, the task-queue rows that send them or mention the person, its submission
receipts, the audit entries about it, and any mention of the person's name, email or phone in other
audit entries (an export's search filter, say). What stays: one audit entry with the reference, who
erased it and when.

A submission held for spam review that the team deletes as spam goes the same way (``delete_as_spam``,
registered for the apps' ``DELETE_SPAM_HOOK``), its one remaining audit entry saying "Deleted as spam".
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.models import ModelLogEntry

from .people import identifiers_of, references_of
from .traces import emails_for, log_entries_about, receipts_for, scrub_log_mentions, task_rows_for

ERASED_ACTION = "data_protection.erased"
SPAM_DELETED_ACTION = "data_protection.deleted_as_spam"


def erase_records(records, user):
    """Erase several records of one person together: all of them or, on any error, none."""
    with transaction.atomic():
        return [erase_record(record, user) for record in records]


def erase_record(record, user):
    return remove_record(record, user, ERASED_ACTION)


def delete_as_spam(record, user):
    """A held submission the team judged to be spam: gone with every trace, like an erasure."""
    with transaction.atomic():
        return remove_record(record, user, SPAM_DELETED_ACTION)


def remove_record(record, user, action):
    """Delete the record and its traces, then write the one audit entry that says so."""
    content_type = ContentType.objects.get_for_model(record, for_concrete_model=False)
    pk, reference = record.pk, record.reference
    delete_record_and_traces(record)
    ModelLogEntry.objects.create(
        content_type=content_type,
        label=reference,
        object_id=str(pk),
        action=action,
        user=user,
        data={"reference": reference},
        timestamp=timezone.now(),
    )
    return reference


def delete_record_and_traces(record):
    references, needles = references_of(record), identifiers_of(record)
    deliveries = emails_for(references)
    task_rows_for(needles, deliveries.values_list("pk", flat=True)).delete()
    deliveries.delete()
    receipts_for(references).delete()
    log_entries_about(record).delete()
    scrub_log_mentions(needles)
    record.delete()
