"""Dates and times as the force reads them: days in Europe/London (settings.TIME_ZONE)."""

from datetime import datetime, time

from django.utils import timezone


def start_of_day(day):
    """The first moment of ``day`` in local time, as an aware datetime for comparing with stored times."""
    return timezone.make_aware(datetime.combine(day, time.min))
