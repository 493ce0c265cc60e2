"""Settings for a real `manage.py db_worker` process started by the reliability tests: the test
settings, with the database task backend, SMTP to the tests' local sink and the test database."""

import os

from recruitment_site.settings.test import *  # noqa: F403

DATABASES["default"]["NAME"] = os.environ["WORKER_TEST_DATABASE"]  # noqa: F405
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "127.0.0.1"
EMAIL_PORT = int(os.environ["WORKER_SMTP_PORT"])
EMAIL_TIMEOUT = 60
