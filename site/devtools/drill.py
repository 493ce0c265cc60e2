"""The parts of `make drill` (management command `fault_drill`): a PostgreSQL cluster of its own, an SMTP
sink that can refuse, the production processes, the visitors, the faults and what is counted after.

Everything runs for real on this machine: gunicorn with the production settings, `manage.py db_worker`,
a PostgreSQL cluster (not the shared one on 5432, which other test runs use) that the drill stops and
starts, and Redis. Nothing here is imported by the site.
"""

import email
import http.client
import json
import os
import random
import re
import signal
import socket
import socketserver
import subprocess
import sys
import threading
import time
import urllib.parse
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import psycopg
import redis
from django.conf import settings
from django.core import signing
from django.db import connection
from django.utils import timezone

from ambassadors_network.models import Ambassador
from ambassadors_network.signup import AmbassadorSignupFlow
from home.models import StandardPage
from positive_action.models import EmailDelivery, SubmissionReceipt, SupportRequest
from positive_action.registration import SupportRegistrationFlow
from recruitment_site.devtools.demo import ensure_home_page

ROOT = Path(settings.BASE_DIR)
MANAGE = [sys.executable, str(ROOT / "manage.py")]
DRILL_DOMAIN = "drill.example.org"
FROM_EMAIL = "drill@example.org"
MESSAGE_ID = re.compile(r"<outbox-(\d+)-([^@>]+)@")


# --- the cluster ----------------------------------------------------------------------------------------


class Cluster:
    """A Debian postgresql-common cluster of the drill's own, which it may stop and start at will."""

    def __init__(self, version, name, port):
        if name == "main" or port == 5432:
            raise ValueError("The drill never uses the main cluster or port 5432: other runs share it.")
        self.version, self.name, self.port = str(version), name, port

    @staticmethod
    def installed_version():
        versions = sorted((Path("/etc/postgresql").iterdir()), key=lambda path: int(path.name))
        if not versions:
            raise RuntimeError("No PostgreSQL in /etc/postgresql (apt-get install postgresql)")
        return versions[-1].name

    def url(self, database):
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def status(self):
        """'online', 'down' or None when the cluster does not exist."""
        result = subprocess.run(["pg_lsclusters", "--no-header"], capture_output=True, text=True, check=True)
        for line in result.stdout.splitlines():
            parts = line.split()
            if parts[:2] == [self.version, self.name]:
                if parts[2] != str(self.port):
                    raise RuntimeError(f"Cluster {self.name} listens on {parts[2]}, not {self.port}")
                return parts[3]
        return None

    def ensure(self, fresh=False):
        """Create the cluster (trust for 127.0.0.1) unless it exists; start it. True if it was created."""
        if fresh and self.status() is not None:
            self.drop()
        created = self.status() is None
        if created:
            self.ctl("pg_createcluster", self.version, self.name, "--port", str(self.port))
            hba = Path(f"/etc/postgresql/{self.version}/{self.name}/pg_hba.conf")
            rule = "host all all 127.0.0.1/32 trust\n"
            if rule not in hba.read_text():
                hba.write_text(f"# fault drill: trust local TCP connections\n{rule}{hba.read_text()}")
        if self.status() != "online":
            self.start()
        return created

    def start(self):
        self.ctl("pg_ctlcluster", self.version, self.name, "start")

    def stop(self, mode="fast"):
        self.ctl("pg_ctlcluster", self.version, self.name, "stop", "-m", mode)

    def drop(self):
        self.ctl("pg_dropcluster", self.version, self.name, "--stop")

    def ctl(self, *command):
        subprocess.run(command, check=True, capture_output=True)

    def sql(self, statement, database="postgres"):
        """Run one statement (autocommit, so CREATE DATABASE works); the rows of a SELECT."""
        with psycopg.connect(self.url(database), autocommit=True, connect_timeout=5) as conn:
            cursor = conn.execute(statement)
            return cursor.fetchall() if cursor.description else None

    def database_exists(self, name):
        return bool(self.sql(f"SELECT 1 FROM pg_database WHERE datname = '{name}'"))


