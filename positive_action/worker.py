"""The task worker that outlives outages: `manage.py db_worker` runs this instead of django-tasks-db's own.

django-tasks-db's worker exits on the first database error it meets outside a task, and nothing restarts
it, so one PostgreSQL restart left every email waiting until someone noticed. ``SurvivingWorker`` runs the
same loop and, when the database goes away, closes its connection, waits (1, 2, 4 … seconds, at most
half a minute) and carries on; it never exits on an outage. SMTP errors never reach it:
sending records them on the email's row and retries later (positive_action/outbox.py).

Beside the loop, a housekeeping thread with its own database connection:
- writes the worker's heartbeat every WORKER_HEARTBEAT_SECONDS, which `/healthz` reports;
- every WORKER_SWEEP_SECONDS, sweeps the outbox: emails whose lease ran out (their worker died while
  sending) are offered again, and queued emails whose task was lost are enqueued, so nothing depends on
  cron;
- marks as failed the tasks left "running" by workers that stopped beating, so the task table tells the
  truth (their emails are offered again by the sweep).
"""

import logging
import os
import socket
import threading
import time
from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, connections
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from .models.worker import WorkerHeartbeat
from .outbox import enqueue_overdue_emails, reoffer_expired_leases

logger = logging.getLogger(__name__)

MAX_BACKOFF_SECONDS = 30
# What a database outage raises (server stopped or restarting, connection dropped or refused). Other
# database errors are bugs, such as a missing migration: the worker exits and its supervisor says so.
OUTAGE_ERRORS = (OperationalError, InterfaceError)


class WorkerStopped(Exception):
    """Recorded on a task that was running when its worker stopped (killed, or cut off from the
    database), so the task table does not show it running for ever."""


def backoff_delays(most=MAX_BACKOFF_SECONDS):
    delay = 1
    while True:
        yield delay
        delay = min(delay * 2, most)


def presumed_dead_after():
    """A worker that has not beaten for this long is gone: six missed beats (half a minute by default),
    so that one slow beat does not make a live worker look dead."""
    return timedelta(seconds=6 * settings.WORKER_HEARTBEAT_SECONDS)


def beat(worker_id, started_at, now=None):
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={"beat_at": now or timezone.now()},
        create_defaults={
            "host": socket.gethostname()[:255],
            "pid": os.getpid(),
            "started_at": started_at,
            "beat_at": now or timezone.now(),
        },
    )


def fail_tasks(tasks, reason):
    for task_result in tasks:
        task_result.set_failed(WorkerStopped(reason))
    return len(tasks)


def fail_tasks_of_stopped_workers(now=None):
    """Tasks still "running" whose worker has stopped beating; returns how many were marked failed."""
    now = now or timezone.now()
    cutoff = now - presumed_dead_after()
    alive = set(WorkerHeartbeat.objects.alive(presumed_dead_after(), now).values_list("worker_id", flat=True))
    orphans = [
        task_result
        for task_result in DBTaskResult.objects.running().filter(started_at__lt=cutoff)
        if not task_result.worker_ids or task_result.worker_ids[-1] not in alive
    ]
    return fail_tasks(orphans, "its worker stopped while running it")


def sweep(now=None):
    """One round of the worker's housekeeping over the outbox and the task table."""
    now = now or timezone.now()
    reoffered = reoffer_expired_leases(now)
    # While tasks are waiting, the rows they will send look overdue too; enqueue lost rows once the
    # queue is clear, so a backlog is not doubled.
    enqueued = 0 if DBTaskResult.objects.ready().exists() else enqueue_overdue_emails(now)
    failed = fail_tasks_of_stopped_workers(now)
    WorkerHeartbeat.objects.stopped_long_ago(now).delete()
    if reoffered or enqueued or failed:
        logger.info(
            "Worker sweep: %s email(s) re-offered after their lease, %s lost email task(s) enqueued, "
            "%s task(s) of stopped workers marked failed",
            reoffered,
            enqueued,
            failed,
        )


class Housekeeping(threading.Thread):
    """Heartbeat and sweep on their own thread (and so their own database connection), so they go on
    while the worker sends an email, and stop being written when the worker process dies."""

    def __init__(self, worker_id):
        super().__init__(name=f"housekeeping-{worker_id}", daemon=True)
        self.worker_id = worker_id
        self.started_at = timezone.now()
        self.stopping = threading.Event()
        self.last_sweep = None

    def run(self):
        while not self.stopping.is_set():
            try:
                self.beat_and_sweep()
            except Exception:  # noqa: BLE001 - an outage or a bug must not stop the heartbeat thread
                logger.exception("Worker %s housekeeping failed; retrying", self.worker_id)
                connections.close_all()
            self.stopping.wait(settings.WORKER_HEARTBEAT_SECONDS)
        connections.close_all()

    def beat_and_sweep(self):
        now = timezone.now()
        beat(self.worker_id, self.started_at, now)
        if self.last_sweep is None or now - self.last_sweep >= timedelta(
            seconds=settings.WORKER_SWEEP_SECONDS
        ):
            sweep(now)
            self.last_sweep = now


class SurvivingWorker(Worker):
    """django-tasks-db's worker loop, restarted after a database error instead of exiting."""

    def run(self):
        housekeeping = Housekeeping(self.worker_id)
        housekeeping.start()
        try:
            self.run_through_outages()
        finally:
            housekeeping.stopping.set()
            self.sign_off()

    def run_through_outages(self):
        delays = backoff_delays()
        interrupted = False
        while self.running:
            try:
                if interrupted:
                    self.fail_own_interrupted_tasks()
                    interrupted = False
                    delays = backoff_delays()
                super().run()
                return
            except OUTAGE_ERRORS as error:
                interrupted = True
                self.running_task = False
                delay = next(delays)
                logger.error(
                    "Task worker %s lost the database (%s); trying again in %s s",
                    self.worker_id,
                    type(error).__name__,
                    delay,
                )
                connections.close_all()
                time.sleep(delay)

    def fail_own_interrupted_tasks(self):
        """A task this worker was running when the database went away: the loop is between tasks now,
        so any row still "running" in its name was cut off."""
        tasks = [
            task_result
            for task_result in DBTaskResult.objects.running()
            if task_result.worker_ids and task_result.worker_ids[-1] == self.worker_id
        ]
        if fail_tasks(tasks, "the database went away while it ran"):
            logger.warning("Worker %s marked %s interrupted task(s) failed", self.worker_id, len(tasks))

    def sign_off(self):
        try:
            WorkerHeartbeat.objects.filter(worker_id=self.worker_id).delete()
        except DatabaseError:
            logger.warning("Worker %s could not remove its heartbeat on the way out", self.worker_id)
