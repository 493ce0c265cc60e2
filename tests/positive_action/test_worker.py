"""The task worker's housekeeping (positive_action/worker.py): leases, lost tasks, stopped workers, and a
loop that waits out a database outage instead of exiting. The same behaviour with real processes, a real
outage and a killed worker is in tests/reliability/."""

from datetime import timedelta
from itertools import islice
from unittest import mock

import pytest
from django.db import OperationalError, ProgrammingError
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from positive_action import outbox, worker
from positive_action.models import EmailDelivery, WorkerHeartbeat

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def email(**fields):
    return EmailDelivery.objects.create(
        reference="PA-7KQ4M2", recipient="person@example.org", subject="Hello", body="Hello", **fields
    )


def tasks_for(delivery):
    return [task for task in DBTaskResult.objects.all() if task.args_kwargs["args"] == [delivery.pk]]


def test_an_email_past_its_lease_is_offered_again_and_one_within_it_is_left_alone(settings, database_tasks):
    settings.EMAIL_SEND_LEASE_SECONDS = 60
    now = timezone.now()
    abandoned = email(status=EmailDelivery.Status.SENDING, claimed_at=now - timedelta(seconds=61))
    in_hand = email(status=EmailDelivery.Status.SENDING, claimed_at=now - timedelta(seconds=59))

    worker.sweep(now)

    abandoned.refresh_from_db(), in_hand.refresh_from_db()
    assert abandoned.status == EmailDelivery.Status.QUEUED and abandoned.claimed_at is None
    assert len(tasks_for(abandoned)) == 1
    assert in_hand.status == EmailDelivery.Status.SENDING and tasks_for(in_hand) == []


def test_a_queued_email_whose_task_was_lost_is_enqueued_once_the_queue_is_clear(database_tasks):
    now = timezone.now()
    lost = email()
    EmailDelivery.objects.filter(pk=lost.pk).update(created=now - outbox.OVERDUE_AFTER - timedelta(seconds=1))
    fresh = email()
    waiting = outbox.send_email_delivery.enqueue(999_999)  # another email's task, not yet run

    worker.sweep(now)
    assert tasks_for(lost) == [], "while tasks wait, overdue rows may just be behind them"

    DBTaskResult.objects.filter(id=waiting.id).delete()
    worker.sweep(now)
    assert len(tasks_for(lost)) == 1
    assert tasks_for(fresh) == [], "a fresh row's own task is still on its way"


def test_a_retry_in_backoff_is_not_enqueued_before_it_is_due(database_tasks):
    now = timezone.now()
    retrying = email(attempts=1, next_attempt_at=now + timedelta(minutes=1))

    worker.sweep(now)

    assert tasks_for(retrying) == []


def running_task(worker_id, started):
    task = outbox.send_email_delivery.enqueue(1)
    DBTaskResult.objects.filter(id=task.id).update(
        status=TaskResultStatus.RUNNING, worker_ids=[worker_id], started_at=started
    )
    return DBTaskResult.objects.get(id=task.id)


def test_tasks_of_a_worker_that_stopped_beating_are_marked_failed_and_a_live_workers_are_not(
    settings, database_tasks
):
    settings.WORKER_HEARTBEAT_SECONDS = 5
    now = timezone.now()
    long_ago = now - timedelta(minutes=5)
    WorkerHeartbeat.objects.create(worker_id="alive", started_at=long_ago, beat_at=now)
    WorkerHeartbeat.objects.create(worker_id="dead", started_at=long_ago, beat_at=now - timedelta(seconds=31))
    live_task = running_task("alive", long_ago)
    dead_task = running_task("dead", long_ago)
    killed_without_a_heartbeat = running_task("never-beat", long_ago)

    assert worker.fail_tasks_of_stopped_workers(now) == 2

    statuses = dict(DBTaskResult.objects.values_list("id", "status"))
    assert statuses[live_task.id] == TaskResultStatus.RUNNING
    assert statuses[dead_task.id] == statuses[killed_without_a_heartbeat.id] == TaskResultStatus.FAILED
    assert DBTaskResult.objects.get(id=dead_task.id).exception_class_path.endswith("WorkerStopped")


def test_the_heartbeat_is_one_row_per_worker_and_old_rows_are_cleared():
    started = timezone.now() - timedelta(days=2)
    WorkerHeartbeat.objects.create(worker_id="gone", started_at=started, beat_at=started)

    worker.beat("w1", started)
    worker.beat("w1", started)
    worker.sweep()

    assert list(WorkerHeartbeat.objects.values_list("worker_id", flat=True)) == ["w1"]


def test_backoff_doubles_up_to_half_a_minute():
    assert list(islice(worker.backoff_delays(), 7)) == [1, 2, 4, 8, 16, 30, 30]


def surviving_worker():
    return worker.SurvivingWorker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="w1",
    )


def test_the_worker_loop_waits_out_database_errors_instead_of_exiting(database_tasks):
    surviving = surviving_worker()
    outage = [OperationalError("server closed the connection"), OperationalError("connection refused")]

    def parent_run(self):
        if outage:
            raise outage.pop(0)

    with (
        mock.patch.object(Worker, "run", parent_run),
        mock.patch.object(worker.time, "sleep") as sleep,
        mock.patch.object(worker, "Housekeeping"),
        mock.patch.object(worker.connections, "close_all"),
    ):
        surviving.run()

    # Between the two errors the database answered (the worker cleared its interrupted tasks), so the
    # second wait starts again from one second.
    assert [call.args[0] for call in sleep.call_args_list] == [1, 1]
    assert outage == []


def test_a_database_error_that_is_a_bug_stops_the_worker_instead_of_looping(database_tasks):
    surviving = surviving_worker()

    with (
        mock.patch.object(Worker, "run", side_effect=ProgrammingError("relation does not exist")),
        mock.patch.object(worker, "Housekeeping"),
        pytest.raises(ProgrammingError),
    ):
        surviving.run()
