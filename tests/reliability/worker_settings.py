"""Settings for a real `manage.py db_worker` process started by the reliability tests: the test
settings, with the database task backend, SMTP to the tests' local sink and the test database.

WORKER_DATABASE_PORT sends the worker's database connections through a test's proxy (tests/tcp_proxy.py),
so the test can cut the database off from the worker alone; the WORKER_* timings shorten the worker's
heartbeat, sweep and lease so a test sees them act in seconds."""

import os

from recruitment_site.settings.test import *  # noqa: F403

DATABASES["default"]["NAME"] = os.environ["WORKER_TEST_DATABASE"]  # noqa: F405
if port := os.environ.get("WORKER_DATABASE_PORT"):
    DATABASES["default"].update(HOST="127.0.0.1", PORT=port)  # noqa: F405
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "127.0.0.1"
EMAIL_PORT = int(os.environ["WORKER_SMTP_PORT"])
EMAIL_TIMEOUT = 60
EMAIL_SEND_LEASE_SECONDS = int(os.environ.get("WORKER_EMAIL_SEND_LEASE_SECONDS", EMAIL_SEND_LEASE_SECONDS))  # noqa: F405
WORKER_HEARTBEAT_SECONDS = int(os.environ.get("WORKER_HEARTBEAT_SECONDS", 1))
WORKER_SWEEP_SECONDS = int(os.environ.get("WORKER_SWEEP_SECONDS", 1))
