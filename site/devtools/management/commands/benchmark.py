"""`make bench`: serve the production configuration with gunicorn and measure it with wrk.

Two gunicorn servers run the production settings on 127.0.0.1: one with the page cache on, one with it off
(PAGE_CACHE_SECONDS=0), so cached and uncached throughput are measured in the same run, against the same
static-file reference. SQL queries and server time per page are measured in-process with the cache off.
Load comes from wrk in a separate process, for a bounded time per URL.

A second table covers the admin and registration (site/devtools/bench_admin.py): the support queue with 100,000
synthetic records generated into the bench database, its CSV export's memory at two sizes, and
registrations per second POSTed to a third gunicorn server.
"""

import json
import logging
import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client, override_settings

from recruitment_site.devtools import bench_admin

ROOT = Path(settings.BASE_DIR)
PAGE_MODELS = [
    ("campaign page", "home.CampaignPage", ""),
    ("events listing", "home.EventIndexPage", ""),
    ("events listing, filtered", "home.EventIndexPage", "?mode=online"),
    ("event page", "home.EventPage", ""),
    ("myths page", "home.MythsFactsPage", ""),
    ("registration page", "positive_action.SupportRegistrationPage", ""),
]
# Translated pages are measured like the English ones (issue 18): the right-to-left Urdu pages and the
# Bengali ones, whose demo translations `load_demo` adds in development.
TRANSLATED_PAGE_MODELS = [
    ("home page, Urdu", "home.HomePage", "ur"),
    ("myths page, Bengali", "home.MythsFactsPage", "bn"),
    ("registration page, Urdu", "positive_action.SupportRegistrationPage", "ur"),
]


def recommended_workers():
    # gunicorn's own starting point: while one worker waits on PostgreSQL (a registration commits twice),
    # another can use the core.
    return 2 * (os.cpu_count() or 1) + 1


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def first_live_url(model_label, language=None):
    try:
        model = apps.get_model(model_label)
    except LookupError:
        return None
    pages = model.objects.live().public().order_by("path")
    if language:
        pages = pages.filter(locale__language_code=language)
    page = pages.first()
    return page.url if page else None


def wrk(url, seconds, connections):
    result = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    )
    return parse_wrk(result.stdout)


