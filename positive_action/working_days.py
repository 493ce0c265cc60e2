"""Working days in England and Wales, for the first-contact service target.

BANK_HOLIDAYS is the published list from gov.uk/bank-holidays (England and Wales), 2025 to 2027.
Extend it each year; `tests/positive_action/test_working_days.py` fails from 1 December of the last
listed year as a reminder.
"""

from datetime import date, timedelta

BANK_HOLIDAYS = frozenset(
    {
        # 2025
        date(2025, 1, 1), date(2025, 4, 18), date(2025, 4, 21), date(2025, 5, 5),
        date(2025, 5, 26), date(2025, 8, 25), date(2025, 12, 25), date(2025, 12, 26),
        # 2026
        date(2026, 1, 1), date(2026, 4, 3), date(2026, 4, 6), date(2026, 5, 4),
        date(2026, 5, 25), date(2026, 8, 31), date(2026, 12, 25), date(2026, 12, 28),
        # 2027
        date(2027, 1, 1), date(2027, 3, 26), date(2027, 3, 29), date(2027, 5, 3),
        date(2027, 5, 31), date(2027, 8, 30), date(2027, 12, 27), date(2027, 12, 28),
    }
)  # fmt: skip
LAST_LISTED_YEAR = max(day.year for day in BANK_HOLIDAYS)


def is_working_day(day):
    return day.weekday() < 5 and day not in BANK_HOLIDAYS


def working_days_before(day, count):
    """The date ``count`` working days before ``day``: anything registered before it has waited longer
    than ``count`` full working days."""
    current = day
    remaining = count
    while remaining > 0:
        current -= timedelta(days=1)
        if is_working_day(current):
            remaining -= 1
    return current


def add_working_days(day, count):
    current = day
    remaining = count
    while remaining > 0:
        current += timedelta(days=1)
        if is_working_day(current):
            remaining -= 1
    return current
