"""iCalendar (RFC 5545) files for events: one event's .ics download and the subscribable feed.

Decisions:
- UID is the page's translation_key (a UUID that survives edits, moves and slug changes) at the site's
  host name, so it is globally unique and stable, as RFC 5545 section 3.8.4.7 requires.
- Times are written in the Europe/London zone with a VTIMEZONE built from the UK rule (last Sunday of
  March and October, 01:00 UTC), so calendars show the right local time on either side of a clock change.
- A cancelled event stays in the feed with STATUS:CANCELLED until it ends, so subscribers' calendars
  remove it; SEQUENCE comes from EventPage.sequence, which rises on every significant change.
"""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard, vDuration, vRecur

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


def london_timezone():
    """VTIMEZONE for Europe/London under the rule in force since 1996."""
    zone = Timezone()
    zone.add("tzid", "Europe/London")
    zone.add("x-lic-location", "Europe/London")
    summer = TimezoneDaylight()
    summer.add("tzname", "BST")
    summer.add("dtstart", datetime.datetime(1996, 3, 31, 1, 0))
    summer.add("rrule", vRecur(freq="YEARLY", bymonth=3, byday="-1SU"))
    summer.add("tzoffsetfrom", datetime.timedelta(hours=0))
    summer.add("tzoffsetto", datetime.timedelta(hours=1))
    winter = TimezoneStandard()
    winter.add("tzname", "GMT")
    winter.add("dtstart", datetime.datetime(1996, 10, 27, 2, 0))
    winter.add("rrule", vRecur(freq="YEARLY", bymonth=10, byday="-1SU"))
    winter.add("tzoffsetfrom", datetime.timedelta(hours=1))
    winter.add("tzoffsetto", datetime.timedelta(hours=0))
    zone.add_component(summer)
    zone.add_component(winter)
    return zone


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
    calendar.add_component(london_timezone())
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
    for event in events:
        calendar.add_component(calendar_event(event, url_for(event), hostname))
    return calendar.to_ical()
