"""Health checks for load balancers and monitors.

`/healthz/instance` answers whether this instance can serve: 200 when the database and the cache both
answer, 503 naming the part that failed otherwise. Point the load balancer at it: it takes a broken
instance out of rotation and nothing else.

`/healthz` adds the checks higher apps register with the HEALTH_CHECKS_HOOK (the task worker's heartbeat
and the oldest unsent email, from positive_action): point monitoring at it, so a dead worker or a stuck
outbox pages someone. Its 503 is about the whole service, not this instance.

Both reveal nothing beyond "ok" or "unavailable" per part (and the ages the checks report), are never
cached, and set no cookie.
"""

import logging
import uuid
from dataclasses import dataclass

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from wagtail import hooks

logger = logging.getLogger(__name__)

CACHE_PROBE_SECONDS = 10
# A hook function returns a list of HealthCheck; a higher app registers it (see docs/architecture.md).
HEALTH_CHECKS_HOOK = "register_health_checks"


@dataclass(frozen=True)
class HealthCheck:
    name: str
    passed: bool
    # What the check measured, reported as it is (for example {"heartbeat_age_seconds": 3}).
    measured: dict | None = None


def database_answers():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        logger.warning("Health check: the database did not answer")
        return False


def cache_answers():
    # A fresh value each time: a stale entry must not pass for a working cache.
    probe = uuid.uuid4().hex
    try:
        cache.set("healthz:probe", probe, CACHE_PROBE_SECONDS)
        return cache.get("healthz:probe") == probe
    except Exception:  # noqa: BLE001 - cache clients raise their own error types (Redis, memcached)
        logger.warning("Health check: the cache did not answer")
        return False


def instance_checks():
    return [HealthCheck("database", database_answers()), HealthCheck("cache", cache_answers())]


def registered_checks():
    checks = []
    for checks_from_app in hooks.get_hooks(HEALTH_CHECKS_HOOK):
        checks.extend(checks_from_app())
    return checks


def health_response(checks):
    healthy = all(check.passed for check in checks)
    body = {
        "status": "ok" if healthy else "unavailable",
        "checks": {check.name: "ok" if check.passed else "unavailable" for check in checks},
    }
    measured = {check.name: check.measured for check in checks if check.measured is not None}
    if measured:
        body["measured"] = measured
    return JsonResponse(body, status=200 if healthy else 503)


@never_cache
@require_safe
def instance_health(request):
    return health_response(instance_checks())


@never_cache
@require_safe
def healthz(request):
    checks = instance_checks()
    database_up = checks[0].passed
    # Without the database the registered checks cannot read anything; the database check already fails.
    return health_response(checks + (registered_checks() if database_up else []))
