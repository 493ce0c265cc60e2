"""What `/healthz` checks beyond this instance (home/health.py): is a task worker alive, and is email
leaving? Registered with HEALTH_CHECKS_HOOK in wagtail_hooks.py."""

from django.conf import settings
from django.utils import timezone

from home.health import HealthCheck

from .models.worker import WorkerHeartbeat
from .outbox import oldest_unsent_email


def seconds_since(moment, now):
    return max(0, round((now - moment).total_seconds()))


def worker_check(now):
    newest = WorkerHeartbeat.objects.newest_beat()
    age = None if newest is None else seconds_since(newest, now)
    alive = age is not None and age <= settings.HEALTH_WORKER_MAX_AGE_SECONDS
    # None: no worker has ever beaten (never started, or every one signed off).
    return HealthCheck("worker", alive, {"heartbeat_age_seconds": age})


def outbox_check(now):
    oldest = oldest_unsent_email()
    age = 0 if oldest is None else seconds_since(oldest, now)
    return HealthCheck(
        "outbox", age <= settings.HEALTH_OUTBOX_MAX_AGE_SECONDS, {"oldest_unsent_email_age_seconds": age}
    )


def worker_and_outbox_checks():
    now = timezone.now()
    return [worker_check(now), outbox_check(now)]
