"""A task worker killed in the middle of sending an email: the email is neither lost nor sent twice.

These tests run the real `manage.py db_worker` in a separate process against the test database and a
local SMTP server, and kill it with SIGKILL (no clean-up code runs) while it waits for the mail server to
accept a message. The outbox row stays "sending"; once its lease runs out, the next worker's own sweep
offers it again and delivers it exactly once, with no cron job and no command run by hand, and marks the
dead worker's task failed instead of leaving it "running".
"""

import os

import pytest
from django.core.management import call_command

from positive_action.models import EmailDelivery

from .public_forms import REGISTRATION, post_form
from .workers import WAIT_SECONDS, all_sent, email_tasks, kill, no_task_left_running, wait_until

# serialized_rollback restores the root page that migrations create, which a transactional test flushes.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# The worker that finds a dead one's email: a lease short enough for a test to see it run out.
SHORT_LEASE = {"WORKER_EMAIL_SEND_LEASE_SECONDS": "2"}


def test_a_worker_killed_while_the_mail_server_has_not_yet_accepted_loses_and_duplicates_nothing(
    client, pages, database_tasks, smtp_sink, workers
):
    assert post_form(client, pages["registration"], REGISTRATION).status_code == 302
    emails = EmailDelivery.objects.count()
    assert emails >= 1 and email_tasks().exists()

    smtp_sink.hold_answers()
    first_worker = workers.start()
    assert smtp_sink.message_arrived.wait(WAIT_SECONDS), "the worker never reached the mail server"
    kill(first_worker)
    smtp_sink.release()
    wait_until(lambda: smtp_sink.discarded == 1, "the mail server to notice the sender had gone")

    assert smtp_sink.delivered == []
    in_flight = EmailDelivery.objects.get(status=EmailDelivery.Status.SENDING)

    # Nothing but the next worker: its sweep offers the row again once the lease has run out.
    second_worker = workers.start(**SHORT_LEASE)
    wait_until(all_sent, "every email to be sent", workers=workers)
    wait_until(no_task_left_running, "the dead worker's task to be marked failed", workers=workers)
    # A late sweep and the duplicate tasks it created must not send anything again.
    call_command("send_queued_emails", stdout=open(os.devnull, "w"))  # noqa: SIM115
    wait_until(lambda: not email_tasks().ready().exists(), "the queue to drain")
    kill(second_worker)

    message_ids = smtp_sink.message_ids()
    assert len(message_ids) == emails, "each email exactly once"
    assert len(set(message_ids)) == emails
    assert f"<outbox-{in_flight.pk}-{in_flight.reference}@" in " ".join(message_ids)
    assert REGISTRATION["email"] in smtp_sink.recipients()
    assert EmailDelivery.objects.get(pk=in_flight.pk).attempts == 1


def test_a_worker_killed_between_tasks_leaves_the_rest_for_the_next_worker(
    client, pages, database_tasks, smtp_sink, workers
):
    for number in range(3):
        person = {**REGISTRATION, "email": f"person{number}@example.org"}
        assert post_form(client, pages["registration"], person).status_code == 302
    emails = EmailDelivery.objects.count()

    # The first email is accepted; the worker is killed while it waits for the answer to the next one,
    # so it dies after finishing one email and before finishing another. (Killing it the moment the
    # first email arrives could land between the server's "accepted" and the row being marked sent:
    # that window is the one place a resend is possible, and the stable Message-ID is what lets the
    # receiving server recognise it.)
    smtp_sink.hold_answers_after(1)
    first_worker = workers.start()
    assert smtp_sink.answer_held.wait(WAIT_SECONDS), "the worker never reached a second email"
    kill(first_worker)
    smtp_sink.release()
    wait_until(lambda: smtp_sink.discarded == 1, "the mail server to notice the sender had gone")
    assert EmailDelivery.objects.filter(status=EmailDelivery.Status.SENT).count() == 1
    second_worker = workers.start(**SHORT_LEASE)
    wait_until(all_sent, "every email to be sent", workers=workers)
    wait_until(no_task_left_running, "the dead worker's task to be marked failed", workers=workers)
    kill(second_worker)

    message_ids = smtp_sink.message_ids()
    assert len(message_ids) == len(set(message_ids)) == emails
    assert {f"person{number}@example.org" for number in range(3)} <= set(smtp_sink.recipients())
