"""Working days in England and Wales, for service targets such as the first-contact deadline.

Bank holidays come from the maintained `holidays` package (England subdivision, with the substitute
days gov.uk publishes), so no list here needs extending each year.
"""

from datetime import timedelta
from functools import lru_cache

import holidays


@lru_cache(maxsize=16)
def _bank_holidays(year):
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year))


def is_bank_holiday(day):
    return day in _bank_holidays(day.year)


def is_working_day(day):
    return day.weekday() < 5 and not is_bank_holiday(day)


def _step_working_days(day, count, step):
    current = day
    remaining = count
    while remaining > 0:
        current += step
        if is_working_day(current):
            remaining -= 1
    return current


def working_days_before(day, count):
    """The date ``count`` working days before ``day``: anything registered before it has waited longer
    than ``count`` full working days."""
    return _step_working_days(day, count, timedelta(days=-1))


def add_working_days(day, count):
    return _step_working_days(day, count, timedelta(days=1))
