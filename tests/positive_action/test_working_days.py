from datetime import date

from django.utils import timezone

from positive_action.working_days import (
    LAST_LISTED_YEAR,
    add_working_days,
    is_working_day,
    working_days_before,
)


def test_weekends_and_bank_holidays_are_not_working_days():
    assert not is_working_day(date(2026, 11, 28))  # Saturday
    assert not is_working_day(date(2026, 12, 25))  # Christmas Day
    assert not is_working_day(date(2026, 12, 28))  # Boxing Day substitute
    assert is_working_day(date(2026, 11, 25))


def test_five_working_days_before_skips_weekend_and_easter():
    assert working_days_before(date(2026, 11, 24), 5) == date(2026, 11, 17)  # Tue -> previous Tue
    # Easter 2026: Good Friday 3 April and Easter Monday 6 April are skipped.
    assert working_days_before(date(2026, 4, 9), 5) == date(2026, 3, 31)


def test_add_working_days_over_christmas():
    assert add_working_days(date(2026, 12, 24), 2) == date(2026, 12, 30)


def test_bank_holiday_list_still_covers_next_year():
    """Fails from December of the last listed year: time to add next year's bank holidays."""
    today = timezone.localdate()
    assert LAST_LISTED_YEAR > today.year or today.month < 12
