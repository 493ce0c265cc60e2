"""Real `manage.py db_worker` processes for the reliability tests, and what the tests wait for.

A worker runs with tests/reliability/worker_settings.py against the test database and the test's SMTP
sink; its log goes to a file in the test's temporary folder, shown when a test fails waiting."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from django.db import connection
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from positive_action.models import EmailDelivery

ROOT = Path(__file__).resolve().parents[2]
WAIT_SECONDS = 60


class Workers:
    def __init__(self, smtp_port, log_folder):
        self.smtp_port = smtp_port
        self.log_folder = log_folder
        self.started = []

    def start(self, **environment):
        """A new worker; ``environment`` adds variables worker_settings reads (WORKER_DATABASE_PORT …)."""
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.reliability.worker_settings",
            "WORKER_TEST_DATABASE": str(connection.settings_dict["NAME"]),
            "WORKER_SMTP_PORT": str(self.smtp_port),
            **environment,
        }
        command = [sys.executable, "manage.py", "db_worker", "--no-startup-delay", "--interval", "0.1"]
        log = open(self.log_folder / f"worker-{len(self.started)}.log", "wb")  # noqa: SIM115
        worker = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        self.started.append((worker, log))
        return worker

    def logs(self):
        return "\n".join(
            f"--- worker {number}\n{Path(log.name).read_text(errors='replace')[-3000:]}"
            for number, (_, log) in enumerate(self.started)
        )

    def stop_all(self):
        for worker, log in self.started:
            if worker.poll() is None:
                worker.kill()
            worker.wait(timeout=WAIT_SECONDS)
            log.close()


def wait_until(condition, what, seconds=WAIT_SECONDS, workers=None):
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() >= deadline:
            raise AssertionError(f"timed out waiting for {what}\n{workers.logs() if workers else ''}")
        time.sleep(0.1)


def email_tasks():
    # send_email_delivery for one email, send_email_deliveries for a registration's several
    return DBTaskResult.objects.filter(task_path__contains="outbox.send_email_deliver")


def all_sent():
    return not EmailDelivery.objects.exclude(status=EmailDelivery.Status.SENT).exists()


def no_task_left_running():
    return not email_tasks().filter(status=TaskResultStatus.RUNNING).exists()


def kill(worker):
    worker.send_signal(signal.SIGKILL)
    worker.wait(timeout=WAIT_SECONDS)
