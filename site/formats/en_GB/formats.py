# The formats the public pages used before they were translated, which Django's en_GB formats would change
# ("15 Jun 2026, 6:30 p.m."): event times in the 24-hour clock and month names in full.
DATE_FORMAT = "j F Y"  # 15 June 2026
TIME_FORMAT = "H:i"  # 18:30
DATETIME_FORMAT = "l j F Y, H:i"  # Monday 15 June 2026, 18:30
YEAR_MONTH_FORMAT = "F Y"  # June 2026