# --- the SMTP sink --------------------------------------------------------------------------------------


class SMTPSink:
    """Accepts every message and notes its Message-ID and when it was accepted; while refusing, it answers
    every connection with 421 or closes it without a word (alternately), as a mail server that is down."""

    def __init__(self):
        self.accepted = []  # (Message-ID, monotonic time)
        self.refused = 0
        self.refusing = False
        self._lock = threading.Lock()
        sink = self

        class Handler(socketserver.StreamRequestHandler):
            def handle(self):
                sink.serve(self)

        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()

    def message_ids(self):
        with self._lock:
            return list(self.accepted)

    def serve(self, handler):
        def reply(text):
            handler.wfile.write(f"{text}\r\n".encode("ascii"))
            handler.wfile.flush()

        if self.refusing:
            with self._lock:
                self.refused += 1
                silent = self.refused % 2 == 0
            if not silent:
                reply("421 drill: service not available")
            return
        reply("220 drill sink ESMTP")
        while line := handler.rfile.readline():
            command = line.decode("ascii", "replace").strip().upper()
            if command.startswith(("EHLO", "HELO")):
                reply("250 drill sink")
            elif command.startswith(("MAIL", "RCPT", "RSET", "NOOP")):
                reply("250 OK")
            elif command == "DATA":
                reply("354 End data with <CR><LF>.<CR><LF>")
                lines = []
                while (data := handler.rfile.readline()) not in (b".\r\n", b""):
                    lines.append(data[1:] if data.startswith(b"..") else data)
                message = email.message_from_bytes(b"".join(lines))
                with self._lock:
                    self.accepted.append((message["Message-ID"] or "", time.monotonic()))
                reply("250 Accepted")
            elif command == "QUIT":
                reply("221 Bye")
                return
            else:
                reply("502 Not implemented")


