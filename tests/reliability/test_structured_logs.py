"""Logs are structured and carry no personal data, even when an error message quotes some."""

import io
import json
import logging
import sys
from smtplib import SMTPRecipientsRefused

import pytest
from django.db import IntegrityError
from django.test import Client

from recruitment_site.log_format import JsonFormatter, RedactingFormatter, redact
from tests.recruitment_site.test_settings import run_in_production

from .public_forms import REGISTRATION, post_form


@pytest.mark.parametrize(
    "personal",
    [
        "amina@example.org",
        "first.last+tag@sub.example.co.uk",
        "07700 900982",
        "07700900982",
        "020 7946 0123",
        "+44 7700 900982",
        "+447700900982",
        "(0161) 496 0000",
    ],
)
def test_email_addresses_and_uk_phone_numbers_are_removed(personal):
    assert personal not in redact(f"could not deliver to {personal}: refused")


@pytest.mark.parametrize(
    "harmless",
    [
        "support request 4812 moved to contacted",
        "reference PA-2026-00042 confirmed",
        "2026-11-25 17:25:17 took 812 ms",
        "retry in 3600 seconds, attempt 12 of 20",
    ],
)
def test_references_dates_and_counts_stay_readable(harmless):
    assert redact(harmless) == harmless


def log_record(message, *args, exc_info=None):
    return logging.LogRecord("positive_action", logging.ERROR, __file__, 1, message, args, exc_info)


def raised(error):
    try:
        raise error
    except type(error):
        return sys.exc_info()


def test_json_lines_have_time_level_logger_and_message():
    entry = json.loads(JsonFormatter().format(log_record("Email %s failed", 42)))

    assert entry["level"] == "ERROR" and entry["logger"] == "positive_action"
    assert entry["message"] == "Email 42 failed"
    assert entry["time"].endswith("+00:00")


def test_a_database_error_quoting_an_email_is_redacted_in_the_traceback():
    error = IntegrityError("duplicate key value\nDETAIL: Key (email)=(amina@example.org) already exists.")
    record = log_record("Registration failed", exc_info=raised(error))

    for formatter in (JsonFormatter(), RedactingFormatter("{message}", style="{")):
        line = formatter.format(record)
        assert "amina@example.org" not in line
        assert "already exists" in line


class RefusingSMTPBackend:
    """An SMTP server that rejects the recipient and quotes the address back, as real servers do."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        address = messages[0].to[0]
        raise SMTPRecipientsRefused({address: (550, f"<{address}> mailbox unavailable".encode())})


@pytest.fixture
def captured_json_log():
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    previous_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    yield stream
    root.removeHandler(handler)
    root.setLevel(previous_level)


def test_a_registration_whose_email_bounces_logs_nothing_about_the_person(
    pages, settings, captured_json_log, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = f"{__name__}.RefusingSMTPBackend"
    visitor = Client(raise_request_exception=False)

    with django_capture_on_commit_callbacks(execute=True):
        assert post_form(visitor, pages["registration"], REGISTRATION).status_code == 302
    visitor.get("/r/NOT-A-CODE/")
    visitor.get(f"/search/?query={REGISTRATION['email']}")

    lines = captured_json_log.getvalue().splitlines()
    assert lines, "the bounce should have been logged"
    for line in lines:
        json.loads(line)
        for personal in (REGISTRATION["name"], REGISTRATION["email"], REGISTRATION["phone"]):
            assert personal not in line


def test_production_logs_json_lines_by_default():
    result = run_in_production(
        "import logging; logging.getLogger('positive_action').warning('Email %s to jane@example.org failed', 7)"
    )

    entry = json.loads(result.stderr.strip().splitlines()[-1])
    assert entry["message"] == "Email 7 to [email removed] failed"


def test_an_unknown_log_format_stops_start_up():
    result = run_in_production("", LOG_FORMAT="xml")

    assert result.returncode != 0
    assert "LOG_FORMAT must be one of" in result.stderr
