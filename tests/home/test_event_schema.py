import json

import pytest

from home.choices import AttendanceMode, EventStatus
from tests.helpers import inline_code, soup
from tests.home.content_factories import ImageFactory
from tests.home.event_factories import BoroughFactory, EventPageFactory, build_event_site, london

pytestmark = pytest.mark.django_db


@pytest.fixture
def index():
    return build_event_site()


def structured_data(client, event):
    """The Event block; the page also carries its BreadcrumbList (tests/home/test_structured_data.py)."""
    scripts = soup(client.get(event.url)).select('script[type="application/ld+json"]')
    blocks = [json.loads(script.string) for script in scripts]
    assert sorted(block["@type"] for block in blocks) == ["BreadcrumbList", "Event"]
    return next(block for block in blocks if block["@type"] == "Event")


def test_event_page_has_schema_org_event_data(client, index):
    event = EventPageFactory(
        parent=index,
        title="Information evening",
        start=london(2099, 6, 1, 18, 0),
        capacity=60,
        borough=BoroughFactory(name="Newham"),
    )

    data = structured_data(client, event)

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Event"
    assert data["name"] == "Information evening"
    assert data["startDate"] == "2099-06-01T18:00:00+01:00"
    assert data["endDate"] == "2099-06-01T20:00:00+01:00"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"] == {
        "@type": "Place",
        "name": "Stratford Town Hall",
        "address": {
            "@type": "PostalAddress",
            "addressCountry": "GB",
            "streetAddress": "29 Broadway, London",
            "postalCode": "E15 4BQ",
            "addressLocality": "Newham",
        },
    }
    assert data["organizer"] == {
        "@type": "Organization",
        "name": "Police recruitment",
        "url": "http://testserver",
    }
    assert data["maximumAttendeeCapacity"] == 60
    assert data["url"] == f"http://testserver{event.url}"


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (EventStatus.CANCELLED, "EventCancelled"),
        (EventStatus.POSTPONED, "EventPostponed"),
        (EventStatus.FULL, "EventScheduled"),
    ],
)
def test_structured_data_carries_the_event_status(client, index, status, expected):
    data = structured_data(client, EventPageFactory(parent=index, status=status))

    assert data["eventStatus"] == f"https://schema.org/{expected}"


def test_online_event_has_a_virtual_location_and_no_capacity_when_unlimited(client, index):
    event = EventPageFactory(
        parent=index,
        attendance_mode=AttendanceMode.ONLINE,
        venue_name="",
        venue_address="",
        venue_postcode="",
        online_url="https://meet.example.org/online",
    )

    data = structured_data(client, event)

    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"] == {"@type": "VirtualLocation", "url": "https://meet.example.org/online"}
    assert "maximumAttendeeCapacity" not in data


def test_hybrid_event_has_both_a_place_and_a_virtual_location(client, index):
    event = EventPageFactory(
        parent=index, attendance_mode=AttendanceMode.HYBRID, online_url="https://meet.example.org/hybrid"
    )

    data = structured_data(client, event)

    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert [location["@type"] for location in data["location"]] == ["Place", "VirtualLocation"]


def test_structured_data_cannot_be_broken_out_of_by_a_title(client, index):
    title = "</script><script>alert(1)</script> & <!--"
    event = EventPageFactory(parent=index, title=title, slug="hostile-title")

    html = client.get(event.url).content.decode()

    assert "<script>alert(1)</script>" not in html
    assert structured_data(client, event)["name"] == title


def test_structured_data_is_not_inline_code(client, index):
    response = client.get(EventPageFactory(parent=index).url)

    assert inline_code(response) == []


def test_an_event_going_ahead_offers_free_places_in_stock(client, index):
    event = EventPageFactory(parent=index, booking_url="https://tickets.example.org/evening")

    offer = structured_data(client, event)["offers"]

    assert offer["availability"] == "https://schema.org/InStock"
    assert offer["price"] == "0"
    assert offer["url"] == "https://tickets.example.org/evening"
    assert offer["validFrom"]


def test_a_full_event_is_sold_out(client, index):
    data = structured_data(client, EventPageFactory(parent=index, status=EventStatus.FULL, capacity=30))

    assert data["offers"]["availability"] == "https://schema.org/SoldOut"


@pytest.mark.parametrize(
    ("status", "expected"),
    [(EventStatus.CANCELLED, "EventCancelled"), (EventStatus.POSTPONED, "EventPostponed")],
)
def test_a_cancelled_or_postponed_event_offers_nothing(client, index, status, expected):
    data = structured_data(client, EventPageFactory(parent=index, status=status))

    assert data["eventStatus"] == f"https://schema.org/{expected}"
    assert "offers" not in data
    assert "InStock" not in json.dumps(data)


def test_a_past_event_offers_nothing(client, index):
    event = EventPageFactory(parent=index, start=london(2020, 3, 5, 18, 0), end=london(2020, 3, 5, 20, 0))

    assert "offers" not in structured_data(client, event)


def test_event_image_is_the_shield_when_neither_the_event_nor_the_site_has_one(client, index):
    data = structured_data(client, EventPageFactory(parent=index))

    assert data["image"] == ["http://testserver/static/images/social-default.png"]


def test_event_image_is_the_events_own_sharing_image(client, index):
    image = ImageFactory(title="Stratford Town Hall")
    event = EventPageFactory(parent=index, social_image=image)

    [url] = structured_data(client, event)["image"]

    assert url.startswith("http://testserver/")
    assert "fill-1200x630" in url
