"""Dates said the way the team says them: "today", "in 6 days", "3 days ago"."""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


def days_from_today(day, today=None):
    """ "today", "tomorrow", "in 6 days", "yesterday", "3 days ago"."""
    delta = (day - (today or timezone.localdate())).days
    if delta == 0:
        return _("today")
    if delta == 1:
        return _("tomorrow")
    if delta == -1:
        return _("yesterday")
    if delta > 0:
        return ngettext("in %(days)d day", "in %(days)d days", delta) % {"days": delta}
    return ngettext("%(days)d day ago", "%(days)d days ago", -delta) % {"days": -delta}


def day_with_distance(day, today=None):
    """ "Mon 7 Dec 2026 (in 6 days)"."""
    return f"{date_format(day, 'D j M Y')} ({days_from_today(day, today)})"
