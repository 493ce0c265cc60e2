"""`/healthz/instance` tells a load balancer whether this instance can serve (database and cache both
answer); `/healthz` adds whether a task worker is alive and email is leaving, for monitoring."""

from datetime import timedelta
from unittest import mock

import pytest
from django.db import OperationalError
from django.utils import timezone

from positive_action.models import EmailDelivery, WorkerHeartbeat

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


@pytest.fixture
def worker_beating():
    now = timezone.now()
    return WorkerHeartbeat.objects.create(worker_id="w1", started_at=now, beat_at=now)


def test_healthy_instance_answers_200_with_each_check_ok(client):
    response = client.get("/healthz/instance")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "cache": "ok"}}


def test_healthy_service_reports_the_worker_heartbeat_and_the_oldest_unsent_email(client, worker_beating):
    EmailDelivery.objects.create(reference="PA-AAAAAA", recipient="a@example.org", subject="s", body="b")

    response = client.get("/healthz")

    assert response.status_code == 200
    body = response.json()
    assert body["checks"] == {"database": "ok", "cache": "ok", "worker": "ok", "outbox": "ok"}
    assert body["measured"]["worker"]["heartbeat_age_seconds"] <= 1
    assert body["measured"]["outbox"]["oldest_unsent_email_age_seconds"] <= 1


def test_no_worker_ever_started_answers_503_naming_the_worker(client):
    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["checks"]["worker"] == "unavailable"
    assert response.json()["measured"]["worker"] == {"heartbeat_age_seconds": None}


def test_a_worker_silent_past_the_threshold_answers_503(client, settings, worker_beating):
    settings.HEALTH_WORKER_MAX_AGE_SECONDS = 60
    WorkerHeartbeat.objects.update(beat_at=timezone.now() - timedelta(seconds=61))

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["checks"] == {
        "database": "ok",
        "cache": "ok",
        "worker": "unavailable",
        "outbox": "ok",
    }


def test_an_email_waiting_past_the_threshold_answers_503_and_a_sent_one_does_not_count(
    client, settings, worker_beating
):
    settings.HEALTH_OUTBOX_MAX_AGE_SECONDS = 600
    old = timezone.now() - timedelta(seconds=601)
    stuck = EmailDelivery.objects.create(
        reference="PA-AAAAAA", recipient="a@example.org", subject="s", body="b"
    )
    EmailDelivery.objects.filter(pk=stuck.pk).update(created=old)
    sent = EmailDelivery.objects.create(
        reference="PA-BBBBBB",
        recipient="b@example.org",
        subject="s",
        body="b",
        status=EmailDelivery.Status.SENT,
    )
    EmailDelivery.objects.filter(pk=sent.pk).update(created=old - timedelta(days=1))

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["checks"]["outbox"] == "unavailable"
    assert response.json()["measured"]["outbox"]["oldest_unsent_email_age_seconds"] >= 601
    assert client.get("/healthz/instance").status_code == 200, "the load balancer keeps the instance"


def test_health_answer_is_never_cached_and_sets_no_cookie(client, settings):
    settings.PAGE_CACHE_SECONDS = 300

    first = client.get("/healthz/instance")
    with mock.patch("home.health.database_answers", return_value=False):
        second = client.get("/healthz/instance")

    assert "no-store" in first["Cache-Control"]
    assert not first.cookies
    assert second.status_code == 503, "a cached 200 would hide the outage"


def test_lost_database_answers_503_naming_the_database(client):
    with mock.patch("django.db.backends.utils.CursorWrapper.execute", side_effect=OperationalError("down")):
        response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "checks": {"database": "unavailable", "cache": "ok"}}
    # Without the database the worker and outbox cannot be read; the database check already fails.


def test_unreachable_cache_answers_503_naming_the_cache(client, settings):
    settings.CACHES = UNREACHABLE_REDIS

    response = client.get("/healthz/instance")

    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "ok", "cache": "unavailable"}


def test_health_answer_reveals_no_error_detail(client):
    with mock.patch(
        "django.db.backends.utils.CursorWrapper.execute",
        side_effect=OperationalError("password authentication failed for user secret_db_user"),
    ):
        body = client.get("/healthz").content.decode()

    assert "secret_db_user" not in body and "password" not in body


def test_health_check_accepts_only_get_and_head(client, worker_beating):
    assert client.head("/healthz").status_code == 200
    assert client.head("/healthz/instance").status_code == 200
    assert client.post("/healthz").status_code == 405
    assert client.post("/healthz/instance").status_code == 405


def test_production_lets_load_balancers_probe_health_over_plain_http():
    result = run_in_production(
        "from django.test import Client; "
        "c = Client(); print(c.get('/healthz/instance', HTTP_HOST='join.example.org').status_code, "
        "c.get('/', HTTP_HOST='join.example.org').status_code)"
    )

    health_status, home_status = result.stdout.split()[-2:]
    assert home_status == "301", result.stderr
    assert health_status in {"200", "503"}, result.stderr  # answered, not redirected
