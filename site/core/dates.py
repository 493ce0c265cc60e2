"""Dates and times as the force reads them: days in Europe/London (settings.TIME_ZONE), and calendar
months by dateutil's relativedelta (31 March minus one month is the last day of February)."""

import zoneinfo
from datetime import datetime, time

from dateutil.relativedelta import relativedelta
from django.utils import timezone

# The force's own time zone, for values that must be London time whatever the active zone (calendar files).
LONDON = zoneinfo.ZoneInfo("Europe/London")


def start_of_day(day):
    """The first moment of ``day`` in local time, as an aware datetime for comparing with stored times."""
    return timezone.make_aware(datetime.combine(day, time.min))


def months_before(moment, months):
    """The same day and time ``months`` calendar months earlier, for periods the brief states in months."""
    return moment - relativedelta(months=months)


def start_of_month(value):
    """Truncate a date or datetime to the first of its month, so kept dates no longer pin down a person."""
    if value is None:
        return None
    if isinstance(value, datetime):
        local = timezone.localtime(value) if timezone.is_aware(value) else value
        first = datetime.combine(local.date().replace(day=1), time.min)
        return timezone.make_aware(first) if timezone.is_aware(value) else first
    return value.replace(day=1)