# --- the processes --------------------------------------------------------------------------------------


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Processes:
    """gunicorn and the task workers, with their output in the drill's log folder."""

    def __init__(self, env, log_folder):
        self.env, self.log_folder = env, log_folder
        self.gunicorn = None
        self.workers = []  # (Popen, how it was started)
        self.logs = []

    def log(self, name):
        handle = open(self.log_folder / f"{name}.log", "wb")  # noqa: SIM115 - closed in stop_all
        self.logs.append(handle)
        return handle

    def start_gunicorn(self, port, workers):
        log = self.log("gunicorn")
        command = [sys.executable, "-m", "gunicorn", "recruitment_site.devtools.drill_wsgi:drill_app()"]
        command += ["--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--timeout", "30"]
        self.gunicorn = subprocess.Popen(
            command, env=self.env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT
        )

    def start_worker(self, started_by):
        env = {**self.env, "LOG_LEVEL": "INFO"}
        log = self.log(f"worker-{len(self.workers) + 1}")
        command = MANAGE + ["db_worker", "--no-reload", "--no-startup-delay", "--interval", "0.2"]
        worker = subprocess.Popen(command, env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
        self.workers.append((worker, started_by))
        return worker

    def stop_all(self):
        running = [worker for worker, _ in self.workers] + ([self.gunicorn] if self.gunicorn else [])
        for process in running:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in running:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        for handle in self.logs:
            handle.close()


# --- HTTP as a browser ----------------------------------------------------------------------------------


def request(port, method, path, body=None, headers=None, timeout=60):
    """(status, headers, text) on a new connection; status None and the error as text if it failed."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request(method, path, body, {"Connection": "close", **(headers or {})})
        answer = conn.getresponse()
        return answer.status, answer.headers, answer.read().decode(errors="replace")
    except (OSError, http.client.HTTPException) as error:
        return None, {}, repr(error)
    finally:
        conn.close()


@dataclass
class Browser:
    """A form page as a browser holds it: its CSRF cookie, the form's CSRF token and one-time token."""

    cookie: str
    csrf: str
    token: str


@dataclass
class Post:
    form: str  # "support" or "ambassador"
    email: str
    body: str
    cookie: str
    status: int | None = None
    reference: str = ""
    error: str = ""
    answered_at: float = 0.0
    retry_status: int | None = None
    retry_reference: str = ""

    @property
    def retried(self):
        return self.status == 503

    @property
    def final_status(self):
        return self.retry_status if self.retried else self.status

    @property
    def final_reference(self):
        return self.retry_reference if self.retried else self.reference


@dataclass
class Unit:
    """One person's visit: a single post, a double-submit (one token posted twice at once) or a duplicate
    (the form open in two tabs, two tokens, both posted at once)."""

    number: int
    form: str
    kind: str  # "single", "double-submit", "duplicate"
    email: str
    posts: list = field(default_factory=list)

    @property
    def post_count(self):
        return 1 if self.kind == "single" else 2


def plan_units(total_posts, run_id, seed=15):
    rng = random.Random(seed)
    units, posts = [], 0
    kinds = [
        ("support", "single", 70),
        ("support", "duplicate", 10),
        ("support", "double-submit", 10),
        ("ambassador", "single", 6),
        ("ambassador", "double-submit", 2),
        ("ambassador", "duplicate", 2),
    ]
    while posts < total_posts:
        form, kind, _ = rng.choices(kinds, weights=[weight for *_, weight in kinds])[0]
        if kind != "single" and posts + 2 > total_posts:
            kind = "single"
        number = len(units)
        unit = Unit(number, form, kind, f"person{number}.{run_id}@{DRILL_DOMAIN}")
        units.append(unit)
        posts += unit.post_count
    return units


def support_answers(unit, tab):
    return [
        ("name", f"Drill Person {unit.number}"),
        ("email", unit.email),
        ("phone", "07700 900982"),
        ("preferred_contact", "email"),
        ("borough", "outside"),
        ("role_of_interest", "constable"),
        ("application_progress", "not_applied"),
        ("support_wanted", "mock_interview"),
        ("support_wanted", "mentoring" if tab == 0 else "fitness_prep"),
        ("access_needs", ""),
        ("heard_about", "event"),
        ("consent", "on"),
        ("equality_ethnicity", "asian_bangladeshi"),
    ]


def ambassador_answers(unit, tab):
    return [
        ("name", f"Drill Ambassador {unit.number}"),
        ("email", unit.email),
        ("phone", "020 7946 0123"),
        ("preferred_contact", "email"),
        ("organisation", "Drill Community Group"),
        ("community_role", "faith_leader"),
        ("boroughs", "newham"),
        ("communities", "tamil"),
        ("other_communities", ""),
        ("languages", "English, Tamil" if tab == 0 else "English"),
        ("networks", "faith_groups"),
        ("time_commitment", "few_hours_month"),
        ("motivation", "I want young people in my community to see policing as a career."),
        ("consent", "on"),
    ]


class Load:
    """32 visitors (threads) working through the planned units; 503 answers are posted again once, after
    the outage, by a person who read "please press the button to send it again in a minute or two"."""

    FLOWS = {"support": SupportRegistrationFlow, "ambassador": AmbassadorSignupFlow}

    def __init__(self, port, paths, units, secret_key, clients):
        self.port, self.paths, self.units, self.secret_key = port, paths, units, secret_key
        self.clients = clients
        self.total_posts = sum(unit.post_count for unit in units)
        self.sent = 0
        self.get_failures = Counter()
        self.retry_queue = []
        self.lock = threading.Lock()
        self.next_unit = 0
        self.database_down = threading.Event()
        self.database_up_since = time.monotonic()
        self.loading_done = threading.Event()
        self.faults_done = threading.Event()
        self.started = self.finished = 0.0

    @property
    def progress(self):
        return self.sent / self.total_posts

    def run(self):
        self.started = time.monotonic()
        visitors = [threading.Thread(target=self.visitor, daemon=True) for _ in range(self.clients)]
        retrier = threading.Thread(target=self.retrier, daemon=True)
        retrier.start()
        for visitor in visitors:
            visitor.start()
        for visitor in visitors:
            visitor.join()
        self.finished = time.monotonic()
        self.loading_done.set()
        return retrier

    def visitor(self):
        while True:
            with self.lock:
                if self.next_unit >= len(self.units):
                    return
                unit = self.units[self.next_unit]
                self.next_unit += 1
            self.visit(unit)

    def visit(self, unit):
        path = self.paths[unit.form]
        tabs = 1 if unit.kind == "single" else 2
        if unit.kind == "double-submit":
            browser = self.open_form(path)
            body = self.body(unit, browser, 0)
            unit.posts = [Post(unit.form, unit.email, body, browser.cookie) for _ in range(2)]
        else:
            browsers = [self.open_form(path) for _ in range(tabs)]
            unit.posts = [
                Post(unit.form, unit.email, self.body(unit, browser, tab), browser.cookie)
                for tab, browser in enumerate(browsers)
            ]
        self.post_together(path, unit.posts)
        with self.lock:
            self.sent += len(unit.posts)
            self.retry_queue.extend(post for post in unit.posts if post.status == 503)

    def open_form(self, path):
        """Load the form page; during an outage it does not come, and the person reloads a second later."""
        for _ in range(600):
            status, headers, text = request(self.port, "GET", path)
            cookie = re.search(r"csrftoken=([^;]+)", headers.get("Set-Cookie", "") if headers else "")
            csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', text)
            token = re.search(r'name="submission_token" value="([^"]+)"', text)
            if status == 200 and cookie and csrf and token:
                return Browser(cookie.group(1), csrf.group(1), token.group(1))
            with self.lock:
                self.get_failures[status] += 1
            time.sleep(1)
        raise RuntimeError(f"The form at {path} did not come back in ten minutes")

    def body(self, unit, browser, tab):
        answers = support_answers(unit, tab) if unit.form == "support" else ambassador_answers(unit, tab)
        hidden = [
            ("csrfmiddlewaretoken", browser.csrf),
            ("submission_token", browser.token),
            ("website", ""),
            ("g-recaptcha-response", "drill-token"),
        ]
        return urllib.parse.urlencode(answers + hidden)

    def headers(self, path, cookie):
        return {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={cookie}",
            "Referer": f"http://127.0.0.1:{self.port}{path}",
        }

    def post_together(self, path, posts):
        """Each post on its own connection, all sent before any answer is read: "at the same moment"."""
        conns = []
        for post in posts:
            conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
            try:
                conn.request("POST", path, post.body, self.headers(path, post.cookie))
            except (OSError, http.client.HTTPException) as error:
                post.error = repr(error)
            conns.append(conn)
        for post, conn in zip(posts, conns, strict=True):
            if not post.error:
                try:
                    answer = conn.getresponse()
                    answer.read()
                    post.status = answer.status
                    post.reference = self.reference(post.form, answer.getheader("Location", ""))
                except (OSError, http.client.HTTPException) as error:
                    post.error = repr(error)
            post.answered_at = time.monotonic()
            conn.close()

    def reference(self, form, location):
        """The reference the confirmation page shows, read from its signed address."""
        done = urllib.parse.parse_qs(urllib.parse.urlsplit(location).query).get("done")
        if not done:
            return ""
        value = signing.loads(done[0], key=self.secret_key, salt=self.FLOWS[form].done_salt)
        return value if isinstance(value, str) else value["reference"]

    def retrier(self):
        """Post each 503'd form again once, a few seconds after the database is back."""
        while True:
            with self.lock:
                waiting = list(self.retry_queue)
            now = time.monotonic()
            up_long_enough = not self.database_down.is_set() and now - self.database_up_since >= 3
            due = [post for post in waiting if up_long_enough and now - post.answered_at >= 5]
            for post in due:
                if self.database_down.is_set():
                    break  # the next outage began: wait for it to end, as a person would
                path = self.paths[post.form]
                status, headers, _text = request(
                    self.port, "POST", path, post.body, self.headers(path, post.cookie)
                )
                post.retry_status = status
                post.retry_reference = self.reference(
                    post.form, headers.get("Location", "") if headers else ""
                )
                with self.lock:
                    self.retry_queue.remove(post)
            if not waiting and self.loading_done.is_set() and self.faults_done.is_set():
                return
            time.sleep(0.5)


# --- watching /healthz ----------------------------------------------------------------------------------


class HealthWatch(threading.Thread):
    def __init__(self, port):
        super().__init__(daemon=True)
        self.port = port
        self.samples = []  # (monotonic time, status, checks)
        self.stopping = threading.Event()

    def run(self):
        while not self.stopping.is_set():
            self.samples.append(self.sample())
            self.stopping.wait(1)

    def sample(self):
        at = time.monotonic()
        status, _headers, text = request(self.port, "GET", "/healthz", timeout=10)
        try:
            checks = json.loads(text).get("checks", {})
        except ValueError:
            checks = {}
        return at, status, checks

    def between(self, start, end):
        return [sample for sample in self.samples if start <= sample[0] <= end]


def describe_samples(samples):
    """'5 × 503 (database failed), 2 × 200' for a list of /healthz samples."""
    counts = Counter()
    for _at, status, checks in samples:
        failed = sorted(name for name, result in checks.items() if result != "ok")
        counts[f"{status}" + (f" ({', '.join(failed)} failed)" if failed else "")] += 1
    return ", ".join(f"{count} × {what}" for what, count in counts.most_common()) or "no samples"


# --- faults ---------------------------------------------------------------------------------------------


@dataclass
class Fault:
    name: str
    start: float
    end: float = 0.0
    detail: str = ""
    load_progress: float = 0.0


class Faults(threading.Thread):
    """The faults, each when the load has reached its share of posts (and the one before has ended):
    a fast database stop, an SMTP outage, an immediate database stop, then the first worker is SIGKILLed
    and a replacement started five seconds later, as systemd's Restart=always with RestartSec=5 would."""

    def __init__(self, cluster, database, sink, processes, load, outage_seconds, smtp_seconds):
        super().__init__(daemon=True)
        self.cluster, self.database, self.sink, self.processes, self.load = (
            cluster,
            database,
            sink,
            processes,
            load,
        )
        self.outage_seconds, self.smtp_seconds = outage_seconds, smtp_seconds
        self.faults = []
        self.first_worker_survived = []  # per database outage: seconds until its next heartbeat, or None
        self.first_worker_alive_before_kill = None
        self.error = None

    def run(self):
        try:
            self.wait_for_progress(0.15)
            self.database_outage("fast")
            self.wait_for_progress(0.35)
            self.smtp_outage()
            self.wait_for_progress(0.50)
            self.database_outage("immediate")
            self.wait_for_progress(0.70)
            self.kill_first_worker()
        except Exception as error:  # noqa: BLE001 - reported in the summary, and the drill fails
            self.error = repr(error)
        finally:
            self.load.faults_done.set()

    def wait_for_progress(self, share):
        while self.load.progress < share and not self.load.loading_done.is_set():
            time.sleep(0.2)

    def begin(self, name):
        fault = Fault(name, time.monotonic(), load_progress=self.load.progress)
        self.faults.append(fault)
        return fault

    def database_outage(self, mode):
        # The people told to try again after the last outage do so before the next one starts.
        deadline = time.monotonic() + 120
        while self.load.retry_queue and time.monotonic() < deadline:
            time.sleep(0.5)
        fault = self.begin(f"database stopped (-m {mode})")
        self.load.database_down.set()
        self.cluster.stop(mode)
        time.sleep(self.outage_seconds)
        self.cluster.start()
        restarted_at = time.time()
        self.load.database_up_since = time.monotonic()
        self.load.database_down.clear()
        fault.end = time.monotonic()
        fault.detail = f"down {fault.end - fault.start:.1f} s"
        self.first_worker_survived.append(self.wait_for_first_worker_beat(restarted_at))

    def wait_for_first_worker_beat(self, since, seconds=90):
        """Seconds until the first worker (same process, never restarted) wrote a heartbeat after the
        database came back, or None if it did not within ``seconds``."""
        worker = self.processes.workers[0][0]
        deadline = time.monotonic() + seconds
        started = time.monotonic()
        while time.monotonic() < deadline and worker.poll() is None:
            beat = self.heartbeat_of(worker.pid)
            if beat is not None and beat.timestamp() > since:
                return time.monotonic() - started
            time.sleep(1)
        return None

    def heartbeat_of(self, pid):
        """The worker's last heartbeat, read on a connection of its own (this thread is no Django
        request, and the drill's own connection died with the database)."""
        try:
            with psycopg.connect(self.cluster.url(self.database), connect_timeout=5) as conn:
                row = conn.execute(
                    "SELECT max(beat_at) FROM positive_action_workerheartbeat WHERE pid = %s", [pid]
                ).fetchone()
            return row[0]
        except psycopg.Error:
            return None

    def smtp_outage(self):
        fault = self.begin("SMTP refusing (421 or dropped)")
        self.sink.refusing = True
        time.sleep(self.smtp_seconds)
        self.sink.refusing = False
        fault.end = time.monotonic()
        fault.detail = f"{self.sink.refused} connections refused"

    def kill_first_worker(self):
        worker = self.processes.workers[0][0]
        self.first_worker_alive_before_kill = worker.poll() is None
        fault = self.begin("worker SIGKILLed")
        worker.send_signal(signal.SIGKILL)
        worker.wait()
        time.sleep(5)  # RestartSec=5
        replacement = self.processes.start_worker("the supervisor (Restart=always)")
        fault.end = time.monotonic()
        fault.detail = f"pid {worker.pid} killed; pid {replacement.pid} started 5 s later"


# --- the publish check ----------------------------------------------------------------------------------


def publish_check(port, workers, env, answers=40):
    """Every gunicorn worker serves a page from the cache; `publish_scheduled` (as cron runs it) publishes
    a revision from another process; count the answers right after that still show the old page."""
    old, new = "Before the drill's publish.", f"Published by the fault drill {uuid.uuid4().hex[:8]}."
    page = StandardPage(
        title="Fault drill",
        slug=f"fault-drill-{uuid.uuid4().hex[:6]}",
        introduction=old,
        body="<p>Drill.</p>",
    )
    ensure_home_page().add_child(instance=page)
    page.save_revision().publish()
    path = page.url
    from_cache = set()
    deadline = time.monotonic() + 120
    while len(from_cache) < workers and time.monotonic() < deadline:
        for status, headers, _text in many(port, path, answers):
            if status == 200 and headers.get("X-Page-Cache") == "hit":
                from_cache.add(headers.get("X-Worker"))
    page.introduction = new
    page.save_revision(approved_go_live_at=timezone.now() - timedelta(seconds=1))
    published = subprocess.run(
        MANAGE + ["publish_scheduled"], env=env, cwd=ROOT, capture_output=True, text=True
    )
    results = many(port, path, answers)
    stale = sum(1 for status, _headers, text in results if status == 200 and new not in text)
    return {
        "warmed_workers": len(from_cache),
        "answers": len(results),
        "stale": stale,
        "not_200": sum(1 for status, *_ in results if status != 200),
        "answering_workers": len({headers.get("X-Worker") for status, headers, _ in results if status}),
        "publish_ok": published.returncode == 0,
        "publish_error": published.stderr[-500:],
    }


def many(port, path, count, connections=4):
    results = [None] * count

    def fetch(indexes):
        for index in indexes:
            results[index] = request(port, "GET", path, timeout=30)

    threads = [
        threading.Thread(target=fetch, args=(range(n, count, connections),)) for n in range(connections)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


# --- other helpers --------------------------------------------------------------------------------------


def flush_redis(url):
    client = redis.Redis.from_url(url, socket_connect_timeout=2)
    client.flushdb()
    client.close()


def run_id():
    return f"{int(time.time())}{os.getpid() % 1000:03d}"


# --- what is counted after ------------------------------------------------------------------------------


def in_window(moment, faults):
    """Whether a message accepted at ``moment`` falls in "accepted but not recorded": the mail server
    said yes and then the worker died, or lost the database before it could write "sent"."""
    for fault in faults:
        if fault.name.startswith("database") and fault.start - 1 <= moment <= fault.end:
            return True
        if fault.name.startswith("worker") and fault.start - 1 <= moment <= fault.start:
            return True
    return False


def tally(units, sink, faults):
    """Every count the summary reports, from the answers, the drill database and the sink."""
    connection.close()  # the drill's own connection may have died with the database
    posts = [post for unit in units for post in unit.posts]
    retried = [post for post in posts if post.retried]
    result = {
        "units": Counter(f"{unit.form} {unit.kind}" for unit in units),
        "posts": len(posts),
        "first_answers": Counter(post.status for post in posts),
        "errors": Counter(post.error.split("(")[0] for post in posts if post.error),
        "retried": len(retried),
        "retry_answers": Counter(post.retry_status for post in retried),
        "final_answers": Counter(post.final_status for post in posts),
    }
    confirmed = [post for post in posts if post.final_status == 302]
    record_references, people = set(), {}
    for form, model in (("support", SupportRequest), ("ambassador", Ambassador)):
        records = list(
            model.objects.filter(email__iendswith=f"@{DRILL_DOMAIN}").values_list("email", "reference")
        )
        record_references |= {reference for _email, reference in records}
        by_person = Counter(email.lower() for email, _reference in records)
        confirmed_people = {post.email for post in confirmed if post.form == form}
        people[form] = {
            "confirmed": len(confirmed_people),
            "stored": len(by_person),
            "records": len(records),
            "with_two_records": sum(1 for count in by_person.values() if count > 1),
            "confirmed_not_stored": len(confirmed_people - set(by_person)),
            "stored_not_confirmed": len(set(by_person) - confirmed_people),
        }
    result["people"] = people
    receipts = dict(
        SubmissionReceipt.objects.filter(record_reference__in=record_references).values_list(
            "reference", "record_reference"
        )
    )
    references = {post.final_reference for post in confirmed}
    result["confirmed_references"] = len(references)
    result["references_without_record"] = sum(
        1
        for reference in references
        if reference not in record_references and receipts.get(reference) is None
    )
    joined = {reference for reference, record in receipts.items() if reference != record}
    result["submissions_joined"] = len(joined)
    result["double_submits"] = pairs(units, "double-submit", lambda a, b: a == b)
    result["duplicates"] = pairs(
        units,
        "duplicate",
        lambda a, b: a != b and receipts.get(a) is not None and receipts.get(a) == receipts.get(b),
    )
    result["emails"] = emails(record_references, len(record_references) + len(joined), sink, faults)
    return result


def pairs(units, kind, as_expected):
    """For double-submits (the same reference twice) and duplicates (two references, one record): how
    many pairs, how many had both posts confirmed, and how many of those came out as they should."""
    units = [unit for unit in units if unit.kind == kind]
    both = [unit for unit in units if all(post.final_status == 302 for post in unit.posts)]
    good = [unit for unit in both if as_expected(*(post.final_reference for post in unit.posts))]
    return {"pairs": len(units), "both_confirmed": len(both), "as_expected": len(good)}


def emails(record_references, submissions, sink, faults):
    domain = FROM_EMAIL.rpartition("@")[2]
    rows = list(
        EmailDelivery.objects.filter(reference__in=record_references).values_list("pk", "reference", "status")
    )
    expected = {f"<outbox-{pk}-{reference}@{domain}>" for pk, reference, _status in rows}
    accepted = sink.message_ids()
    times = {}
    for message_id, moment in accepted:
        times.setdefault(message_id, []).append(moment)
    twice = {message_id: moments for message_id, moments in times.items() if len(moments) > 1}
    in_the_window = [message_id for message_id, moments in twice.items() if in_window(moments[0], faults)]
    return {
        "written": len(rows),
        "expected": 2 * submissions,  # the person's confirmation and the team's notice, per submission
        "statuses": Counter(status for _pk, _reference, status in rows),
        "delivered": len(expected & set(times)),
        "lost": len(expected - set(times)),
        "other_messages": len(set(times) - expected),
        "delivered_twice": len(twice),
        "twice_in_window": len(in_the_window),
        "twice_outside_window": len(twice) - len(in_the_window),
        "accepted_total": len(accepted),
        "refused_connections": sink.refused,
    }


def outbox_unsent():
    connection.close()
    return EmailDelivery.objects.unsent().count()
