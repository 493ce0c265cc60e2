"""Calendar arithmetic for retention periods, which the brief states in months."""

from calendar import monthrange
from datetime import datetime, time

from django.utils import timezone


def months_before(moment, months):
    """The same day and time ``months`` calendar months earlier (31 March minus one month is 28/29 Feb)."""
    month_index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(month_index, 12)
    day = min(moment.day, monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


def start_of_month(value):
    """Truncate a date or datetime to the first of its month, so kept dates no longer pin down a person."""
    if value is None:
        return None
    if isinstance(value, datetime):
        local = timezone.localtime(value) if timezone.is_aware(value) else value
        first = datetime.combine(local.date().replace(day=1), time.min)
        return timezone.make_aware(first) if timezone.is_aware(value) else first
    return value.replace(day=1)
