"""The admin and registration half of `make bench`: the support queue at 100,000 synthetic records,
its CSV and XLSX exports' memory, and registrations per second over HTTP against gunicorn.

Queue pages are timed in-process with Django's test client, signed in as a Diversity lead, so the figure
is server time without the network. The export is consumed in-process for two sizes of result while
a thread samples the process's resident memory, so "memory does not grow with the row count" is a measured comparison. Registrations are POSTed
concurrently to a gunicorn server whose reCAPTCHA check is answered locally (site/devtools/bench_wsgi.py).
"""

import gc
import http.client
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid
from pathlib import Path

import openpyxl
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client, override_settings

from home.roles import DIVERSITY_LEADS
from positive_action.models import SupportRequest

QUEUE = "/admin/support-queue/"
BENCH_EMAIL_DOMAIN = "bench-registration.invalid"


def bench_lead():
    user, _ = get_user_model().objects.get_or_create(
        username="bench-diversity-lead", defaults={"is_staff": True, "email": "lead@bench.invalid"}
    )
    user.groups.add(Group.objects.get_or_create(name=DIVERSITY_LEADS)[0])
    return user


def signed_in_client():
    client = Client()
    client.force_login(bench_lead())
    return client


def queue_urls():
    owner = SupportRequest.objects.exclude(owner=None).values_list("owner", flat=True).first()
    return [
        ("queue list", QUEUE),
        ("queue filtered (stage, owner)", f"{QUEUE}?stage=in_support&stage=contacted&owner={owner}"),
        ("queue overdue, by next contact", f"{QUEUE}?overdue=true&ordering=next_contact_date"),
        ("queue search (name)", f"{QUEUE}?q=patel"),
        (
            "queue search (reference)",
            f"{QUEUE}?q={SupportRequest.objects.values_list('reference', flat=True)[0]}",
        ),
    ]


def count_queries(client, url):
    queries = []
    with connection.execute_wrapper(lambda execute, sql, *args: queries.append(sql) or execute(sql, *args)):
        client.get(url)
    return len(queries)


def time_queue_pages(requests):
    client = signed_in_client()
    rows = []
    with override_settings(ALLOWED_HOSTS=["*"], DEBUG=False):
        for label, url in queue_urls():
            if client.get(url).status_code != 200:
                rows.append((label, None))
                continue
            queries = count_queries(client, url)
            wall, cpu = [], []
            for _ in range(requests):
                started, started_cpu = time.perf_counter(), time.process_time()
                client.get(url)
                wall.append((time.perf_counter() - started) * 1000)
                cpu.append((time.process_time() - started_cpu) * 1000)
            rows.append(
                (label, {"p50": statistics.median(wall), "cpu": statistics.median(cpu), "queries": queries})
            )
    return rows


def export_since(day, spreadsheet="csv"):
    url = f"{QUEUE}?export={spreadsheet}"
    return f"{url}&created_from={day.isoformat()}" if day else url


def day_covering(rows):
    """The registration day from which about ``rows`` records of the queue are newer."""
    created = SupportRequest.objects.in_queue().order_by("-created").values_list("created", flat=True)
    found = created[rows - 1 : rows]
    return found[0].date() if found else None


def rss_bytes():
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


class PeakRss(threading.Thread):
    """Samples this process's resident memory while an export streams (tracemalloc would be exact for
    Python objects but slows the export several times over)."""

    def __init__(self):
        super().__init__(daemon=True)
        self.baseline = self.peak = rss_bytes()
        self.running = True

    def run(self):
        while self.running:
            self.peak = max(self.peak, rss_bytes())
            time.sleep(0.02)

    def stop(self):
        self.running = False
        self.join()
        return (self.peak - self.baseline) / 1e6


def rows_in(download, spreadsheet):
    """Data rows in a downloaded export (the heading row left out)."""
    download.seek(0)
    if spreadsheet == "xlsx":
        # A write-only workbook records no dimensions, so the rows are counted by reading them.
        workbook = openpyxl.load_workbook(download, read_only=True)
        return sum(1 for _row in workbook.active.iter_rows(values_only=True)) - 1
    return sum(chunk.count(b"\n") for chunk in iter(lambda: download.read(1 << 20), b"")) - 1


