"""A task worker killed in the middle of sending an email: the email is neither lost nor sent twice.

These tests run the real `manage.py db_worker` in a separate process against the test database and a
local SMTP server, and kill it with SIGKILL (no clean-up code runs) while it waits for the mail server to
accept a message. The outbox row stays "sending"; after the sweep's stuck-row timeout it is offered
again and a new worker delivers it exactly once.
"""

import os
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from positive_action.models import EmailDelivery
from positive_action.outbox import STUCK_AFTER
from tests.smtp_sink import SMTPSink

from .public_forms import REGISTRATION, post_form

# serialized_rollback restores the root page that migrations create, which a transactional test flushes.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ROOT = Path(__file__).resolve().parents[2]
WAIT_SECONDS = 60


@pytest.fixture
def smtp_sink():
    with SMTPSink() as sink:
        yield sink


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def start_worker(smtp_sink):
    workers = []

    def start():
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.reliability.worker_settings",
            "WORKER_TEST_DATABASE": str(connection.settings_dict["NAME"]),
            "WORKER_SMTP_PORT": str(smtp_sink.port),
        }
        command = [sys.executable, "manage.py", "db_worker", "--no-startup-delay", "--interval", "0.1"]
        worker = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        workers.append(worker)
        return worker

    yield start
    for worker in workers:
        if worker.poll() is None:
            worker.kill()
        worker.wait(timeout=WAIT_SECONDS)


def wait_until(condition, what):
    deadline = time.monotonic() + WAIT_SECONDS
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.1)


def email_tasks():
    # send_email_delivery for one email, send_email_deliveries for a registration's several
    return DBTaskResult.objects.filter(task_path__contains="outbox.send_email_deliver")


def all_sent():
    return not EmailDelivery.objects.exclude(status=EmailDelivery.Status.SENT).exists()


def kill(worker):
    worker.send_signal(signal.SIGKILL)
    worker.wait(timeout=WAIT_SECONDS)


def time_passes_beyond_the_stuck_timeout():
    """What a quarter of an hour does to the rows a dead worker held (the sweep's STUCK_AFTER)."""
    EmailDelivery.objects.filter(status=EmailDelivery.Status.SENDING).update(
        claimed_at=timezone.now() - STUCK_AFTER - timedelta(seconds=1)
    )


def test_a_worker_killed_while_the_mail_server_has_not_yet_accepted_loses_and_duplicates_nothing(
    client, pages, database_tasks, smtp_sink, start_worker
):
    assert post_form(client, pages["registration"], REGISTRATION).status_code == 302
    emails = EmailDelivery.objects.count()
    assert emails >= 1 and email_tasks().exists()

    smtp_sink.hold_answers()
    first_worker = start_worker()
    assert smtp_sink.message_arrived.wait(WAIT_SECONDS), "the worker never reached the mail server"
    kill(first_worker)
    smtp_sink.release()
    wait_until(lambda: smtp_sink.discarded == 1, "the mail server to notice the sender had gone")

    assert smtp_sink.delivered == []
    in_flight = EmailDelivery.objects.get(status=EmailDelivery.Status.SENDING)

    # The sweep leaves the row alone while its worker might still be alive...
    call_command("send_queued_emails", stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert EmailDelivery.objects.get(pk=in_flight.pk).status == EmailDelivery.Status.SENDING
    # ...and offers it again once the stuck timeout has passed.
    time_passes_beyond_the_stuck_timeout()
    call_command("send_queued_emails", stdout=open(os.devnull, "w"))  # noqa: SIM115
    second_worker = start_worker()
    wait_until(all_sent, "every email to be sent")
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
    client, pages, database_tasks, smtp_sink, start_worker
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
    first_worker = start_worker()
    assert smtp_sink.answer_held.wait(WAIT_SECONDS), "the worker never reached a second email"
    kill(first_worker)
    smtp_sink.release()
    wait_until(lambda: smtp_sink.discarded == 1, "the mail server to notice the sender had gone")
    assert EmailDelivery.objects.filter(status=EmailDelivery.Status.SENT).count() == 1
    time_passes_beyond_the_stuck_timeout()
    call_command("send_queued_emails", stdout=open(os.devnull, "w"))  # noqa: SIM115
    second_worker = start_worker()
    wait_until(all_sent, "every email to be sent")
    kill(second_worker)

    message_ids = smtp_sink.message_ids()
    assert len(message_ids) == len(set(message_ids)) == emails
    assert {f"person{number}@example.org" for number in range(3)} <= set(smtp_sink.recipients())
