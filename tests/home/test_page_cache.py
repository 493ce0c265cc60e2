import pytest
from django.core.cache import cache

from home.models import SiteSettings, StandardPage
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
