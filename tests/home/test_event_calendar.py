import datetime
import zoneinfo

import pytest
from django.utils import timezone
from icalendar import Calendar

from home.choices import AttendanceMode, EventStatus
from home.models import EventPage
from tests.helpers import soup
from tests.home.event_factories import BoroughFactory, EventPageFactory, build_event_site, london

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


@pytest.fixture
def index():
    return build_event_site()


def parse_calendar(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def only_event(calendar):
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    return events[0]


def calendar_url(event):
    return event.url + "calendar/"


def test_event_calendar_file_downloads_with_the_events_slug_as_filename(client, index):
    event = EventPageFactory(parent=index, title="Mock interview evening")

    response = client.get(calendar_url(event))

    parse_calendar(response)
    assert response["Content-Disposition"] == 'attachment; filename="mock-interview-evening.ics"'


def test_event_calendar_file_carries_the_event_fields(client, index):
    event = EventPageFactory(parent=index, title="Information evening", capacity=40)

    calendar = parse_calendar(client.get(calendar_url(event)))
    vevent = only_event(calendar)

    assert calendar["VERSION"] == "2.0"
    assert calendar["METHOD"] == "PUBLISH"
    assert str(vevent["SUMMARY"]) == "Information evening"
    assert str(vevent["UID"]) == f"{event.translation_key}@testserver"
    assert vevent["SEQUENCE"] == 0
    assert str(vevent["STATUS"]) == "CONFIRMED"
    assert str(vevent["URL"]) == f"http://testserver{event.url}"
    assert str(vevent["LOCATION"]) == "Stratford Town Hall, 29 Broadway, London, E15 4BQ"
    assert "DTSTAMP" in vevent


@pytest.mark.parametrize(
    ("local", "utc"),
    [
        # Last Sunday of March: clocks go forward at 01:00 UTC, so 10:00 in London is 09:00 UTC.
        (london(2026, 3, 29, 10, 0), datetime.datetime(2026, 3, 29, 9, 0, tzinfo=UTC)),
        # The Saturday before it is still GMT.
        (london(2026, 3, 28, 10, 0), datetime.datetime(2026, 3, 28, 10, 0, tzinfo=UTC)),
        # Last Sunday of October: clocks go back at 01:00 UTC, so 10:00 in London is 10:00 UTC.
        (london(2026, 10, 25, 10, 0), datetime.datetime(2026, 10, 25, 10, 0, tzinfo=UTC)),
        (london(2026, 10, 24, 10, 0), datetime.datetime(2026, 10, 24, 9, 0, tzinfo=UTC)),
        (london(2027, 3, 28, 18, 30), datetime.datetime(2027, 3, 28, 17, 30, tzinfo=UTC)),
        (london(2027, 10, 31, 18, 30), datetime.datetime(2027, 10, 31, 18, 30, tzinfo=UTC)),
    ],
)
def test_start_time_is_right_on_either_side_of_the_clock_changes(client, index, local, utc):
    event = EventPageFactory(parent=index, start=local, end=local + datetime.timedelta(hours=2))

    response = client.get(calendar_url(event))
    vevent = only_event(parse_calendar(response))

    start = vevent.decoded("DTSTART")
    assert vevent["DTSTART"].params["TZID"] == "Europe/London"
    assert start.replace(tzinfo=None) == local.replace(tzinfo=None)
    assert start.astimezone(UTC) == utc
    assert f"DTSTART;TZID=Europe/London:{local:%Y%m%dT%H%M%S}" in response.content.decode()


def test_event_spanning_the_spring_clock_change_keeps_its_real_length(client, index):
    # 00:30 to 03:30 London time on 28 March 2027 is only two hours: 01:00 to 02:00 does not exist.
    event = EventPageFactory(parent=index, start=london(2027, 3, 28, 0, 30), end=london(2027, 3, 28, 3, 30))

    vevent = only_event(parse_calendar(client.get(calendar_url(event))))

    # Subtract in UTC: Python subtracts wall-clock times when both share one tzinfo.
    length = vevent.decoded("DTEND").astimezone(UTC) - vevent.decoded("DTSTART").astimezone(UTC)
    assert length == datetime.timedelta(hours=2)
    assert vevent.decoded("DTEND").astimezone(UTC) == datetime.datetime(2027, 3, 28, 2, 30, tzinfo=UTC)


def test_vtimezone_agrees_with_the_time_zone_database_across_the_events(client, index):
    EventPageFactory(parent=index, start=london(2027, 1, 10, 18, 0), end=london(2027, 1, 10, 20, 0))
    EventPageFactory(parent=index, start=london(2029, 11, 2, 18, 0), end=london(2029, 11, 2, 20, 0))
    (zone,) = parse_calendar(client.get("/events/feed/")).walk("VTIMEZONE")
    from_vtimezone = zone.to_tz()
    from_tzdata = zoneinfo.ZoneInfo("Europe/London")
    moment = datetime.datetime(2027, 1, 10, tzinfo=UTC)
    while moment < datetime.datetime(2029, 11, 3, tzinfo=UTC):
        assert moment.astimezone(from_vtimezone).utcoffset() == moment.astimezone(from_tzdata).utcoffset(), (
            moment
        )
        moment += datetime.timedelta(hours=6)


def test_calendar_declares_the_london_zone_once(client, index):
    EventPageFactory(parent=index)
    EventPageFactory(parent=index)

    calendar = parse_calendar(client.get("/events/feed/"))

    zones = calendar.walk("VTIMEZONE")
    assert [str(zone["TZID"]) for zone in zones] == ["Europe/London"]
    assert len(calendar.walk("VEVENT")) == 2


def test_cancelled_event_is_marked_cancelled_with_a_higher_sequence(client, index):
    event = EventPageFactory(parent=index, title="Fun day")
    event.status = EventStatus.CANCELLED
    event.save_revision().publish()

    vevent = only_event(parse_calendar(client.get(calendar_url(event))))

    assert str(vevent["STATUS"]) == "CANCELLED"
    assert vevent["SEQUENCE"] == 1
    assert str(vevent["SUMMARY"]) == "Cancelled: Fun day"


def test_postponed_event_is_tentative(client, index):
    event = EventPageFactory(parent=index, status=EventStatus.POSTPONED)

    vevent = only_event(parse_calendar(client.get(calendar_url(event))))

    assert str(vevent["STATUS"]) == "TENTATIVE"


def test_uid_survives_renaming_and_moving_the_slug_and_differs_between_events(client, index):
    event = EventPageFactory(parent=index, title="Workshop")
    other = EventPageFactory(parent=index, title="Another workshop")
    before = only_event(parse_calendar(client.get(calendar_url(event))))["UID"]

    event.title = "Renamed workshop"
    event.slug = "renamed-workshop"
    event.save_revision().publish()
    event = EventPage.objects.get(pk=event.pk)
    after = only_event(parse_calendar(client.get(calendar_url(event))))
    other_uid = only_event(parse_calendar(client.get(calendar_url(other))))["UID"]

    assert after["UID"] == before
    assert after["SEQUENCE"] == 1
    assert other_uid != before


def test_online_event_location_and_description_give_the_joining_link(client, index):
    event = EventPageFactory(
        parent=index,
        attendance_mode=AttendanceMode.ONLINE,
        venue_name="",
        venue_address="",
        venue_postcode="",
        online_url="https://meet.example.org/workshop",
    )

    vevent = only_event(parse_calendar(client.get(calendar_url(event))))

    assert str(vevent["LOCATION"]) == "Online: https://meet.example.org/workshop"
    assert "Join online: https://meet.example.org/workshop" in str(vevent["DESCRIPTION"])


def test_feed_is_one_calendar_of_upcoming_events_including_cancelled_ones(client, index):
    EventPageFactory(parent=index, title="Soon")
    EventPageFactory(parent=index, title="Called off", status=EventStatus.CANCELLED)
    EventPageFactory(
        parent=index,
        title="Long ago",
        start=timezone.now() - datetime.timedelta(days=9),
        end=timezone.now() - datetime.timedelta(days=9, hours=-2),
    )

    response = client.get("/events/feed/")
    calendar = parse_calendar(response)

    assert response.content.count(b"BEGIN:VCALENDAR") == 1
    assert response["Content-Disposition"] == 'attachment; filename="events.ics"'
    assert sorted(str(event["SUMMARY"]) for event in calendar.walk("VEVENT")) == [
        "Cancelled: Called off",
        "Soon",
    ]
    assert str(calendar["X-WR-CALNAME"]) == "Police recruitment events"
    assert calendar["REFRESH-INTERVAL"].dt == datetime.timedelta(hours=6)


def test_feed_takes_the_listing_filters(client, index):
    newham = BoroughFactory(name="Newham")
    EventPageFactory(parent=index, title="In Newham", borough=newham)
    EventPageFactory(parent=index, title="Elsewhere")

    calendar = parse_calendar(client.get("/events/feed/", {"borough": "newham"}))

    assert [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")] == ["In Newham"]


@pytest.mark.parametrize(
    "query", [{"borough": "atlantis"}, {"month": "2026-13"}, {"type": "<script>" * 1000}]
)
def test_feed_refuses_unknown_filters_with_a_plain_400(client, index, query):
    response = client.get("/events/feed/", query)

    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "filter we do not recognise" in response.content.decode()
    assert b"<script>" not in response.content


def test_past_event_still_has_its_calendar_file(client, index):
    event = EventPageFactory(
        parent=index,
        start=timezone.now() - datetime.timedelta(days=3),
        end=timezone.now() - datetime.timedelta(days=3, hours=-1),
    )

    assert only_event(parse_calendar(client.get(calendar_url(event))))["UID"]


def test_event_page_links_to_its_calendar_file(client, index):
    event = EventPageFactory(parent=index)

    link = soup(client.get(event.url)).find("a", string=lambda text: text and ".ics" in text)

    assert link["href"] == calendar_url(event)


def test_cancelled_event_page_tells_people_to_update_their_calendar_copy(client, index):
    event = EventPageFactory(parent=index, status=EventStatus.CANCELLED)

    link = soup(client.get(event.url)).find("a", string=lambda text: text and ".ics" in text)

    assert link["href"] == calendar_url(event)
    assert "mark the event as cancelled" in link.parent.get_text()