def measure_export(client, url, spreadsheet):
    gc.collect()
    with override_settings(ALLOWED_HOSTS=["*"], DEBUG=False), tempfile.TemporaryFile() as download:
        sampler = PeakRss()
        sampler.start()
        started = time.perf_counter()
        response = client.get(url)
        for chunk in response.streaming_content:
            download.write(chunk)
        seconds = time.perf_counter() - started
        growth = sampler.stop()
        rows = rows_in(download, spreadsheet)
    return {
        "format": spreadsheet.upper(),
        "rows": rows,
        "seconds": seconds,
        "peak_mb": growth,
        "streaming": response.streaming,
    }


def time_exports(small_rows):
    client = signed_in_client()
    small = day_covering(small_rows)
    return [
        measure_export(client, export_since(day, spreadsheet), spreadsheet)
        for spreadsheet in ("csv", "xlsx")
        for day in (small, None)
    ]


def prepare_queue(records, ambassadors):
    """Generate the records in a separate process: generating 100,000 rows leaves this process's resident
    memory high, and the export's growth would then be hidden inside memory it had already taken."""
    command = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py"), "make_synthetic_records"]
    options = ["--support-requests", str(records), "--ambassadors", str(ambassadors), "-v0"]
    subprocess.run(command + options, check=True, stdout=subprocess.DEVNULL)


class Registrar(threading.Thread):
    """One visitor's browser: fetches the form once (CSRF cookie and token), then posts registrations
    with fresh one-time tokens and unique emails as fast as the server answers, until the deadline."""

    def __init__(self, port, path, deadline, number):
        super().__init__(daemon=True)
        self.port, self.path, self.deadline, self.number = port, path, deadline, number
        self.ok, self.failed, self.latencies = 0, 0, []

    def run(self):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        conn.request("GET", self.path)
        response = conn.getresponse()
        page = response.read().decode()
        cookie = re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie", "")).group(1)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        sent = 0
        while time.monotonic() < self.deadline:
            body = self.form(token, sent)
            started = time.perf_counter()
            conn.request("POST", self.path, body, self.headers(cookie))
            answer = conn.getresponse()
            answer.read()
            self.latencies.append((time.perf_counter() - started) * 1000)
            done = answer.status == 302 and "done=" in answer.getheader("Location", "")
            self.ok, self.failed = self.ok + done, self.failed + (not done)
            sent += 1
        conn.close()

    def headers(self, cookie):
        return {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={cookie}",
            "Referer": f"http://127.0.0.1:{self.port}{self.path}",
        }

    def form(self, token, sent):
        return urllib.parse.urlencode(
            [
                ("csrfmiddlewaretoken", token),
                ("name", f"Bench Visitor {self.number}-{sent}"),
                ("email", f"visitor{self.number}.{sent}.{uuid.uuid4().hex[:8]}@{BENCH_EMAIL_DOMAIN}"),
                ("phone", "07700 900982"),
                ("preferred_contact", "email"),
                ("borough", "outside"),
                ("role_of_interest", "constable"),
                ("application_progress", "not_applied"),
                ("support_wanted", "mentoring"),
                ("access_needs", ""),
                ("heard_about", "event"),
                ("consent", "on"),
                ("submission_token", str(uuid.uuid4())),
                ("website", ""),
                ("g-recaptcha-response", "bench-token"),
            ]
        )


def registrations_per_second(port, path, seconds, visitors):
    before = SupportRequest.objects.filter(email__endswith=f"@{BENCH_EMAIL_DOMAIN}").count()
    deadline = time.monotonic() + seconds
    started = time.perf_counter()
    registrars = [Registrar(port, path, deadline, number) for number in range(visitors)]
    for registrar in registrars:
        registrar.start()
    for registrar in registrars:
        registrar.join()
    elapsed = time.perf_counter() - started
    stored = SupportRequest.objects.filter(email__endswith=f"@{BENCH_EMAIL_DOMAIN}").count() - before
    ok = sum(registrar.ok for registrar in registrars)
    latencies = [latency for registrar in registrars for latency in registrar.latencies]
    return {
        "rps": ok / elapsed,
        "ok": ok,
        "failed": sum(registrar.failed for registrar in registrars),
        "stored": stored,
        "p50": statistics.median(latencies) if latencies else 0,
        "p99": statistics.quantiles(latencies, n=100)[98] if len(latencies) > 1 else 0,
    }
