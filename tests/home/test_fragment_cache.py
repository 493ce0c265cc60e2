"""Uncached public pages stay within their query budget, and the shared parts they keep in the cache
(home/caching.py) change as soon as content does, and are never used for staff or previews."""

import json

import pytest
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import (
    Borough,
    CampaignPage,
    Community,
    EventIndexPage,
    EventPage,
    HomePage,
    MythsFactsPage,
    OfficerStory,
    SiteSettings,
    StandardPage,
)
from tests.factories import UserFactory
from tests.helpers import soup
from tests.home.content_factories import ImageFactory
from tests.home.event_factories import BoroughFactory, CommunityFactory, EventPageFactory

pytestmark = pytest.mark.django_db

# Issue 7: an uncached public page makes at most this many SQL queries.
QUERY_BUDGET = 12


@pytest.fixture
def uncached(settings):
    """The whole-response cache off, as `make bench` measures "uncached" pages."""
    settings.PAGE_CACHE_SECONDS = 0
    settings.FRAGMENT_CACHE_SECONDS = 300


@pytest.fixture
def busy_site(demo_site, uncached):
    """The demo site with more of everything: a logo, a dozen events, a campaign for many boroughs."""
    boroughs = [BoroughFactory() for _ in range(6)]
    communities = [CommunityFactory() for _ in range(4)]
    site_settings = SiteSettings.objects.get()
    site_settings.logo = ImageFactory()
    site_settings.save()
    index = EventIndexPage.objects.get()
    for number in range(12):
        EventPageFactory(
            parent=index,
            title=f"Busy information session {number}",
            borough=boroughs[number % len(boroughs)],
            communities=communities[: number % 3 + 1],
        )
    campaign = CampaignPage.objects.live().first()
    campaign.target_boroughs = boroughs
    campaign.target_communities = communities
    campaign.hero_image = ImageFactory()
    campaign.save_revision().publish()
    return demo_site


def public_paths():
    event = EventPage.objects.live().filter(title__startswith="Busy").order_by("start").first()
    events = EventIndexPage.objects.get().url
    return {
        "home": "/",
        "campaign": CampaignPage.objects.live().first().url,
        "events": events,
        "events, filtered": events + "?mode=in-person&borough=" + event.borough.slug,
        "event": event.url,
        "myths": MythsFactsPage.objects.get().url,
    }


@pytest.mark.parametrize("name", ["home", "campaign", "events", "events, filtered", "event", "myths"])
def test_uncached_public_page_stays_within_the_query_budget(client, busy_site, name):
    path = public_paths()[name]
    assert client.get(path).status_code == 200

    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)

    assert response.status_code == 200
    assert len(queries) <= QUERY_BUDGET, "\n".join(query["sql"][:200] for query in queries)


def test_events_listing_costs_the_same_for_two_events_as_for_a_dozen(client, busy_site):
    path = EventIndexPage.objects.get().url
    client.get(path)
    with CaptureQueriesContext(connection) as many:
        client.get(path)
    EventPage.objects.filter(title__startswith="Busy").exclude(title__endswith=" 0").delete()
    client.get(path)
    with CaptureQueriesContext(connection) as few:
        client.get(path)

    assert len(many) == len(few)


def test_events_listing_with_kept_cards_reads_only_which_events_to_show(client, busy_site):
    path = EventIndexPage.objects.get().url
    first = client.get(path)
    with CaptureQueriesContext(connection) as queries:
        second = client.get(path)

    event_reads = [query["sql"] for query in queries if '"home_eventpage"' in query["sql"]]
    assert len(event_reads) == 2  # how many, and which ten
    assert not any('"home_eventpage"."summary"' in sql for sql in event_reads)
    assert second.content == first.content


def test_anonymous_visit_sets_no_cookie_and_stores_no_session(client, busy_site):
    for path in public_paths().values():
        response = client.get(path)
        assert not response.cookies, path

    assert not Session.objects.exists()


def menu_texts(response):
    return [link.get_text(strip=True) for link in soup(response).select(".primary-nav a")]


def footer_text(response):
    return soup(response).select_one(".site-footer").get_text(" ", strip=True)


def test_publishing_a_new_title_changes_the_menu_on_every_page(client, busy_site):
    client.get("/")
    client.get(public_paths()["myths"])
    campaigns = CampaignPage.objects.live().first().get_parent().specific
    campaigns.title = "Our campaigns"
    campaigns.save_revision().publish()

    assert "Our campaigns" in menu_texts(client.get("/"))
    assert "Our campaigns" in menu_texts(client.get(public_paths()["myths"]))


