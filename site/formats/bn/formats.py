# Django's Bengali formats have no DATETIME_FORMAT (it would fall back to the American "N j, Y, P") and a
# 12-hour clock; events in the UK are listed in the 24-hour clock in every language.
DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "l, j F Y, H:i"
