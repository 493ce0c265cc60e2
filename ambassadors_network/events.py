"""Ambassador network meetings from the events calendar, for the team's view of an ambassador.

The events feature (``home.EventPage``, issue 3) is built on its own branch. Until it is merged the model
does not exist and these helpers return nothing, so the record page simply leaves the section out.
"""

from django.apps import apps
from django.utils import timezone

AMBASSADOR_MEETING_TYPE = "ambassador-meeting"
MEETINGS_SHOWN = 10


def event_page_model():
    try:
        return apps.get_model("home", "EventPage")
    except LookupError:
        return None


def network_meetings(now=None):
    """Recent and upcoming published ambassador network meetings, soonest first, or None without events."""
    EventPage = event_page_model()
    if EventPage is None:
        return None
    now = now or timezone.now()
    meetings = (
        EventPage.objects.live().public().in_active_language().filter(event_type=AMBASSADOR_MEETING_TYPE)
    )
    recent_start = now - timezone.timedelta(days=90)
    return list(meetings.filter(end__gte=recent_start).order_by("start")[:MEETINGS_SHOWN])
