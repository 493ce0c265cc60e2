import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home import roles
from home.choices import AttendanceMode, EventStatus
from home.models import EventIndexPage, EventPage, HomePage, StandardPage
from tests.factories import UserFactory
from tests.home.event_factories import CommunityFactory, EventPageFactory, build_event_site, london

pytestmark = pytest.mark.django_db


@pytest.fixture
def index():
    return build_event_site()


def validation_errors(event):
    with pytest.raises(ValidationError) as raised:
        event.clean()
    return raised.value.message_dict


def unsaved_event(**overrides):
    return EventPageFactory.build(**overrides)


# Validation


def test_valid_in_person_event_passes_validation_and_postcode_is_tidied():
    event = unsaved_event(venue_postcode=" e15  4bq")

    event.clean()

    assert event.venue_postcode == "E15 4BQ"


def test_event_must_end_after_it_starts():
    start = london(2027, 5, 1, 18, 0)

    errors = validation_errors(unsaved_event(start=start, end=start))

    assert "end" in errors


@pytest.mark.parametrize(
    ("mode", "fields", "expected_error_fields"),
    [
        (
            AttendanceMode.IN_PERSON,
            {"venue_name": "", "venue_postcode": ""},
            {"venue_name", "venue_postcode"},
        ),
        (AttendanceMode.IN_PERSON, {"online_url": "https://meet.example.org/a"}, {"online_url"}),
        (AttendanceMode.ONLINE, {}, {"venue_name", "online_url"}),
        (
            AttendanceMode.ONLINE,
            {"venue_name": "", "venue_address": "", "venue_postcode": "", "online_url": ""},
            {"online_url"},
        ),
        (AttendanceMode.HYBRID, {"online_url": ""}, {"online_url"}),
        (
            AttendanceMode.HYBRID,
            {"venue_name": "", "online_url": "https://meet.example.org/a"},
            {"venue_name"},
        ),
        (AttendanceMode.IN_PERSON, {"venue_postcode": "NOT A POSTCODE"}, {"venue_postcode"}),
    ],
)
def test_venue_and_online_link_must_match_how_people_attend(mode, fields, expected_error_fields):
    errors = validation_errors(unsaved_event(attendance_mode=mode, **fields))

    assert expected_error_fields <= set(errors)


@pytest.mark.parametrize(
    ("mode", "fields"),
    [
        (AttendanceMode.ONLINE, {"venue_name": "", "venue_address": "", "venue_postcode": ""}),
        (AttendanceMode.HYBRID, {}),
    ],
)
def test_online_and_hybrid_events_with_a_joining_link_are_valid(mode, fields):
    event = unsaved_event(attendance_mode=mode, online_url="https://meet.example.org/session", **fields)

    event.clean()


def test_event_cannot_have_both_a_booking_link_and_a_support_page(index):
    support = StandardPage(title="Register", slug="register", body="<p>Register</p>")
    index.get_parent().add_child(instance=support)

    errors = validation_errors(unsaved_event(booking_url="https://example.org/book", support_page=support))

    assert "booking_url" in errors


def test_zero_capacity_is_refused_but_empty_capacity_means_unlimited():
    assert "capacity" in validation_errors(unsaved_event(capacity=0))
    unsaved_event(capacity=None).clean()


# Calendar revision (SEQUENCE)


def test_new_event_starts_at_calendar_revision_zero(index):
    assert EventPageFactory(parent=index).sequence == 0


def test_publishing_a_new_time_raises_the_calendar_revision(index):
    event = EventPageFactory(parent=index)

    event.start += datetime.timedelta(hours=1)
    event.end += datetime.timedelta(hours=1)
    event.save_revision().publish()

    assert EventPage.objects.get(pk=event.pk).sequence == 1


def test_cancelling_raises_the_calendar_revision_again(index):
    event = EventPageFactory(parent=index)
    event.venue_name = "Another hall"
    event.save_revision().publish()

    event = EventPage.objects.get(pk=event.pk)
    event.status = EventStatus.CANCELLED
    event.save_revision().publish()

    assert EventPage.objects.get(pk=event.pk).sequence == 2


def test_changing_only_the_body_keeps_the_calendar_revision(index):
    event = EventPageFactory(parent=index)

    event.body = [("rich_text", "<p>Bring a friend.</p>")]
    event.save_revision().publish()

    assert EventPage.objects.get(pk=event.pk).sequence == 0


def test_saving_a_draft_does_not_change_the_live_calendar_revision(index):
    event = EventPageFactory(parent=index)

    event.start += datetime.timedelta(days=1)
    event.end += datetime.timedelta(days=1)
    event.save_revision()

    assert EventPage.objects.get(pk=event.pk).sequence == 0


