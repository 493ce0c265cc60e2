import smtplib
from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.db import connection, transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from positive_action import outbox
from positive_action.models import EmailDelivery

pytestmark = pytest.mark.django_db


def queue(**overrides):
    fields = {
        "reference": "PA-7KQ4M2",
        "recipient": "person@example.org",
        "subject": "Your reference",
        "body": "Hello",
        "kind": "confirmation",
    }
    return outbox.queue_email(**{**fields, **overrides})


def smtp_down():
    return mock.patch(
        "django.core.mail.backends.locmem.EmailBackend.send_messages",
        side_effect=smtplib.SMTPServerDisconnected("Connection unexpectedly closed"),
    )


def test_email_is_sent_once_after_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            delivery = queue()
            assert mail.outbox == []

    delivery.refresh_from_db()
    assert delivery.status == EmailDelivery.Status.SENT
    assert delivery.sent_at is not None
    assert [message.to for message in mail.outbox] == [["person@example.org"]]


def test_rolled_back_transaction_leaves_no_email(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError):
            with transaction.atomic():
                queue()
                raise RuntimeError("the record could not be saved")

    assert EmailDelivery.objects.count() == 0
    assert mail.outbox == []


def test_sending_again_never_sends_twice(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        delivery = queue()

    assert outbox.deliver(delivery.pk) == "skipped"
    outbox.retry_due_emails()
    assert len(mail.outbox) == 1


def test_smtp_down_keeps_email_queued_then_delivers_once_when_back(django_capture_on_commit_callbacks):
    with smtp_down(), django_capture_on_commit_callbacks(execute=True):
        delivery = queue()

    delivery.refresh_from_db()
    assert delivery.status == EmailDelivery.Status.QUEUED
    assert delivery.attempts == 1
    assert "SMTPServerDisconnected" in delivery.last_error
    assert delivery.next_attempt_at > timezone.now()
    assert mail.outbox == []

    assert outbox.retry_due_emails() == 0  # not due yet: backoff
    later = timezone.now() + timedelta(minutes=2)
    with mock.patch("django.utils.timezone.now", return_value=later):
        assert outbox.retry_due_emails(now=later) == 1
        outbox.retry_due_emails(now=later)

    delivery.refresh_from_db()
    assert delivery.status == EmailDelivery.Status.SENT
    assert delivery.attempts == 2
    assert len(mail.outbox) == 1


def test_backoff_grows_and_is_capped():
    assert outbox.backoff(1) == timedelta(minutes=1)
    assert outbox.backoff(2) == timedelta(minutes=2)
    assert outbox.backoff(4) == timedelta(minutes=8)
    assert outbox.backoff(30) == timedelta(hours=6)


def test_gives_up_after_max_attempts_and_marks_failed(settings, django_capture_on_commit_callbacks):
    settings.EMAIL_OUTBOX_MAX_ATTEMPTS = 1
    with smtp_down(), django_capture_on_commit_callbacks(execute=True):
        delivery = queue()

    delivery.refresh_from_db()
    assert delivery.status == EmailDelivery.Status.FAILED
    assert delivery.next_attempt_at is None


def test_worker_killed_while_sending_is_offered_again_after_a_while():
    delivery = EmailDelivery.objects.create(
        reference="PA-7KQ4M2",
        recipient="person@example.org",
        subject="s",
        body="b",
        status=EmailDelivery.Status.SENDING,
        claimed_at=timezone.now() - timedelta(hours=1),
    )

    outbox.retry_due_emails()

    delivery.refresh_from_db()
    assert delivery.status == EmailDelivery.Status.SENT
    assert len(mail.outbox) == 1


def test_enqueue_failure_leaves_row_for_the_sweep(django_capture_on_commit_callbacks):
    queue_down = mock.patch(
        "django_tasks.backends.immediate.ImmediateBackend.enqueue", side_effect=RuntimeError("queue down")
    )
    with queue_down, django_capture_on_commit_callbacks(execute=True):
        delivery = queue()

    delivery.refresh_from_db()
    assert delivery.status == EmailDelivery.Status.QUEUED
    assert outbox.retry_due_emails() == 1
    assert len(mail.outbox) == 1


def test_message_id_is_stable_so_a_resend_can_be_recognised():
    delivery = EmailDelivery.objects.create(
        reference="PA-7KQ4M2", recipient="a@example.org", subject="s", body="b"
    )

    first = outbox.build_message(delivery).extra_headers["Message-ID"]
    second = outbox.build_message(delivery).extra_headers["Message-ID"]

    assert first == second
    assert "PA-7KQ4M2" in first


@pytest.fixture
def database_task_queue(settings):
    """The production task backend: tasks are rows in this database, picked up by `db_worker`."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_with_the_database_queue_the_task_row_commits_with_the_emails(
    database_task_queue, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        with transaction.atomic():
            queue()
            queue(recipient="team@example.org", kind="team notification")
            written_in_the_transaction = DBTaskResult.objects.count()

    assert written_in_the_transaction == 2
    assert callbacks == []
    assert EmailDelivery.objects.filter(status=EmailDelivery.Status.QUEUED).count() == 2
    assert mail.outbox == []


def test_with_the_database_queue_a_rolled_back_registration_leaves_no_task(database_task_queue):
    with pytest.raises(RuntimeError):
        with transaction.atomic():
            outbox.queue_emails(
                [{"reference": "PA-7KQ4M2", "recipient": "a@example.org", "subject": "s", "body": "b"}]
            )
            raise RuntimeError("the registration failed after its emails were queued")

    assert DBTaskResult.objects.count() == 0
    assert EmailDelivery.objects.count() == 0


def test_a_task_insert_that_fails_in_the_database_leaves_the_transaction_and_the_emails(
    database_task_queue, caplog
):
    def failing_insert(*args, **kwargs):
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO no_such_task_table VALUES (1)")

    with mock.patch("django_tasks_db.backend.DatabaseBackend.enqueue", side_effect=failing_insert):
        with transaction.atomic():
            outbox.queue_emails(
                [
                    {"reference": "PA-7KQ4M2", "recipient": "a@example.org", "subject": "s", "body": "b"},
                    {"reference": "PA-7KQ4M2", "recipient": "t@example.org", "subject": "s", "body": "b"},
                ]
            )
            still_usable = EmailDelivery.objects.count()

    assert still_usable == 2
    assert EmailDelivery.objects.filter(status=EmailDelivery.Status.QUEUED).count() == 2
    assert DBTaskResult.objects.count() == 0
    assert "Could not enqueue email deliveries" in caplog.text
