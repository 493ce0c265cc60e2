from datetime import date

from recruitment_site.core.working_days import add_working_days, is_working_day, working_days_before


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


def test_bank_holidays_are_known_for_years_no_list_was_written_for():
    # Christmas 2032 falls on a Saturday, so Monday 27 and Tuesday 28 December are substitute days.
    assert not is_working_day(date(2032, 12, 27))
    assert not is_working_day(date(2032, 12, 28))
    assert is_working_day(date(2032, 12, 29))


def test_scottish_only_holidays_are_working_days_in_england():
    assert is_working_day(date(2026, 11, 30))  # St Andrew's Day (observed in Scotland only)
    assert is_working_day(date(2027, 1, 4))  # 2 January substitute (Scotland only)
