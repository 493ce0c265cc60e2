"""The durable email outbox: emails are rows written with the record, sent later by a task.

    with transaction.atomic():
        record = MyRecord.objects.create(...)
        queue_email(reference=record.reference, recipient=..., subject=..., body=..., kind="confirmation")

or ``queue_emails([dict(reference=..., recipient=..., ...), ...])`` for several at once: one INSERT for
the rows and one task for all of them, which is what a registration (confirmation and team notice) uses.
The rows commit or roll back with the record. A django-tasks task (database backend, run by
`manage.py db_worker`) sends them once they are committed: with the database backend the task is itself a
row, written in the same transaction, so workers see it exactly when they can see the emails and the
registration pays for one commit, not two; any other backend is handed the task after the commit.
Sending claims the row with a conditional UPDATE, so two workers or a re-enqueued task never send it
twice. When SMTP fails the row goes back to "queued" with a growing
delay (1, 2, 4 … minutes, at most 6 hours) and is retried, up to EMAIL_OUTBOX_MAX_ATTEMPTS; then it is
"failed" and shows as such on the record's timeline.

A claim is a lease of EMAIL_SEND_LEASE_SECONDS: a row still "sending" after its lease was held by a worker
that died (or lost the database) before it could record the outcome, and is offered again. The worker
sweeps the outbox itself (positive_action/worker.py): it re-offers expired leases and enqueues rows whose
task was lost, so no email depends on cron; `manage.py send_queued_emails` does the same by hand.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone
from django_tasks import task
from django_tasks_db.backend import DatabaseBackend

from .models.outbox import EmailDelivery

logger = logging.getLogger(__name__)

MAX_BACKOFF_SECONDS = 6 * 60 * 60
# A due row is given this long to be picked up by the task written with it before the worker's sweep
# decides that task was lost and enqueues another.
OVERDUE_AFTER = timedelta(seconds=30)


def queue_email(*, reference, recipient, subject, body, kind="", reply_to=""):
    """Write an email to the outbox in the caller's transaction; it is sent after the commit."""
    email = dict(reference=reference, recipient=recipient, subject=subject, body=body, kind=kind)
    return queue_emails([{**email, "reply_to": reply_to}])[0]


def queue_emails(emails):
    """Write several emails (dicts of queue_email's arguments) to the outbox in the caller's transaction,
    with one task that sends them all once they are committed (see the module docstring)."""
    deliveries = EmailDelivery.objects.bulk_create(
        EmailDelivery(**{**email, "subject": email["subject"][:255]}) for email in emails
    )
    ids = [delivery.pk for delivery in deliveries]
    if tasks_are_rows_in_this_database():
        enqueue_in_transaction(ids)
    else:
        transaction.on_commit(lambda: enqueue_deliveries(ids))
    return deliveries


def tasks_are_rows_in_this_database():
    return isinstance(send_email_deliveries.get_backend(), DatabaseBackend)


def enqueue_in_transaction(delivery_ids):
    try:
        # A savepoint, so that a failed task INSERT leaves the caller's transaction (the registration)
        # usable; the emails are still rows and the sweep sends them.
        with transaction.atomic():
            start_sending(delivery_ids)
    except Exception:  # noqa: BLE001 - the outbox rows are durable; log and let the sweep retry
        logger.exception("Could not enqueue email deliveries %s", delivery_ids)


def enqueue_deliveries(delivery_ids):
    try:
        start_sending(delivery_ids)
    except Exception:  # noqa: BLE001 - the outbox rows are durable; log and let the sweep retry
        logger.exception("Could not enqueue email deliveries %s", delivery_ids)


def start_sending(delivery_ids):
    if len(delivery_ids) == 1:
        send_email_delivery.enqueue(delivery_ids[0])
    else:
        send_email_deliveries.enqueue(delivery_ids)


def enqueue_delivery(delivery_id, run_after=None):
    """Hand the row to the task queue. If even that fails, the row is safe and the sweep finds it."""
    try:
        if run_after is not None:
            if not send_email_delivery.get_backend().supports_defer:
                return  # the sweep (send_queued_emails) retries it when it is due
            send_email_delivery.using(run_after=run_after).enqueue(delivery_id)
        else:
            send_email_delivery.enqueue(delivery_id)
    except Exception:  # noqa: BLE001 - the outbox row is durable; log and let the sweep retry
        logger.exception("Could not enqueue email delivery %s", delivery_id)


@task()
def send_email_delivery(delivery_id):
    return deliver(delivery_id)


