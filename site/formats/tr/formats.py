# Django's Turkish date and time, with the weekday Turkish writes after the date.
DATETIME_FORMAT = "j F Y l, H:i"
