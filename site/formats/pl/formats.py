# Django's Polish date and time (month in the genitive, "15 czerwca 2026"), with the weekday first.
DATETIME_FORMAT = "l, j E Y, H:i"
