"""The task worker rides out database outages: it never exits, and every email is sent exactly once.

A real `manage.py db_worker` reaches PostgreSQL through a proxy the test controls (tests/tcp_proxy.py).
Cutting the proxy drops the worker's connections and refuses new ones, as a stopped or restarting
database server does, while the test itself (the site, in effect) keeps its own connection and takes
registrations. django-tasks-db's own worker exited with OperationalError at the first cut.
"""

import time
from datetime import timedelta

import pytest
from django.db import connection

from positive_action.models import EmailDelivery, WorkerHeartbeat
from tests.tcp_proxy import TCPProxy

from .public_forms import REGISTRATION, post_form
from .workers import all_sent, wait_until

pytestmark = [
    # serialized_rollback restores the root page that migrations create, which a transactional test flushes.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs PostgreSQL: SQLite has no server to lose"
    ),
]

OUTAGE_SECONDS = 4
RECOVERY_SECONDS = 45


@pytest.fixture
def database_proxy():
    settings_dict = connection.settings_dict
    with TCPProxy(settings_dict["HOST"] or "127.0.0.1", int(settings_dict["PORT"] or 5432)) as proxy:
        yield proxy


def register(client, pages, number):
    person = {**REGISTRATION, "email": f"person{number}@example.org"}
    assert post_form(client, pages["registration"], person).status_code == 302


def worker_beat_lately():
    return WorkerHeartbeat.objects.alive(timedelta(seconds=2)).exists()


def test_the_worker_survives_two_database_outages_and_then_sends_every_email_once(
    client, pages, settings, database_tasks, smtp_sink, workers, database_proxy
):
    settings.HEALTH_WORKER_MAX_AGE_SECONDS = 2
    worker = workers.start(WORKER_DATABASE_PORT=str(database_proxy.port))
    register(client, pages, 0)
    wait_until(all_sent, "the first emails", workers=workers)
    assert client.get("/healthz").json()["checks"]["worker"] == "ok"

    for outage in (1, 2):
        database_proxy.cut()
        register(client, pages, outage)  # the site keeps taking registrations
        time.sleep(OUTAGE_SECONDS)
        assert worker.poll() is None, f"the worker exited in outage {outage}\n{workers.logs()}"
        health = client.get("/healthz")
        assert health.status_code == 503 and health.json()["checks"]["worker"] == "unavailable"

        database_proxy.restore()
        wait_until(all_sent, f"the emails written during outage {outage}", RECOVERY_SECONDS, workers)
        wait_until(worker_beat_lately, "the heartbeat to resume", RECOVERY_SECONDS, workers)
        assert client.get("/healthz").status_code == 200

    assert worker.poll() is None
    message_ids = smtp_sink.message_ids()
    assert len(message_ids) == len(set(message_ids)) == EmailDelivery.objects.count(), "each email once"
    assert {f"person{number}@example.org" for number in range(3)} <= set(smtp_sink.recipients())
    assert database_proxy.connections_made >= 3, "the worker reconnected after each outage"
