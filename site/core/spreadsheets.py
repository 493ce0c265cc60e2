"""What every export of personal data writes the same way: cells that cannot run as formulas, and
times in the force's local time to the minute.

Every CSV and XLSX the site writes goes through ``formula_safe``: the support queue's export (a Wagtail
viewset index, through ``FormulaSafeExportMixin``), the ambassador list and network report downloads
(``csv_lines``) and Reports > Site history's export (``FormulaSafeExportMixin`` again)."""

import csv
import datetime
import itertools
import re

from django.utils import timezone

# Cells starting with these are formulas in spreadsheet programs; a leading apostrophe keeps them text.
# (OWASP's "CSV injection" list.) The apostrophe is written into XLSX cells too: openpyxl would store
# "=..." as a formula unless told otherwise, and a text cell that someone edits, or saves as CSV, is
# read as a formula again; the apostrophe keeps it inert wherever the file goes next.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A telephone number as typed ("+44 20 7946 0000", "-" or "(" inside) is left readable: with no letter,
# no "=", "@", tab or CR it cannot name a function, a cell, another file or a DDE command, so a
# spreadsheet can at worst treat it as a sum. OWASP would prefix it anyway; we keep numbers as typed.
TELEPHONE_LIKE = re.compile(r"[0-9 +\-().]+")
MINUTE_FORMAT = "%Y-%m-%d %H:%M"


def formula_safe(value):
    """Text a spreadsheet shows as typed: ``=HYPERLINK(...)`` becomes ``'=HYPERLINK(...)``."""
    text = str(value)
    if text.startswith(FORMULA_STARTS) and not TELEPHONE_LIKE.fullmatch(text):
        return "'" + text
    return text


def safe_cell(value):
    """A cell for CSV or XLSX: text made inert, numbers, dates and empty cells left as they are (so an
    XLSX keeps them typed)."""
    return formula_safe(value) if isinstance(value, str) else value


def csv_lines(headings, rows):
    """``headings`` then each of ``rows`` as CSV lines, every cell made inert, one line at a time (for a
    response to write or stream)."""
    buffer = _LineBuffer()
    writer = csv.writer(buffer)
    for row in itertools.chain([headings], rows):
        writer.writerow([safe_cell(value) for value in row])
        yield buffer.pop()


class _LineBuffer:
    """What ``csv.writer`` writes, kept until taken."""

    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)

    def pop(self):
        text, self.parts = "".join(self.parts), []
        return text


class FormulaSafeExportMixin:
    """For a view using Wagtail's ``SpreadsheetExportMixin`` (viewset index views, reports): every cell
    Wagtail writes passes through ``safe_cell`` after Wagtail's own formatting, for CSV and XLSX alike.
    Put it before the Wagtail view in the bases."""

    def preprocess_field_value(self, field, value, export_format):
        return safe_cell(super().preprocess_field_value(field, value, export_format))


def local_minute(value):
    """A stored (UTC) time as a Europe/London wall-clock time to the minute, e.g. ``2026-07-01 15:56``."""
    return timezone.localtime(value).strftime(MINUTE_FORMAT)


def local_naive(value):
    """A stored time as Europe/London wall-clock time without a zone, to the minute, which is what a
    spreadsheet cell holds: an XLSX date has no time zone, so a UTC one reads an hour out in summer."""
    return timezone.make_naive(value, timezone.get_current_timezone()).replace(second=0, microsecond=0)


def is_datetime(value):
    return isinstance(value, datetime.datetime)
