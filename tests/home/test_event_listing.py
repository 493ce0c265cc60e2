import datetime
from urllib.parse import parse_qs, urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from home.blocks import UpcomingEventsBlock
from home.choices import AttendanceMode, EventStatus, EventType
from tests.helpers import h1_texts, inline_code, soup
from tests.home.event_factories import (
    BoroughFactory,
    CommunityFactory,
    EventPageFactory,
    build_event_site,
    london,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def index():
    return build_event_site()


@pytest.fixture
def no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0


def in_days(days, hour=18):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return london(day.year, day.month, day.day, hour, 0)


def listed_titles(response):
    return [title.get_text(strip=True) for title in soup(response).select(".event-card__title")]


def online(**fields):
    return {
        "attendance_mode": AttendanceMode.ONLINE,
        "venue_name": "",
        "venue_address": "",
        "venue_postcode": "",
        "online_url": "https://meet.example.org/session",
        **fields,
    }


@pytest.fixture
def programme(index):
    """Five upcoming events of different kinds and one past event."""
    newham = BoroughFactory(name="Newham")
    ealing = BoroughFactory(name="Ealing")
    somali = CommunityFactory(name="Somali")
    EventPageFactory(
        parent=index, title="Newham evening", start=in_days(3), borough=newham, communities=[somali]
    )
    EventPageFactory(
        parent=index,
        title="Ealing mock interviews",
        start=in_days(5),
        borough=ealing,
        event_type=EventType.MOCK_INTERVIEW,
        status=EventStatus.FULL,
    )
    EventPageFactory(parent=index, title="Online workshop", start=in_days(8), **online())
    EventPageFactory(parent=index, title="Cancelled fun day", start=in_days(10), status=EventStatus.CANCELLED)
    EventPageFactory(parent=index, title="Postponed session", start=in_days(12), status=EventStatus.POSTPONED)
    EventPageFactory(parent=index, title="Last month's session", start=in_days(-30), borough=newham)
    return index


def test_listing_shows_upcoming_events_soonest_first_with_one_h1(client, programme):
    response = client.get("/events/")

    assert response.status_code == 200
    assert h1_texts(response) == ["Events"]
    assert listed_titles(response) == [
        "Newham evening",
        "Ealing mock interviews",
        "Online workshop",
        "Cancelled fun day",
        "Postponed session",
    ]
    assert inline_code(response) == []


def test_cancelled_postponed_and_full_events_are_labelled_in_the_listing(client, programme):
    cards = {
        card.select_one(".event-card__title").get_text(strip=True): card
        for card in soup(client.get("/events/")).select(".event-card")
    }

    assert cards["Cancelled fun day"].select_one(".event-status").get_text(strip=True) == "Cancelled"
    assert cards["Postponed session"].select_one(".event-status").get_text(strip=True) == "Postponed"
    assert cards["Ealing mock interviews"].select_one(".event-status").get_text(strip=True) == "Fully booked"
    assert cards["Newham evening"].select_one(".event-status") is None


def test_archive_lists_past_events_only_with_its_own_h1(client, programme):
    response = client.get("/events/past/")

    assert response.status_code == 200
    assert h1_texts(response) == ["Past events"]
    assert listed_titles(response) == ["Last month's session"]
    assert soup(response).select_one(".event-views a[aria-current]").get_text(strip=True) == "Past events"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"type": "mock-interview"}, ["Ealing mock interviews"]),
        ({"borough": "newham"}, ["Newham evening"]),
        ({"community": "somali"}, ["Newham evening"]),
        ({"mode": "online"}, ["Online workshop"]),
        ({"borough": "newham", "type": "mock-interview"}, []),
    ],
)
def test_each_filter_narrows_the_listing(client, programme, query, expected):
    response = client.get("/events/", query)

    assert response.status_code == 200
    assert listed_titles(response) == expected


def test_month_filter_lists_only_events_starting_that_month(client, index):
    EventPageFactory(parent=index, title="March event", start=london(2099, 3, 10, 18, 0))
    EventPageFactory(parent=index, title="April event", start=london(2099, 4, 10, 18, 0))

    response = client.get("/events/", {"month": "2099-04"})

    assert response.status_code == 200
    assert listed_titles(response) == ["April event"]
    # A month outside the offered year, from a shared link, shows as the chosen option.
    assert soup(response).select_one("#id_month option[selected]")["value"] == "2099-04"


def test_archive_filters_past_events(client, programme):
    response = client.get("/events/past/", {"borough": "ealing"})

    assert listed_titles(response) == []
    assert "No events match your filters" in response.content.decode()


