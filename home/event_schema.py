"""schema.org Event structured data (JSON-LD) for an event page, so search engines can show the event
with its date, status, place and attendance mode."""

import json

from django.utils.timezone import localtime

from home.choices import AttendanceMode, EventStatus

SCHEMA = "https://schema.org/"
EVENT_STATUS = {
    EventStatus.SCHEDULED: "EventScheduled",
    EventStatus.FULL: "EventScheduled",
    EventStatus.POSTPONED: "EventPostponed",
    EventStatus.CANCELLED: "EventCancelled",
}
ATTENDANCE_MODE = {
    AttendanceMode.IN_PERSON: "OfflineEventAttendanceMode",
    AttendanceMode.ONLINE: "OnlineEventAttendanceMode",
    AttendanceMode.HYBRID: "MixedEventAttendanceMode",
}
# JSON inside <script> must not be able to close the element or open a comment.
SCRIPT_SAFE = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def place(event):
    address = {"@type": "PostalAddress", "addressCountry": "GB"}
    street = ", ".join(line.strip() for line in event.venue_address.splitlines() if line.strip())
    if street:
        address["streetAddress"] = street
    if event.venue_postcode:
        address["postalCode"] = event.venue_postcode
    if event.borough_id:
        address["addressLocality"] = event.borough.name
    return {"@type": "Place", "name": event.venue_name, "address": address}


def locations(event):
    found = []
    if event.has_venue:
        found.append(place(event))
    if event.is_online:
        found.append({"@type": "VirtualLocation", "url": event.online_url})
    return found[0] if len(found) == 1 else found


def offer(event, page_url):
    availability = "SoldOut" if event.is_full else "InStock"
    return {
        "@type": "Offer",
        "price": "0",
        "priceCurrency": "GBP",
        "availability": SCHEMA + availability,
        "url": event.booking_url or page_url,
    }


def event_data(event, page_url, organizer_name, organizer_url):
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.summary,
        "url": page_url,
        "startDate": localtime(event.start).isoformat(),
        "endDate": localtime(event.end).isoformat(),
        "eventStatus": SCHEMA + EVENT_STATUS[event.status],
        "eventAttendanceMode": SCHEMA + ATTENDANCE_MODE[event.attendance_mode],
        "location": locations(event),
        "organizer": {"@type": "Organization", "name": organizer_name, "url": organizer_url},
        "isAccessibleForFree": True,
        "offers": offer(event, page_url),
    }
    if event.capacity:
        data["maximumAttendeeCapacity"] = event.capacity
    return data


def json_ld(data):
    """Serialised for a <script type="application/ld+json"> element."""
    return json.dumps(data, ensure_ascii=False).translate(SCRIPT_SAFE)