def to_ms(value):
    number, unit = re.match(r"([\d.]+)(\w+)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def parse_wrk(output):
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50 = to_ms(re.search(r"\s50%\s+([\d.]+\w+)", output).group(1))
    p99 = to_ms(re.search(r"\s99%\s+([\d.]+\w+)", output).group(1))
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    return {"rps": rps, "p50": p50, "p99": p99, "errors": int(non_2xx.group(1)) if non_2xx else 0}


class Command(BaseCommand):
    help = "Benchmark the production configuration (gunicorn + whitenoise) with wrk and print a table."

    def add_arguments(self, parser):
        parser.add_argument("--seconds", type=int, default=5, help="load time per URL")
        parser.add_argument("--connections", type=int, default=16)
        parser.add_argument("--port", type=int, default=0, help="first of two ports (default: two free ones)")
        parser.add_argument(
            "--workers",
            type=int,
            default=recommended_workers(),
            help="gunicorn workers per server (default: 2 x cores + 1, as docs/deployment.md runs production)",
        )
        parser.add_argument("--records", type=int, default=100_000, help="synthetic support requests")
        parser.add_argument("--admin-requests", type=int, default=20, help="requests per queue page (p50)")
        parser.add_argument("--visitors", type=int, default=16, help="concurrent registration posters")
        parser.add_argument("--skip-admin", action="store_true", help="only the public pages")

    def handle(self, *args, seconds, connections, port, workers, **options):
        if not shutil.which("wrk"):
            raise CommandError("wrk is not installed: apt-get install wrk")
        port, uncached_port = (port, port + 1) if port else (free_port(), free_port())
        env = self.production_env(port)
        self.prepare(env)
        cached = self.start_server(env, port, workers)
        uncached = self.start_server({**env, "PAGE_CACHE_SECONDS": "0"}, uncached_port, workers)
        try:
            rows = self.measure(port, uncached_port, seconds, connections)
        finally:
            self.stop(cached, uncached)
        self.print_table(rows)
        if not options["skip_admin"]:
            self.admin_and_registration(env, workers, seconds, options)

    def stop(self, *servers):
        for server in servers:
            server.terminate()
            server.wait(timeout=10)

    def admin_and_registration(self, env, workers, seconds, options):
        # The in-process sign-ins as a Diversity lead would print django-axes' notices between the tables.
        logging.getLogger("axes").setLevel(logging.WARNING)
        self.stdout.write(
            f"\nGenerating {options['records']} synthetic support requests (skipped if present)..."
        )
        bench_admin.prepare_queue(options["records"], ambassadors=500)
        queue = bench_admin.time_queue_pages(options["admin_requests"])
        exports = bench_admin.time_exports(small_rows=options["records"] // 10)
        registration = self.measure_registration(env, workers, seconds, options["visitors"])
        self.print_admin_table(queue, exports, registration, {**options, "workers": workers})

    def measure_registration(self, env, workers, seconds, visitors):
        path = first_live_url("positive_action.SupportRegistrationPage")
        if path is None:
            return None
        port = free_port()
        # One host posts everything, so the per-IP rate limit (5 per 10 minutes) is lifted for this server.
        server_env = {**env, "PAGE_CACHE_SECONDS": "0", "PUBLIC_FORM_RATE_LIMIT": str(10**9)}
        server = self.start_server(
            server_env, port, workers, app="recruitment_site.devtools.bench_wsgi:registration_app()"
        )
        try:
            return bench_admin.registrations_per_second(port, path, max(seconds, 10), visitors)
        finally:
            self.stop(server)

    def production_env(self, port):
        env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
        env.update(
            DJANGO_SETTINGS_MODULE="recruitment_site.settings.production",
            SECRET_KEY=secrets.token_urlsafe(50),
            ALLOWED_HOSTS="127.0.0.1,localhost",
            DATABASE_URL=os.environ.get("DATABASE_URL")
            or f"sqlite:///{settings.DATABASES['default']['NAME']}",
            # Production requires a shared cache: REDIS_URL if set, else a database of the local Redis's own
            # (if Redis is not running, the servers serve uncached and the "cached" column says so).
            REDIS_URL=os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/1",
            WAGTAILADMIN_BASE_URL=f"http://127.0.0.1:{port}",
            EMAIL_HOST="127.0.0.1",
            DEFAULT_FROM_EMAIL="bench@example.org",
            # Production settings refuse to start without keys; throwaway ones (never sent to Google: the
            # registration server answers the check locally) keep real keys out of the benchmark.
            RECAPTCHA_PUBLIC_KEY=secrets.token_urlsafe(30),
            RECAPTCHA_PRIVATE_KEY=secrets.token_urlsafe(30),
            SECURE_SSL_REDIRECT="false",
            LOG_LEVEL="WARNING",
        )
        return env

    def prepare(self, env):
        manage = [sys.executable, str(ROOT / "manage.py")]
        # The demo loader is development tooling: only the development settings install it.
        development = {**env, "DJANGO_SETTINGS_MODULE": "recruitment_site.settings.dev"}
        steps = (
            (["create_database"], env),
            (["migrate", "--noinput"], env),
            (["load_demo"], development),
            (["collectstatic", "--noinput"], env),
        )
        for command, command_env in steps:
            subprocess.run(manage + command + ["-v0"], env=command_env, check=True, cwd=ROOT)

    def start_server(self, env, port, workers, app="recruitment_site.wsgi"):
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                app,
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(workers),
                "--log-level",
                "warning",
            ],
            env=env,
            cwd=ROOT,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/robots.txt", timeout=1)
                return server
            except OSError:
                time.sleep(0.3)
        server.terminate()
        raise CommandError(f"gunicorn did not start on port {port}")

    def static_css_path(self):
        manifest = json.loads((Path(settings.STATIC_ROOT) / "staticfiles.json").read_text())
        return "/static/" + manifest["paths"]["css/main.css"]

    def pages(self):
        pages = [("home page", "/")]
        for label, model_label, query in PAGE_MODELS:
            url = first_live_url(model_label)
            pages.append((label, url + query if url else None))
        for label, model_label, language in TRANSLATED_PAGE_MODELS:
            pages.append((label, first_live_url(model_label, language)))
        return pages

    def measure(self, port, uncached_port, seconds, connections):
        static = wrk(f"http://127.0.0.1:{port}{self.static_css_path()}", seconds, connections)
        rows = [("static CSS file (reference)", static, None, None, None)]
        for label, path in self.pages():
            if path is None:
                rows.append((label, None, None, None, None))
                continue
            cached = wrk(f"http://127.0.0.1:{port}{path}", seconds, connections)
            uncached = wrk(f"http://127.0.0.1:{uncached_port}{path}", seconds, connections)
            queries, server_ms = self.in_process(path)
            rows.append((label, cached, uncached, queries, server_ms))
        self.static_rps = static["rps"]
        return rows

    def in_process(self, path):
        """SQL queries and median server time for one uncached request, without network or gunicorn."""
        with override_settings(PAGE_CACHE_SECONDS=0, ALLOWED_HOSTS=["*"], DEBUG=False):
            client = Client()
            if client.get(path).status_code != 200:
                raise CommandError(f"{path} did not answer 200 in-process")
            queries = []
            with connection.execute_wrapper(
                lambda execute, sql, *args: queries.append(sql) or execute(sql, *args)
            ):
                client.get(path)
            timings = []
            for _ in range(30):
                started = time.perf_counter()
                client.get(path)
                timings.append((time.perf_counter() - started) * 1000)
        return len(queries), statistics.median(timings)

    def print_table(self, rows):
        header = (
            f"{'page':<30} {'cached rps':>11} {'% static':>9} {'p50 ms':>7} {'p99 ms':>7} "
            f"{'uncached rps':>13} {'% static':>9} {'p50 ms':>7} {'p99 ms':>7} {'SQL':>4} {'server p50 ms':>14}"
        )
        self.stdout.write(header)
        self.stdout.write("-" * len(header))
        for label, cached, uncached, queries, server_ms in rows:
            if cached is None:
                self.stdout.write(f"{label:<30} not built yet")
                continue
            line = f"{label:<30} {cached['rps']:>11.0f} {100 * cached['rps'] / self.static_rps:>8.1f}% "
            line += f"{cached['p50']:>7.2f} {cached['p99']:>7.2f} "
            if uncached:
                line += f"{uncached['rps']:>13.0f} {100 * uncached['rps'] / self.static_rps:>8.1f}% "
                line += f"{uncached['p50']:>7.2f} {uncached['p99']:>7.2f} {queries:>4} {server_ms:>14.2f}"
            errors = cached["errors"] + (uncached["errors"] if uncached else 0)
            if errors:
                line += f"  ({errors} non-2xx responses)"
            self.stdout.write(line)

    def admin_row(self, label, result, queries="", cpu=""):
        self.stdout.write(f"{label:<42} {result:>26} {queries:>4} {cpu:>11}")

    def print_admin_table(self, queue, exports, registration, options):
        self.stdout.write("")
        self.admin_row("admin and registration", "result", "SQL", "CPU p50 ms")
        self.stdout.write("-" * 86)
        records = f"{options['records'] // 1000}k records"
        for label, row in queue:
            if row is None:
                self.admin_row(label, "not available")
                continue
            self.admin_row(
                f"{label}, {records}", f"p50 {row['p50']:.0f} ms", row["queries"], f"{row['cpu']:.0f}"
            )
        for export in exports:
            kind = "streamed" if export["streaming"] else "NOT streamed"
            result = f"{export['seconds']:.1f} s, RSS +{export['peak_mb']:.1f} MB"
            self.admin_row(f"{export['format']} export, {export['rows']} rows ({kind})", result)
        if registration is None:
            self.admin_row("registrations", "no registration page")
        else:
            self.admin_row(
                f"registrations, {options['visitors']} concurrent",
                f"{registration['rps']:.0f}/s, p50 {registration['p50']:.0f} ms",
            )
            lost = f" ({registration['failed']} failed)" if registration["failed"] else ""
            self.admin_row(
                "  confirmed (302) / rows stored", f"{registration['ok']} / {registration['stored']}{lost}"
            )
        load = os.getloadavg()
        self.stdout.write(
            f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} cores, "
            f"{options['workers']} gunicorn workers per server"
        )