def test_filter_form_is_a_get_form_with_a_label_for_every_control(client, programme):
    form = soup(client.get("/events/")).select_one("form.event-filters")

    assert form["method"] == "get"
    assert form["action"] == "/events/"
    for control in form.select("select"):
        assert form.select_one(f"label[for={control['id']}]"), control["name"]
    assert {control["name"] for control in form.select("select")} == {
        "type",
        "borough",
        "community",
        "mode",
        "month",
    }


def test_pagination_keeps_the_filters_in_its_links(client, index):
    for number in range(12):
        EventPageFactory(parent=index, title=f"Online {number:02d}", start=in_days(number + 1), **online())
    EventPageFactory(parent=index, title="In person")

    first = client.get("/events/", {"mode": "online"})
    next_link = soup(first).select_one(".pagination a")["href"]
    second = client.get("/events/" + next_link)

    assert len(listed_titles(first)) == 10
    assert parse_qs(urlsplit(next_link).query) == {"mode": ["online"], "page": ["2"]}
    assert listed_titles(second) == ["Online 10", "Online 11"]


@pytest.mark.parametrize("page", ["abc", "-1", "0", "9" * 5000, "1.5", "99999"])
def test_odd_page_numbers_show_a_normal_page(client, programme, page):
    response = client.get("/events/", {"page": page})

    assert response.status_code == 200
    assert listed_titles(response)


HOSTILE_VALUES = [
    "no-such-type",
    "x" * 20000,
    "' OR 1=1 --",
    "1; DROP TABLE home_eventpage; --",
    "<script>alert(1)</script>",
    "\x00",
    "%",
]


@pytest.mark.parametrize("field", ["type", "borough", "community", "mode", "month"])
@pytest.mark.parametrize("value", HOSTILE_VALUES)
def test_hostile_filter_values_get_a_400_with_a_clear_message_and_still_list_events(
    client, programme, field, value
):
    response = client.get("/events/", {field: value})

    body = response.content.decode()
    assert response.status_code == 400
    assert h1_texts(response) == ["Events"]
    assert "There is a problem with the filters" in body
    assert len(listed_titles(response)) == 5
    assert "<script>alert(1)</script>" not in body
    assert "x" * 200 not in body
    assert "DROP TABLE" not in body


@pytest.mark.parametrize(
    "month", ["2026-13", "2026-00", "2026-1", "26-01", "0001-01", "9999-12", "2026-02-01"]
)
def test_malformed_months_are_refused_with_a_message_on_the_month_control(client, programme, month):
    response = client.get("/events/", {"month": month})

    document = soup(response)
    assert response.status_code == 400
    assert (
        document.select_one("#id_month-error").get_text(" ", strip=True)
        == "Error: Choose a month from the list."
    )
    assert document.select_one("#id_month")["aria-describedby"] == "id_month-error"


def test_one_bad_filter_leaves_the_good_ones_applied(client, programme):
    response = client.get("/events/", {"borough": "newham", "type": "bogus"})

    assert response.status_code == 400
    assert listed_titles(response) == ["Newham evening"]


def test_unknown_parameters_are_ignored(client, programme):
    response = client.get("/events/", {"utm_source": "newsletter", "colour": "<b>red</b>"})

    assert response.status_code == 200
    assert len(listed_titles(response)) == 5


def test_listing_explains_how_to_subscribe_with_a_webcal_link_carrying_the_filters(client, programme):
    section = soup(client.get("/events/", {"borough": "newham"})).select_one(".calendar-subscribe")

    assert section.select_one("a.button")["href"] == "webcal://testserver/events/feed/?borough=newham"
    assert "http://testserver/events/feed/?borough=newham" in section.get_text()


def test_empty_listing_says_so(client, index):
    response = client.get("/events/")

    assert listed_titles(response) == []
    assert "No events are planned at the moment" in response.content.decode()


def test_event_page_shows_status_details_and_access_information(client, index):
    event = EventPageFactory(
        parent=index,
        title="Hybrid workshop",
        attendance_mode=AttendanceMode.HYBRID,
        online_url="https://meet.example.org/hybrid",
        step_free_access=True,
        prayer_room=True,
        access_notes="British Sign Language interpreter on request.",
        capacity=25,
        status=EventStatus.POSTPONED,
        booking_url="https://example.org/book",
    )

    document = soup(client.get(event.url))

    assert h1_texts(client.get(event.url)) == ["Postponed: Hybrid workshop"]
    assert "a new date will be announced" in document.select_one(".event-status").get_text()
    assert [li.get_text() for li in document.select(".event-access li")] == [
        "Step-free access",
        "Prayer or quiet room",
    ]
    assert "British Sign Language" in document.get_text()
    assert document.select_one("a.button")["href"] == "https://example.org/book"
    details = document.select_one(".event-details").get_text(" ", strip=True)
    assert "Stratford Town Hall" in details and "Join online" in details and "25" in details


