"""What every export of personal data writes the same way: cells that cannot run as formulas, and
times in the force's local time to the minute."""

import datetime

from django.utils import timezone

# Cells starting with these are formulas in spreadsheet programs; a leading apostrophe keeps them text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MINUTE_FORMAT = "%Y-%m-%d %H:%M"


def formula_safe(value):
    """Text a spreadsheet shows as typed: ``=HYPERLINK(...)`` becomes ``'=HYPERLINK(...)``."""
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def local_minute(value):
    """A stored (UTC) time as a Europe/London wall-clock time to the minute, e.g. ``2026-07-01 15:56``."""
    return timezone.localtime(value).strftime(MINUTE_FORMAT)


def local_naive(value):
    """A stored time as Europe/London wall-clock time without a zone, to the minute, which is what a
    spreadsheet cell holds: an XLSX date has no time zone, so a UTC one reads an hour out in summer."""
    return timezone.make_naive(value, timezone.get_current_timezone()).replace(second=0, microsecond=0)


def is_datetime(value):
    return isinstance(value, datetime.datetime)
