"""Anonymous visitors' pages are found from a remembered route (home/caching.py) that follows every
publish, unpublish, move and slug change at once, keeps private pages private, and is never used for staff."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction, Site

from home.models import EventIndexPage, EventPage, MythsFactsPage, StandardPage
from tests.factories import UserFactory
from tests.helpers import soup
from tests.home.event_factories import EventPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(demo_site, settings):
    settings.PAGE_CACHE_SECONDS = 0
    settings.FRAGMENT_CACHE_SECONDS = 300
    cache.clear()
    return demo_site


def page_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return [query["sql"] for query in queries if '"wagtailcore_page"' in query["sql"]]


def heading(response):
    return soup(response).h1.get_text(strip=True)


def test_second_visit_finds_the_page_without_walking_the_tree(client, site):
    event = EventPageFactory(parent=EventIndexPage.objects.get(), title="Route walk evening")

    first = page_queries(client, event.url)
    second = page_queries(client, event.url)

    assert len(second) < len(first)
    # The walk reads each level's page row; the remembered route reads none (the site is still found).
    assert not any('FROM "wagtailcore_page"' in query for query in second)
    assert heading(client.get(event.url)) == "Route walk evening"


def test_remembered_route_serves_the_same_page_as_wagtail(client, site, settings):
    paths = ["/", MythsFactsPage.objects.get().url, EventIndexPage.objects.get().url]
    settings.FRAGMENT_CACHE_SECONDS = 0
    walked = {path: client.get(path).content for path in paths}
    settings.FRAGMENT_CACHE_SECONDS = 300
    client.get(paths[1])

    for path in paths:
        client.get(path)
        assert client.get(path).content == walked[path]


def test_sub_routes_of_routable_pages_work_from_the_remembered_route(client, site):
    event = EventPageFactory(parent=EventIndexPage.objects.get(), title="Calendar evening")
    index_url = EventIndexPage.objects.get().url

    for _ in range(2):
        calendar = client.get(event.url + "calendar/")
        feed = client.get(index_url + "feed/")
        assert calendar.status_code == 200 and b"Calendar evening" in calendar.content
        assert feed.status_code == 200 and b"Calendar evening" in feed.content
        assert heading(client.get(event.url)) == "Calendar evening"


def test_a_changed_slug_is_followed_at_once(client, site):
    event = EventPageFactory(parent=EventIndexPage.objects.get(), title="Moving evening", slug="old-slug")
    old_url = event.url
    client.get(old_url)

    event.slug = "new-slug"
    event.save_revision().publish()

    assert client.get(old_url).status_code == 404
    assert heading(client.get(EventPage.objects.get(pk=event.pk).url)) == "Moving evening"


def test_an_unpublished_page_is_gone_at_once(client, site):
    event = EventPageFactory(parent=EventIndexPage.objects.get(), title="Cancelled evening")
    assert client.get(event.url).status_code == 200

    event.unpublish()

    assert client.get(event.url).status_code == 404


def test_a_moved_page_answers_at_its_new_address_only(client, site):
    home = Page.objects.get(depth=2)
    event = EventPageFactory(parent=EventIndexPage.objects.get(), title="Relocated evening")
    old_url = event.url
    client.get(old_url)
    new_parent = home.add_child(
        instance=StandardPage(title="Archive", slug="archive", body="<p>Past events.</p>")
    )

    event.move(new_parent, pos="last-child")

    old_address = client.get(old_url)
    assert old_address.status_code == 301 and old_address["Location"] == "/archive/relocated-evening/"
    assert heading(client.get("/archive/relocated-evening/")) == "Relocated evening"


def test_a_page_made_private_after_a_visit_asks_for_sign_in(client, site):
    myths = MythsFactsPage.objects.get()
    assert client.get(myths.url).status_code == 200

    PageViewRestriction.objects.create(page=myths, restriction_type=PageViewRestriction.LOGIN)

    response = client.get(myths.url)
    assert response.status_code == 302 and "login" in response["Location"]


def remembered_pages(monkeypatch):
    """The pages the routing writes to the cache, recorded as they are stored."""
    from home import caching

    stored = []
    real_set = caching.cache.set

    def recording_set(key, value, *args, **kwargs):
        if isinstance(value, tuple) and value and isinstance(value[0], Page):
            stored.append(value[0])
        return real_set(key, value, *args, **kwargs)

    monkeypatch.setattr(caching.cache, "set", recording_set)
    return stored


def test_unknown_addresses_are_not_remembered(client, site, monkeypatch):
    stored = remembered_pages(monkeypatch)

    for number in range(5):
        assert client.get(f"/no-such-page-{number}/").status_code == 404
    client.get(MythsFactsPage.objects.get().url)

    assert [page.title for page in stored] == [MythsFactsPage.objects.get().title]


def test_staff_route_through_the_database(client, site, monkeypatch):
    stored = remembered_pages(monkeypatch)
    myths = MythsFactsPage.objects.get()
    client.get(myths.url)
    anonymous_visit = page_queries(client, myths.url)
    client.force_login(UserFactory(is_staff=True))

    staff_visit = page_queries(client, myths.url)

    assert len(stored) == 1
    assert len(staff_visit) > len(anonymous_visit)


def test_a_new_site_for_a_hostname_is_followed_at_once(client, site, settings):
    settings.ALLOWED_HOSTS = ["testserver", "myths.example"]
    myths = MythsFactsPage.objects.get()
    before = client.get("/", HTTP_HOST="myths.example")

    Site.objects.create(hostname="myths.example", port=80, root_page=myths, site_name="Myths")

    assert heading(before) == heading(client.get("/"))
    assert heading(client.get("/", HTTP_HOST="myths.example")) == myths.title


def test_lifting_a_restriction_opens_the_page_at_once(client, site):
    myths = MythsFactsPage.objects.get()
    restriction = PageViewRestriction.objects.create(page=myths, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(myths.url).status_code == 302

    restriction.delete()

    assert client.get(myths.url).status_code == 200


def test_an_event_made_private_leaves_the_listing_at_once(client, site):
    index = EventIndexPage.objects.get()
    event = EventPageFactory(parent=index, title="Soon private evening")
    assert "Soon private evening" in client.get(index.url).content.decode()

    PageViewRestriction.objects.create(page=event, restriction_type=PageViewRestriction.LOGIN)

    assert "Soon private evening" not in client.get(index.url).content.decode()
    assert client.get(event.url).status_code == 302


def test_a_private_section_covers_pages_below_it(client, site):
    index = EventIndexPage.objects.get()
    event = EventPageFactory(parent=index, title="Under a private section")
    client.get(event.url)

    PageViewRestriction.objects.create(page=index, restriction_type=PageViewRestriction.LOGIN)

    assert client.get(event.url).status_code == 302
    assert client.get(index.url).status_code == 302
