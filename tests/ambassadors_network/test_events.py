"""Ambassador network meetings on the record page. They come from the events feature (issue 3, its own
branch); until it is merged there is no EventPage model and these tests are skipped with that reason."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from ambassadors_network.events import AMBASSADOR_MEETING_TYPE, event_page_model
from ambassadors_network.models import ContactType, EntryKind
from home import roles
from tests.factories import UserFactory
from tests.helpers import soup

from .factories import AmbassadorFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(event_page_model() is None, reason="home.EventPage (events branch) is not merged yet"),
]


def add_event(index, title, event_type, days_from_now):
    EventPage = event_page_model()
    start = timezone.now() + datetime.timedelta(days=days_from_now)
    event = EventPage(
        title=title,
        slug=title.lower().replace(" ", "-"),
        summary="A meeting.",
        event_type=event_type,
        start=start,
        end=start + datetime.timedelta(hours=2),
        venue_name="Community centre",
        venue_postcode="E1 1AA",
    )
    index.add_child(instance=event)
    event.save_revision().publish()
    return event


@pytest.fixture
def event_index(programme_page):
    from home.models import EventIndexPage

    index = EventIndexPage(title="Events", slug="events")
    programme_page.get_parent().add_child(instance=index)
    index.save_revision().publish()
    return index


def test_record_lists_ambassador_network_meetings_only(client, event_index):
    add_event(event_index, "Network meeting", AMBASSADOR_MEETING_TYPE, 7)
    other_type = next(
        value
        for value, _label in event_page_model().event_type.field.choices
        if value != AMBASSADOR_MEETING_TYPE
    )
    add_event(event_index, "Open day", other_type, 7)
    ambassador = AmbassadorFactory()
    client.force_login(UserFactory(role=roles.DIVERSITY_TEAM))

    page = soup(client.get(reverse("ambassadors:inspect", args=[ambassador.pk])))

    heading = page.find("h2", string="Ambassador network meetings")
    listed = [link.get_text(strip=True) for link in heading.find_next("ul").select("a")]
    assert listed == ["Network meeting"]


def test_attendance_is_logged_as_an_event_attended_contact_naming_the_meeting(client, event_index):
    meeting = add_event(event_index, "Network meeting", AMBASSADOR_MEETING_TYPE, -3)
    ambassador = AmbassadorFactory()
    client.force_login(UserFactory(role=roles.DIVERSITY_TEAM))

    client.post(
        reverse("ambassadors:log_contact", args=[ambassador.pk]),
        {"contact_type": ContactType.EVENT_ATTENDED, "event": str(meeting.pk), "text": "Brought two friends"},
    )

    contact = ambassador.timeline.get(kind=EntryKind.CONTACT)
    assert contact.contact_type == ContactType.EVENT_ATTENDED
    assert contact.text.startswith("Network meeting") and contact.text.endswith("Brought two friends")
