"""The double-submit guard for public forms: a one-time token in a hidden field.

The form page writes ``new_submission_token()`` into a hidden field. Processing the post calls
``claim_submission(token, scope)`` inside its transaction: the first post with a token gets a new
receipt and does the work; any repeat (refresh, double click, back-and-resubmit, a concurrent duplicate
post) finds the existing receipt and shows the same confirmation. The unique column makes this hold
across processes: a concurrent insert waits for the first transaction, then inserts nothing.
"""

import uuid

from django.db import connection
from django.utils import timezone

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


def claim_submission(token, scope, reference=""):
    """(receipt, is_new). Call inside transaction.atomic(). A caller that already knows the reference it
    will show passes it, and ``record_receipt`` then writes nothing unless the record's reference differs."""
    receipt = SubmissionReceipt(
        token=token, scope=scope, reference=reference, record_reference=reference, created=timezone.now()
    )
    receipt.pk = insert_unless_claimed(receipt)
    if receipt.pk is None:
        return SubmissionReceipt.objects.get(token=token), False
    return receipt, True


RECEIPT_COLUMNS = ("token", "scope", "reference", "record_reference", "created")


def insert_unless_claimed(receipt):
    """The new row's id, or None when the token is already claimed. One statement (INSERT … ON CONFLICT
    DO NOTHING, on PostgreSQL and SQLite) instead of a savepoint around an insert that may fail: three
    round trips fewer on every registration, with the same guarantee from the unique column."""
    meta, quote = SubmissionReceipt._meta, connection.ops.quote_name
    fields = [meta.get_field(name) for name in RECEIPT_COLUMNS]
    params = [field.get_db_prep_save(getattr(receipt, field.attname), connection) for field in fields]
    sql = (
        f"INSERT INTO {quote(meta.db_table)} ({', '.join(quote(field.column) for field in fields)}) "
        f"VALUES ({', '.join(['%s'] * len(fields))}) "
        f"ON CONFLICT ({quote(meta.get_field('token').column)}) DO NOTHING RETURNING {quote(meta.pk.column)}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    return row[0] if row else None


def new_record_reference(prefix, model):
    """A reference no record of ``model`` and no receipt (which keeps the references of joined
    submissions) already uses."""

    def is_taken(candidate):
        # One query for both tables: this runs on every registration.
        records = model.objects.filter(reference=candidate).values("reference")
        receipts = SubmissionReceipt.objects.filter(reference=candidate).values("reference")
        return records.union(receipts, all=True).exists()

    return unique_reference(prefix, is_taken)


def add_other_reference(record, reference, updated_field):
    """A repeat submission joined to ``record`` keeps its own reference there, so staff can find it."""
    record.other_references = f"{record.other_references} {reference}".strip()[:500]
    record.save(update_fields=["other_references", updated_field])


def record_receipt(receipt, reference, record):
    if (receipt.reference, receipt.record_reference) == (reference, record.reference):
        return
    receipt.reference, receipt.record_reference = reference, record.reference
    receipt.save(update_fields=["reference", "record_reference"])