def test_publishing_an_old_draft_never_lowers_the_calendar_revision(index):
    event = EventPageFactory(parent=index)
    old_revision = event.save_revision()
    event.title = "Renamed session"
    event.save_revision().publish()

    old_revision.publish()

    event = EventPage.objects.get(pk=event.pk)
    assert event.title != "Renamed session"
    assert event.sequence == 2


# Queries


def test_upcoming_includes_events_under_way_and_cancelled_ones_until_they_end(index):
    now = timezone.now()
    EventPageFactory(parent=index, title="Under way", start=now - datetime.timedelta(hours=1))
    EventPageFactory(parent=index, title="Cancelled later", status=EventStatus.CANCELLED)
    EventPageFactory(
        parent=index,
        title="Finished",
        start=now - datetime.timedelta(days=2),
        end=now - datetime.timedelta(days=2, hours=-1),
    )

    upcoming = list(EventPage.objects.published().upcoming().values_list("title", flat=True))
    past = list(EventPage.objects.published().past().values_list("title", flat=True))

    assert upcoming == ["Under way", "Cancelled later"]
    assert past == ["Finished"]


def test_unpublished_events_are_not_listed(index):
    EventPageFactory(parent=index, title="Draft", publish=False)
    EventPage.objects.filter(title="Draft").update(live=False)

    assert not EventPage.objects.published().upcoming().exists()


def test_month_filter_uses_london_month_boundaries_in_summer_time(index):
    # 23:30 on 31 March 2027 in London is 22:30 UTC; 00:30 on 1 April is still 31 March in UTC.
    EventPageFactory(parent=index, title="Last of March", start=london(2027, 3, 31, 23, 30))
    EventPageFactory(parent=index, title="First of April", start=london(2027, 4, 1, 0, 30))

    march = EventPage.objects.in_month(2027, 3).values_list("title", flat=True)
    april = EventPage.objects.in_month(2027, 4).values_list("title", flat=True)

    assert list(march) == ["Last of March"]
    assert list(april) == ["First of April"]


def test_community_filter_lists_an_event_once_whatever_its_other_communities(index):
    somali, tamil = CommunityFactory(name="Somali"), CommunityFactory(name="Tamil")
    EventPageFactory(parent=index, title="Both", communities=[somali, tamil])

    assert EventPage.objects.for_community("somali").count() == 1
    assert EventPage.objects.for_community("tamil").for_community("somali").count() == 1


# Page tree and permissions


class TestEventPagePlacement(WagtailPageTestCase):
    def test_event_index_sits_only_under_the_home_page(self):
        self.assertCanCreateAt(HomePage, EventIndexPage)
        self.assertCanNotCreateAt(StandardPage, EventIndexPage)
        self.assertCanNotCreateAt(Page, EventIndexPage)

    def test_events_sit_only_under_an_event_index(self):
        self.assertCanCreateAt(EventIndexPage, EventPage)
        self.assertCanNotCreateAt(HomePage, EventPage)
        self.assertCanNotCreateAt(StandardPage, EventPage)
        self.assertCanNotCreateAt(EventPage, EventPage)
        self.assertAllowedSubpageTypes(EventIndexPage, {EventPage})


def test_editors_can_open_the_new_event_form_and_diversity_team_cannot(client, index):
    add_url = f"/admin/pages/add/home/eventpage/{index.pk}/"

    client.force_login(UserFactory(role=roles.EDITORS))
    assert client.get(add_url).status_code == 200

    client.force_login(UserFactory(role=roles.DIVERSITY_TEAM))
    assert client.get(add_url).status_code in (302, 403)


def test_editor_creates_an_event_through_the_admin_and_it_waits_for_moderation(client, index):
    editor = UserFactory(role=roles.EDITORS)
    client.force_login(editor)
    form = {
        "title": "Mock interview evening",
        "slug": "mock-interview-evening",
        "summary": "Practise your interview.",
        "search_description": "Practise a police interview online, with feedback from our team.",
        "event_type": "mock-interview",
        "start": "2027-03-28 18:00",
        "end": "2027-03-28 20:00",
        "status": "scheduled",
        "attendance_mode": "online",
        "online_url": "https://meet.example.org/mock",
        "venue_name": "",
        "venue_address": "",
        "venue_postcode": "",
        "body-count": "0",
        "next_steps-count": "0",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
        "action-submit": "Submit for moderation",
    }

    response = client.post(f"/admin/pages/add/home/eventpage/{index.pk}/", form)

    assert response.status_code == 302, response.content.decode()[:2000]
    event = EventPage.objects.get(slug="mock-interview-evening")
    assert not event.live
    assert event.start == london(2027, 3, 28, 18, 0)
    assert event.workflow_in_progress
