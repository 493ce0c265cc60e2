"""schema.org Event structured data (JSON-LD) for an event page, so search engines can show the event
with its date, status, place, attendance mode, image and whether places are available.

Following schema.org and Google's Event documentation, a cancelled or postponed event keeps its original
dates with eventStatus saying what happened, and offers nothing: only an event that is going ahead and
has not ended offers places, InStock while there are places and SoldOut once it is full.
"""

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
    """Free places, or None when there is nothing to offer: cancelled, postponed or already over."""
    if event.is_cancelled or event.is_postponed or event.is_past():
        return None
    data = {
        "@type": "Offer",
        "price": "0",
        "priceCurrency": "GBP",
        "availability": SCHEMA + ("SoldOut" if event.is_full else "InStock"),
        "url": event.booking_url or page_url,
    }
    if event.first_published_at:
        data["validFrom"] = localtime(event.first_published_at).isoformat()
    return data


def event_data(event, page_url, organizer_name, organizer_url, image_url):
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
        "image": [image_url],
        "organizer": {"@type": "Organization", "name": organizer_name, "url": organizer_url},
        "isAccessibleForFree": True,
    }
    if offered := offer(event, page_url):
        data["offers"] = offered
    if event.capacity:
        data["maximumAttendeeCapacity"] = event.capacity
    return data