def test_unpublishing_a_page_takes_it_out_of_the_menu_and_the_listing(client, busy_site):
    event = EventPage.objects.get(title="Busy information session 0")
    events_path = EventIndexPage.objects.get().url
    assert "Busy information session 0" in client.get(events_path).content.decode()
    client.get("/")

    event.unpublish()
    EventIndexPage.objects.get().specific.unpublish()

    assert "Events" not in menu_texts(client.get("/"))


def test_unpublished_event_leaves_the_cached_event_cards(client, busy_site):
    events_path = EventIndexPage.objects.get().url
    assert "Busy information session 0" in client.get(events_path).content.decode()

    EventPage.objects.get(title="Busy information session 0").unpublish()

    assert "Busy information session 0" not in client.get(events_path).content.decode()


def test_editing_the_main_menu_in_site_settings_shows_at_once(client, busy_site):
    client.get("/")
    site_settings = SiteSettings.objects.get()
    site_settings.primary_navigation = json.dumps(
        [{"type": "link", "value": {"label": "Careers", "page": None, "url": "https://example.org/careers"}}]
    )
    site_settings.save()

    assert menu_texts(client.get("/")) == ["Careers"]


def test_editing_site_settings_changes_the_footer_and_the_force_name(client, busy_site):
    client.get("/")
    site_settings = SiteSettings.objects.get()
    site_settings.force_name = "Renamed Constabulary"
    site_settings.contact_phone = "020 7946 0000"
    site_settings.save()

    response = client.get("/")

    assert "020 7946 0000" in footer_text(response)
    assert soup(response).title.get_text().endswith("| Renamed Constabulary")


def test_unpublishing_the_privacy_notice_removes_its_footer_link(client, busy_site):
    assert "Privacy notice" in footer_text(client.get("/"))

    StandardPage.objects.get(slug="privacy-notice").unpublish()

    assert "Privacy notice" not in footer_text(client.get("/"))


def test_editing_a_snippet_shows_at_once_on_pages_that_use_it(client, busy_site):
    campaign_path = public_paths()["campaign"]
    campaign = CampaignPage.objects.live().first()
    story_pk = next(block.value["story"].pk for block in campaign.body if block.block_type == "officer_story")
    story = OfficerStory.objects.get(pk=story_pk)
    client.get(campaign_path)
    assert story.quote[:30] in soup(client.get(campaign_path)).get_text()

    story.quote = "A quote edited a moment ago."
    story.save()

    assert "A quote edited a moment ago." in client.get(campaign_path).content.decode()


def test_renaming_a_borough_shows_at_once_on_campaign_and_filters(client, busy_site):
    campaign_path = public_paths()["campaign"]
    events_path = EventIndexPage.objects.get().url
    client.get(campaign_path)
    client.get(events_path)
    borough = CampaignPage.objects.live().first().target_boroughs.first()

    borough.name = "Renamed borough"
    borough.save()

    assert "Renamed borough" in client.get(campaign_path).content.decode()
    assert "Renamed borough" in client.get(events_path).content.decode()


def test_publishing_an_edit_to_the_home_page_shows_at_once(client, busy_site):
    client.get("/")
    home = HomePage.objects.get()
    home.title = "A newly published headline"
    home.save_revision().publish()

    assert "A newly published headline" in client.get("/").content.decode()


def test_staff_never_see_shared_fragments(client, busy_site):
    client.get("/")
    # An update() sends no signal, so only a fresh render can show it: anonymous visitors still get the
    # kept fragment (within FRAGMENT_CACHE_SECONDS), signed-in staff get the database.
    HomePage.objects.update(title="Changed without a signal")

    assert "Changed without a signal" not in client.get("/").content.decode()
    client.force_login(UserFactory())
    assert "Changed without a signal" in client.get("/").content.decode()


def test_fragments_are_off_when_their_lifetime_is_zero(client, busy_site, settings):
    settings.FRAGMENT_CACHE_SECONDS = 0
    client.get("/")
    HomePage.objects.update(title="Changed without a signal")

    assert "Changed without a signal" in client.get("/").content.decode()


def test_a_preview_shows_the_draft_not_the_kept_fragment(client, busy_site):
    client.get("/")
    draft = HomePage.objects.get()
    draft.title = "A draft headline"

    preview = draft.make_preview_request()

    assert "A draft headline" in preview.rendered_content
    assert "A draft headline" not in client.get("/").content.decode()


def test_borough_choices_are_read_only_when_a_filter_needs_them(busy_site):
    from home.event_filters import EventFilterSet

    events = EventPage.objects.none()
    with CaptureQueriesContext(connection) as queries:
        assert EventFilterSet({}, events).is_valid()
    assert len(queries) == 0

    chosen = {"borough": Borough.objects.first().slug, "community": Community.objects.first().slug}
    assert EventFilterSet(chosen, events).is_valid()
    assert not EventFilterSet({"borough": "atlantis"}, events).is_valid()