@task()
def send_email_deliveries(delivery_ids):
    """Each email is claimed, sent and recorded on its own, so one failing leaves the others sent."""
    return [deliver(delivery_id) for delivery_id in delivery_ids]


def claim(delivery_id, now):
    """Atomically move a due row from queued to sending; False if someone else has it or it is done."""
    claimed = (
        EmailDelivery.objects.due(now)
        .filter(pk=delivery_id)
        .update(status=EmailDelivery.Status.SENDING, claimed_at=now)
    )
    return claimed == 1


def deliver(delivery_id):
    """Send one queued email once. Returns the row's status afterwards (or "skipped")."""
    now = timezone.now()
    if not claim(delivery_id, now):
        return "skipped"
    delivery = EmailDelivery.objects.get(pk=delivery_id)
    try:
        build_message(delivery).send(fail_silently=False)
    except Exception as error:  # noqa: BLE001 - every failure is recorded and retried
        return record_failure(delivery, error)
    EmailDelivery.objects.filter(pk=delivery.pk).update(
        status=EmailDelivery.Status.SENT,
        sent_at=timezone.now(),
        attempts=delivery.attempts + 1,
        last_error="",
    )
    return EmailDelivery.Status.SENT


def build_message(delivery):
    # A stable Message-ID lets mail servers and clients recognise a resend after a worker crash.
    domain = settings.DEFAULT_FROM_EMAIL.rpartition("@")[2] or "localhost"
    return EmailMessage(
        subject=delivery.subject,
        body=delivery.body,
        to=[delivery.recipient],
        reply_to=[delivery.reply_to] if delivery.reply_to else None,
        headers={"Message-ID": f"<outbox-{delivery.pk}-{delivery.reference}@{domain}>"},
    )


def backoff(attempts):
    return timedelta(seconds=min(60 * 2 ** max(attempts - 1, 0), MAX_BACKOFF_SECONDS))


def record_failure(delivery, error):
    attempts = delivery.attempts + 1
    gave_up = attempts >= settings.EMAIL_OUTBOX_MAX_ATTEMPTS
    next_attempt = None if gave_up else timezone.now() + backoff(attempts)
    status = EmailDelivery.Status.FAILED if gave_up else EmailDelivery.Status.QUEUED
    EmailDelivery.objects.filter(pk=delivery.pk).update(
        status=status,
        attempts=attempts,
        last_error=f"{type(error).__name__}: {error}"[:500],
        next_attempt_at=next_attempt,
        claimed_at=None,
    )
    logger.warning(
        "Email %s to the outbox failed (attempt %s): %s", delivery.pk, attempts, type(error).__name__
    )
    if not gave_up:
        enqueue_delivery(delivery.pk, run_after=next_attempt)
    return status


def send_lease():
    """How long a claim on a row lasts. Sending one email makes a few SMTP round trips, each bounded by
    EMAIL_TIMEOUT; a claim older than the lease belongs to a worker that is gone."""
    return timedelta(seconds=settings.EMAIL_SEND_LEASE_SECONDS)


def reoffer_expired_leases(now=None):
    """Rows left "sending" past their lease go back to the queue and are enqueued; returns how many."""
    now = now or timezone.now()
    expired = list(EmailDelivery.objects.lease_expired(now - send_lease()).values_list("pk", flat=True))
    EmailDelivery.objects.filter(pk__in=expired).lease_expired(now - send_lease()).update(
        status=EmailDelivery.Status.QUEUED, claimed_at=None
    )
    for delivery_id in expired:
        enqueue_delivery(delivery_id)
    return len(expired)


def enqueue_overdue_emails(now=None):
    """Enqueue queued rows that have been due for longer than OVERDUE_AFTER: their task was lost (the
    task INSERT failed, or the task failed with the database). Returns how many were enqueued."""
    now = now or timezone.now()
    overdue = list(EmailDelivery.objects.overdue(now - OVERDUE_AFTER).values_list("pk", flat=True))
    for delivery_id in overdue:
        enqueue_delivery(delivery_id)
    return len(overdue)


def retry_due_emails(now=None):
    """Re-offer expired leases and enqueue every due row (`manage.py send_queued_emails`); returns how
    many were enqueued. A duplicate task is harmless: sending claims the row first."""
    now = now or timezone.now()
    reoffered = reoffer_expired_leases(now)
    due = list(EmailDelivery.objects.due(now).values_list("pk", flat=True))
    for delivery_id in due:
        enqueue_delivery(delivery_id)
    return reoffered + len(due)


def oldest_unsent_email():
    """When the oldest email not yet sent (queued or sending, not given up) was written, or None."""
    return EmailDelivery.objects.unsent().oldest_created()
