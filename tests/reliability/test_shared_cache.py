"""Every gunicorn worker sees a publish, an unpublish and the form rate limit the same way, at once.

Real processes: a gunicorn server with several sync workers and the production cache setup (Redis on
127.0.0.1:6379, under a key prefix of this test run's own) serves the test database; pages are published
and unpublished by `manage.py publish_scheduled` in yet another process, as cron runs it. Each worker
first serves the page from the cache; then, within a second of the command finishing, every one of many
answers, from several workers, is the new page (or a 404). With a cache per process (REDIS_URL unset),
the workers that had not made the change kept serving the old page for PAGE_CACHE_SECONDS (issue 15).
"""

import http.client
import os
import re
import socket
import subprocess
import sys
import time
import urllib.parse
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path

import pytest
import redis
from django.db import connection
from django.utils import timezone

from home.models import StandardPage
from recruitment_site.devtools.demo import ensure_home_page
from tests.reliability.public_forms import REGISTRATION

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = "redis://127.0.0.1:6379/0"
WORKERS = 3
RATE_LIMIT = 4
ANSWERS = 40
CONNECTIONS = 4
WAIT_SECONDS = 60
OLD_TEXT = "The introduction before the change."
NEW_TEXT = "The introduction published from another process."


def redis_answers():
    try:
        return redis.Redis.from_url(REDIS_URL, socket_connect_timeout=0.5).ping()
    except redis.RedisError:
        return False


@pytest.fixture(scope="module")
def shared_cache():
    """The key prefix of this run's entries in Redis; they are removed afterwards."""
    if not redis_answers():
        pytest.skip(f"Redis does not answer at {REDIS_URL}")
    prefix = f"shared-cache-test-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    client = redis.Redis.from_url(REDIS_URL)

    def wipe():
        for key in client.scan_iter(match=f"{prefix}:*"):
            client.delete(key)

    yield prefix, wipe
    wipe()
    client.close()


@pytest.fixture(scope="module")
def server_env(shared_cache, django_db_setup):
    prefix, _wipe = shared_cache
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.reliability.shared_cache_settings",
        "WORKER_TEST_DATABASE": str(connection.settings_dict["NAME"]),
        "SHARED_CACHE_REDIS_URL": REDIS_URL,
        "SHARED_CACHE_KEY_PREFIX": prefix,
        "PUBLIC_FORM_RATE_LIMIT": str(RATE_LIMIT),
        "PAGE_CACHE_SECONDS": "600",
    }


@pytest.fixture(scope="module")
def server_port(server_env):
    """A gunicorn server with WORKERS sync workers, on a socket bound here so no other process takes the port."""
    listener = socket.create_server(("127.0.0.1", 0))
    command = [
        *(sys.executable, "-m", "gunicorn", "recruitment_site.wsgi"),
        *("--bind", f"fd://{listener.fileno()}", "--workers", str(WORKERS), "--timeout", "120"),
    ]
    server = subprocess.Popen(
        command, cwd=ROOT, env=server_env, pass_fds=[listener.fileno()], stderr=subprocess.DEVNULL
    )
    port = listener.getsockname()[1]
    try:
        wait_until(lambda: fetch(port, "/healthz/instance", quiet=True)[0] == 200, "the server to answer")
        yield port
    finally:
        server.terminate()
        server.wait(timeout=WAIT_SECONDS)
        listener.close()


@pytest.fixture
def server(server_port, shared_cache):
    """The server, with nothing of an earlier test's left in its cache (a flush between tests moves no
    content version)."""
    _prefix, wipe = shared_cache
    wipe()
    return server_port


@pytest.fixture
def page():
    home = ensure_home_page()
    page = StandardPage(title="Shared cache", slug="shared-cache", introduction=OLD_TEXT, body="<p>Body.</p>")
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def wait_until(condition, what):
    deadline = time.monotonic() + WAIT_SECONDS
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.1)