def test_cancelled_and_full_events_offer_no_booking_button(client, index):
    for status in (EventStatus.CANCELLED, EventStatus.FULL):
        event = EventPageFactory(parent=index, status=status, booking_url="https://example.org/book")
        assert soup(client.get(event.url)).select_one("a.button") is None, status


def test_event_times_show_in_london_time_across_the_clock_change(client, index):
    summer = EventPageFactory(parent=index, title="Summer", start=london(2099, 3, 29, 10, 0))

    time = soup(client.get(summer.url)).select_one(".event-details time")

    assert time["datetime"] == "2099-03-29T10:00:00+01:00"
    assert time.get_text() == "Sunday 29 March 2099, 10:00"


# Query counts


def make_events(index, first, count):
    """Events from five days ago to a fortnight ahead, each with a borough and two communities."""
    borough = BoroughFactory(name="Newham")
    communities = [CommunityFactory(name="Somali"), CommunityFactory(name="Tamil")]
    for number in range(first, first + count):
        EventPageFactory(
            parent=index,
            title=f"Event {number:03d}",
            start=in_days(number % 20 - 5),
            borough=borough,
            communities=communities,
        )


def count_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("url", ["/events/", "/events/?community=somali", "/events/past/", "/events/feed/"])
def test_ten_and_a_hundred_events_cost_the_same_number_of_queries(client, index, no_page_cache, url):
    make_events(index, 0, 10)
    client.get(url)  # warm per-process caches (content types, site root paths)
    with_ten = count_queries(client, url)

    make_events(index, 10, 90)
    with_hundred = count_queries(client, url)

    assert with_ten == with_hundred
    # 21: Wagtail's routing looks up the active language's Locale on every request since the site became
    # multilingual (issue 18; Page.route_for_request uses the root page's translation).
    assert with_hundred <= 21


# The upcoming-events block


def test_upcoming_events_block_renders_the_next_events_matching_its_filters(index):
    newham = BoroughFactory(name="Newham")
    EventPageFactory(parent=index, title="Newham first", start=in_days(2), borough=newham)
    EventPageFactory(parent=index, title="Elsewhere", start=in_days(3))
    EventPageFactory(parent=index, title="Newham second", start=in_days(4), borough=newham)
    EventPageFactory(parent=index, title="Newham third", start=in_days(6), borough=newham)
    EventPageFactory(parent=index, title="Newham past", start=in_days(-6), borough=newham)
    block = UpcomingEventsBlock()
    value = block.to_python({"heading": "Events in Newham", "borough": newham.pk, "limit": 2})

    document = soup_from(block.render(value))

    assert document.select_one("h2").get_text() == "Events in Newham"
    assert [a.get_text() for a in document.select(".event-card__title a")] == [
        "Newham first",
        "Newham second",
    ]
    assert document.select("a")[-1]["href"] == "/events/"


def test_upcoming_events_block_filters_by_type_and_community(index):
    somali = CommunityFactory(name="Somali")
    EventPageFactory(
        parent=index,
        title="Somali workshop",
        event_type=EventType.POSITIVE_ACTION_WORKSHOP,
        communities=[somali],
    )
    EventPageFactory(parent=index, title="Somali session", communities=[somali])
    EventPageFactory(parent=index, title="Other workshop", event_type=EventType.POSITIVE_ACTION_WORKSHOP)
    block = UpcomingEventsBlock()
    value = block.to_python(
        {"heading": "Workshops", "event_type": "positive-action-workshop", "community": somali.pk, "limit": 3}
    )

    titles = [a.get_text() for a in soup_from(block.render(value)).select(".event-card__title a")]

    assert titles == ["Somali workshop"]


def test_upcoming_events_block_says_when_nothing_is_planned(index):
    block = UpcomingEventsBlock()

    html = block.render(block.to_python(block.meta.preview_value))

    assert "No events are planned at the moment" in html


def soup_from(html):
    from bs4 import BeautifulSoup

    return BeautifulSoup(html, "html.parser")


def test_archive_has_its_own_canonical_address_and_breadcrumb(client, programme):
    document = soup(client.get("/events/past/"))

    assert document.select_one("link[rel=canonical]")["href"] == "http://testserver/events/past/"
    crumbs = [
        (li.get_text(strip=True), li.get("aria-current")) for li in document.select(".breadcrumbs__item")
    ]
    assert crumbs == [("Home", None), ("Events", None), ("Past events", "page")]


def test_sitemap_lists_the_events_index_its_archive_and_each_event(client, programme):
    sitemap = client.get("/sitemap-en-gb.xml").content.decode()

    assert "http://testserver/events/</loc>" in sitemap
    assert "http://testserver/events/past/</loc>" in sitemap
    assert "http://testserver/events/newham-evening/</loc>" in sitemap
