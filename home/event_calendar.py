"""iCalendar (RFC 5545) files for events: one event's .ics download and the subscribable feed.

Decisions:
- UID is the page's translation_key (a UUID that survives edits, moves and slug changes) at the site's
  host name, so it is globally unique and stable, as RFC 5545 section 3.8.4.7 requires.
- Times are written in the Europe/London zone with a VTIMEZONE that icalendar builds from the time zone
  database (``add_missing_timezones``), so calendars show the right local time on either side of a clock
  change.
- A cancelled event stays in the feed with STATUS:CANCELLED until it ends, so subscribers' calendars
  remove it; SEQUENCE comes from EventPage.sequence, which rises on every significant change.
"""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vDuration

from home.choices import EventStatus
from recruitment_site.core.dates import LONDON

PRODUCT_ID = "-//Police recruitment site//Events//EN"
CONTENT_TYPE = "text/calendar; charset=utf-8"
# Calendar apps poll a subscription at most this often.
REFRESH_INTERVAL = datetime.timedelta(hours=6)
ICAL_STATUS = {
    EventStatus.SCHEDULED: "CONFIRMED",
    EventStatus.FULL: "CONFIRMED",
    EventStatus.POSTPONED: "TENTATIVE",
    EventStatus.CANCELLED: "CANCELLED",
}


def new_calendar(name=None):
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if name:
        calendar.add("x-wr-calname", name)
        calendar.add("x-wr-timezone", "Europe/London")
        calendar.add("refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
        calendar.add("x-published-ttl", vDuration(REFRESH_INTERVAL))
    return calendar


def event_uid(event, hostname):
    return f"{event.translation_key}@{hostname or 'localhost'}"


def event_summary(event):
    if event.is_cancelled:
        return _("Cancelled: %(title)s") % {"title": event.title}
    if event.is_postponed:
        return _("Postponed: %(title)s") % {"title": event.title}
    return event.title


def event_description(event, page_url):
    lines = [event.summary]
    if event.is_full:
        lines.append(_("This event is fully booked."))
    if event.is_online and event.online_url:
        lines.append(_("Join online: %(url)s") % {"url": event.online_url})
    lines.append(_("Details: %(url)s") % {"url": page_url})
    return "\n\n".join(lines)


def calendar_event(event, page_url, hostname):
    """One VEVENT. page_url is the event page's full address."""
    component = Event()
    component.add("uid", event_uid(event, hostname))
    component.add("sequence", event.sequence)
    component.add("dtstamp", timezone.now().astimezone(datetime.UTC))
    if event.last_published_at:
        component.add("last-modified", event.last_published_at.astimezone(datetime.UTC))
    component.add("dtstart", event.start.astimezone(LONDON))
    component.add("dtend", event.end.astimezone(LONDON))
    component.add("summary", event_summary(event))
    component.add("description", event_description(event, page_url))
    location = event.location_text()
    if location:
        component.add("location", location)
    component.add("url", page_url)
    component.add("categories", [event.get_event_type_display()])
    component.add("status", ICAL_STATUS[event.status])
    component.add("transp", "OPAQUE")
    return component


def calendar_bytes(events, hostname, url_for, name=None):
    """The serialised calendar; url_for(event) gives each event page's full address."""
    calendar = new_calendar(name)
    days = []
    for event in events:
        calendar.add_component(calendar_event(event, url_for(event), hostname))
        days += [event.start.date(), event.end.date()]
    if days:
        # icalendar writes the zone from the time zone database, with the clock changes from a day before
        # the first event to a day after the last (without bounds it writes 1970 to 2038).
        calendar.add_missing_timezones(
            first_date=min(days) - datetime.timedelta(days=1),
            last_date=max(days) + datetime.timedelta(days=1),
        )
    return calendar.to_ical()
