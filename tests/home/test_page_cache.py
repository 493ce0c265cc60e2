import logging

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from home.caching import content_version
from home.models import Borough, SiteSettings, StandardPage
from positive_action.models import SupportRegistrationPage
from recruitment_site.core import cache as fail_open_cache
from recruitment_site.core import spam
from recruitment_site.settings.base import cache_settings
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def cache_status(response):
    return response.headers.get("X-Page-Cache")


def test_second_anonymous_visit_is_served_from_the_cache_without_sql(
    client, demo_site, django_assert_num_queries
):
    first = client.get("/privacy-notice/")

    with django_assert_num_queries(0):
        second = client.get("/privacy-notice/")

    assert cache_status(first) == "miss"
    assert cache_status(second) == "hit"
    assert second.content == first.content


def test_cached_pages_keep_their_security_headers(client, demo_site):
    client.get("/")
    response = client.get("/")

    assert cache_status(response) == "hit"
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_publishing_a_change_shows_at_once(client, demo_site):
    client.get("/privacy-notice/")
    page = StandardPage.objects.get(slug="privacy-notice")
    page.introduction = "A freshly published introduction."
    page.save_revision().publish()

    response = client.get("/privacy-notice/")

    assert cache_status(response) == "miss"
    assert "A freshly published introduction." in response.content.decode()


def test_unpublishing_removes_the_page_at_once(client, demo_site):
    client.get("/privacy-notice/")
    StandardPage.objects.get(slug="privacy-notice").unpublish()

    assert client.get("/privacy-notice/").status_code == 404


def test_editing_site_settings_or_a_snippet_refreshes_every_page(client, demo_site):
    from home.models import Borough

    client.get("/")
    site_settings = SiteSettings.objects.get()
    site_settings.force_name = "Renamed Constabulary"
    site_settings.save()
    assert "Renamed Constabulary" in client.get("/").content.decode()

    client.get("/")
    Borough.objects.create(name="Croydon", slug="croydon")
    assert cache_status(client.get("/")) == "miss"


def test_signed_in_staff_never_get_cached_pages(client, demo_site):
    client.get("/")
    client.force_login(UserFactory())

    response = client.get("/")

    assert cache_status(response) is None


def test_pages_that_set_a_cookie_are_never_stored(rf, demo_site):
    from django.http import HttpResponse

    from home.caching import PageCacheMiddleware

    def form_page(request):
        response = HttpResponse("<form>token</form>")
        response.set_cookie("csrftoken", "abc")
        return response

    middleware = PageCacheMiddleware(form_page)
    middleware(rf.get("/register/"))

    assert cache_status(middleware(rf.get("/register/"))) is None


def test_not_found_pages_and_overlong_query_strings_are_not_cached(client, demo_site):
    client.get("/no-such-page/")
    assert cache_status(client.get("/no-such-page/")) is None

    long_query = "?q=" + "x" * 300
    client.get("/" + long_query)
    assert cache_status(client.get("/" + long_query)) is None


def test_each_query_string_is_cached_separately(client, demo_site):
    client.get("/?a=1")
    assert cache_status(client.get("/?a=2")) == "miss"
    assert cache_status(client.get("/?a=1")) == "hit"


def test_cdn_may_keep_anonymous_pages_only_when_configured(client, demo_site, settings):
    assert "s-maxage" not in client.get("/").headers.get("Cache-Control", "")

    settings.CDN_CACHE_SECONDS = 120
    client.get("/privacy-notice/")
    cache.clear()
    response = client.get("/privacy-notice/")

    assert response.headers["Cache-Control"] == "public, max-age=0, s-maxage=120"


def test_saving_a_page_type_of_another_app_refreshes_every_page(demo_site):
    before = content_version()

    SupportRegistrationPage.objects.get().save()

    assert content_version() > before


def test_the_content_version_moves_again_when_the_change_is_committed(db, django_capture_on_commit_callbacks):
    """Another worker may fill the cache from the old rows between the save and the commit."""
    with django_capture_on_commit_callbacks() as after_commit:
        Borough.objects.create(name="Croydon", slug="croydon")
    saved = content_version()

    for callback in after_commit:
        callback()

    assert content_version() > saved


def test_a_lost_content_version_starts_above_every_earlier_one(db):
    old = content_version()
    cache.clear()

    assert content_version() > old


@pytest.fixture
def redis_down(settings, monkeypatch):
    # Port 1 has no listener: every cache call fails the way a stopped Redis does.
    settings.CACHES = cache_settings("redis://127.0.0.1:1/0")
    monkeypatch.setattr(fail_open_cache, "_last_logged", -fail_open_cache.LOG_EVERY_SECONDS)


def test_pages_are_served_uncached_while_redis_is_down_and_the_log_says_so(
    client, demo_site, redis_down, caplog
):
    with caplog.at_level(logging.WARNING, logger="recruitment_site.core.cache"):
        first = client.get("/privacy-notice/")
        second = client.get("/privacy-notice/")
        home = client.get("/")

    assert (first.status_code, second.status_code, home.status_code) == (200, 200, 200)
    assert cache_status(second) != "hit"
    assert "The cache (Redis) did not answer" in caplog.text


def test_publishing_while_redis_is_down_succeeds_and_shows(client, demo_site, redis_down):
    page = StandardPage.objects.get(slug="privacy-notice")
    page.introduction = "Published during a cache outage."

    page.save_revision().publish()

    assert "Published during a cache outage." in client.get("/privacy-notice/").content.decode()


def test_the_form_rate_limit_lets_visitors_through_while_redis_is_down(db, redis_down):
    request = RequestFactory().post("/get-support/", REMOTE_ADDR="192.0.2.7")

    assert not any(spam.rate_limited(request, "outage", limit=1) for _ in range(3))
