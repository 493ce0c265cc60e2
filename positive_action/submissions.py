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
