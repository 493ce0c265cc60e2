"""`/healthz` tells a load balancer whether this instance can serve: database and cache both answer."""

from unittest import mock

import pytest
from django.db import OperationalError

from .test_settings import run_in_production

pytestmark = pytest.mark.django_db

UNREACHABLE_REDIS = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        # Port 1 has no listener: every cache call fails the way a stopped Redis does.
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"socket_connect_timeout": 0.5},
    }
}


def test_healthy_instance_answers_200_with_each_check_ok(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "cache": "ok"}}


def test_health_answer_is_never_cached_and_sets_no_cookie(client, settings):
    settings.PAGE_CACHE_SECONDS = 300

    first = client.get("/healthz")
    with mock.patch("home.health.database_answers", return_value=False):
        second = client.get("/healthz")

    assert "no-store" in first["Cache-Control"]
    assert not first.cookies
    assert second.status_code == 503, "a cached 200 would hide the outage"


def test_lost_database_answers_503_naming_the_database(client):
    with mock.patch("django.db.backends.utils.CursorWrapper.execute", side_effect=OperationalError("down")):
        response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "checks": {"database": "unavailable", "cache": "ok"}}


def test_unreachable_cache_answers_503_naming_the_cache(client, settings):
    settings.CACHES = UNREACHABLE_REDIS

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "ok", "cache": "unavailable"}


def test_health_answer_reveals_no_error_detail(client):
    with mock.patch(
        "django.db.backends.utils.CursorWrapper.execute",
        side_effect=OperationalError("password authentication failed for user secret_db_user"),
    ):
        body = client.get("/healthz").content.decode()

    assert "secret_db_user" not in body and "password" not in body


def test_health_check_accepts_only_get_and_head(client):
    assert client.head("/healthz").status_code == 200
    assert client.post("/healthz").status_code == 405


def test_production_lets_load_balancers_probe_health_over_plain_http():
    result = run_in_production(
        "from django.test import Client; "
        "c = Client(); print(c.get('/healthz', HTTP_HOST='join.example.org').status_code, "
        "c.get('/', HTTP_HOST='join.example.org').status_code)"
    )

    health_status, home_status = result.stdout.split()[-2:]
    assert home_status == "301", result.stderr
    assert health_status in {"200", "503"}, result.stderr  # answered, not redirected
