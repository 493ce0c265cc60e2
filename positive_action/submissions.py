"""The double-submit guard for public forms: a one-time token in a hidden field.

The form page writes ``new_submission_token()`` into a hidden field. Processing the post calls
``claim_submission(token, scope)`` inside its transaction: the first post with a token gets a new
receipt and does the work; any repeat (refresh, double click, back-and-resubmit, a concurrent duplicate
post) finds the existing receipt and shows the same confirmation. The unique column makes this hold
across processes: a concurrent insert waits for the first transaction and then fails.
"""

import uuid

from django.db import IntegrityError, transaction

from .models import SubmissionReceipt
from .references import unique_reference

TOKEN_FIELD = "submission_token"


def new_submission_token():
    return str(uuid.uuid4())


def token_from(data):
    """The posted token as a UUID; a missing or malformed one (a bot, a stale page) gets a fresh one."""
    try:
        return uuid.UUID(str(data.get(TOKEN_FIELD, ""))[:64])
    except ValueError:
        return uuid.uuid4()


def claim_submission(token, scope):
    """(receipt, is_new). Call inside transaction.atomic(); fill in the receipt's references when new."""
    try:
        with transaction.atomic():
            return SubmissionReceipt.objects.create(token=token, scope=scope), True
    except IntegrityError:
        return SubmissionReceipt.objects.get(token=token), False


def new_record_reference(prefix, model):
    """A reference no record of ``model`` and no receipt (which keeps the references of joined
    submissions) already uses."""
    return unique_reference(
        prefix,
        lambda candidate: (
            model.objects.filter(reference=candidate).exists()
            or SubmissionReceipt.objects.filter(reference=candidate).exists()
        ),
    )


def add_other_reference(record, reference, updated_field):
    """A repeat submission joined to ``record`` keeps its own reference there, so staff can find it."""
    record.other_references = f"{record.other_references} {reference}".strip()[:500]
    record.save(update_fields=["other_references", updated_field])


def record_receipt(receipt, reference, record):
    receipt.reference, receipt.record_reference = reference, record.reference
    receipt.save(update_fields=["reference", "record_reference"])