def fetch(port, path, method="GET", body=None, headers=None, quiet=False):
    """(status, headers, text) of one request on a new connection, so any worker may answer it."""
    server = http.client.HTTPConnection("127.0.0.1", port, timeout=WAIT_SECONDS)
    try:
        server.request(method, path, body, {"Connection": "close", **(headers or {})})
        answer = server.getresponse()
        return answer.status, answer.headers, answer.read().decode()
    except OSError:
        if quiet:
            return None, {}, ""
        raise
    finally:
        server.close()


def many_answers(port, path):
    with ThreadPoolExecutor(CONNECTIONS) as pool:
        return list(pool.map(lambda _: fetch(port, path), range(ANSWERS)))


def warm_every_worker(port, path):
    """Ask until every worker has answered from the cache."""
    served_from_cache = set()

    def every_worker_hit():
        for _status, headers, _text in many_answers(port, path):
            if headers["X-Page-Cache"] == "hit":
                served_from_cache.add(headers["X-Worker"])
        return len(served_from_cache) == WORKERS

    wait_until(every_worker_hit, "every worker to serve the page from the cache")


def run_publish_scheduled(env):
    result = subprocess.run(
        [sys.executable, "manage.py", "publish_scheduled"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=WAIT_SECONDS,
    )
    assert result.returncode == 0, result.stderr


def assert_every_answer_within_a_second(port, path, is_new):
    """Rounds of ANSWERS requests over CONNECTIONS connections until one round is all new; the first
    round to be all new must start within a second of the change."""
    changed_at = time.monotonic()
    while True:
        answers = many_answers(port, path)
        stale = [answer for answer in answers if not is_new(answer)]
        if not stale:
            break
        assert time.monotonic() - changed_at < 1, f"{len(stale)} of {len(answers)} answers still old"
    assert len({headers["X-Worker"] for _status, headers, _text in answers}) > 1, "one worker answered all"


def test_a_page_published_by_another_process_is_served_by_every_worker_at_once(server, server_env, page):
    warm_every_worker(server, page.url)
    page.introduction = NEW_TEXT
    page.save_revision(approved_go_live_at=timezone.now() - timedelta(seconds=1))
    assert OLD_TEXT in fetch(server, page.url)[2], "a saved draft does not change the live page"

    run_publish_scheduled(server_env)

    assert_every_answer_within_a_second(
        server, page.url, lambda answer: answer[0] == 200 and NEW_TEXT in answer[2]
    )


def test_a_page_unpublished_by_another_process_is_gone_from_every_worker_at_once(server, server_env, page):
    warm_every_worker(server, page.url)
    StandardPage.objects.filter(pk=page.pk).update(expire_at=timezone.now() - timedelta(seconds=1))

    run_publish_scheduled(server_env)

    assert_every_answer_within_a_second(server, page.url, lambda answer: answer[0] == 404)


def registration_posts(port, path, count):
    """The registration form posted ``count`` times, each on a new connection; (status, worker) each."""
    status, headers, text = fetch(port, path)
    assert status == 200
    cookie = re.search(r"csrftoken=([^;]+)", headers["Set-Cookie"]).group(1)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', text).group(1)
    form_headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": f"csrftoken={cookie}",
        "Referer": f"http://127.0.0.1:{port}{path}",
    }
    answers = []
    for number in range(count):
        answers_given = {**REGISTRATION, "email": f"limit.{number}@example.org"}
        fields = [
            (name, value)
            for name, values in answers_given.items()
            for value in (values if isinstance(values, list) else [values])
        ]
        fields += [("csrfmiddlewaretoken", token), ("submission_token", str(uuid.uuid4()))]
        status, headers, _text = fetch(port, path, "POST", urllib.parse.urlencode(fields), form_headers)
        answers.append((status, headers["X-Worker"]))
    return answers


def test_the_form_rate_limit_counts_posts_across_every_worker(server, pages):
    answers = registration_posts(server, pages["registration"].url, RATE_LIMIT + 6)

    statuses = [status for status, _worker in answers]
    assert statuses == [302] * RATE_LIMIT + [429] * 6
    assert len({worker for _status, worker in answers}) > 1, "one worker answered every post"
