"""`/healthz` for load balancers and uptime monitors: is this instance able to serve?

It answers 200 only when the database and the cache both answer, and 503 naming the part that failed
otherwise, so a balancer takes the instance out of rotation instead of sending visitors to it. It
reveals nothing beyond "ok" or "unavailable" per part, is never cached, and sets no cookie.
"""

import logging
import uuid

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

CACHE_PROBE_SECONDS = 10


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


@never_cache
@require_safe
def healthz(request):
    checks = {"database": database_answers(), "cache": cache_answers()}
    healthy = all(checks.values())
    body = {
        "status": "ok" if healthy else "unavailable",
        "checks": {name: "ok" if passed else "unavailable" for name, passed in checks.items()},
    }
    return JsonResponse(body, status=200 if healthy else 503)
