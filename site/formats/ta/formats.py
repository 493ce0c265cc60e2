# Django's Tamil formats have no DATETIME_FORMAT and a 12-hour clock; events use the 24-hour clock.
DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "l, j F Y, H:i"
