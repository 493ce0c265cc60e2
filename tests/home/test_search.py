import pytest

from home.models import StandardPage
from home.views import SEARCH_MAX_LENGTH
from tests.helpers import h1_texts, soup

pytestmark = pytest.mark.django_db


def result_titles(response):
    return [a.get_text(strip=True) for a in soup(response).select(".search-results__title a")]


def test_search_finds_live_pages_by_their_words(client, demo_site):
    response = client.get("/search/", {"query": "equality monitoring"})

    assert response.status_code == 200
    assert result_titles(response) == ["Privacy notice"]
    assert h1_texts(response) == ["Search"]


def test_search_leaves_out_unpublished_pages(client, demo_site):
    StandardPage.objects.get(slug="privacy-notice").unpublish()

    assert result_titles(client.get("/search/", {"query": "equality monitoring"})) == []


def test_empty_search_shows_the_form_without_results(client, demo_site):
    response = client.get("/search/")

    assert response.status_code == 200
    assert soup(response).select(".search-results") == []
    assert "result" not in soup(response).select_one("main").get_text().lower()


def test_overlong_search_is_refused_with_a_clear_message(client, demo_site):
    response = client.get("/search/", {"query": "a" * (SEARCH_MAX_LENGTH + 1)})

    assert response.status_code == 400
    assert f"{SEARCH_MAX_LENGTH} characters or fewer" in soup(response).select_one(".form-error").get_text()
    assert soup(response).select_one("#search-query")["aria-invalid"] == "true"


@pytest.mark.parametrize(
    "query",
    [
        "<script>alert(1)</script>",
        "'; DROP TABLE wagtailcore_page; --",
        '" OR 1=1 --',
        "%00%ff",
        "مرحبا بالشرطة",
        "👮🏽‍♀️ police",
        "AND OR NOT",
        "*",
    ],
)
def test_hostile_or_unusual_search_terms_give_a_normal_page(client, demo_site, query):
    response = client.get("/search/", {"query": query})

    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()
    assert StandardPage.objects.filter(slug="privacy-notice").exists()


@pytest.mark.parametrize("page_number", ["abc", "-1", "0", "999999", "1e9"])
def test_malformed_result_page_numbers_give_a_normal_page(client, demo_site, page_number):
    response = client.get("/search/", {"query": "police", "page": page_number})
    assert response.status_code == 200


def test_search_results_are_paginated(client, demo_site):
    for number in range(12):
        page = StandardPage(
            title=f"Fitness test guide {number}", slug=f"fitness-{number}", body="<p>Bleep test</p>"
        )
        demo_site.add_child(instance=page)
        page.save_revision().publish()

    first = client.get("/search/", {"query": "bleep"})
    second = client.get("/search/", {"query": "bleep", "page": 2})

    assert len(result_titles(first)) == 10
    assert len(result_titles(second)) == 2
    assert "Page 2 of 2" in soup(second).select_one(".pagination").get_text()


def test_one_address_searching_too_often_gets_a_clear_429(client, demo_site, settings):
    settings.SEARCH_RATE_LIMIT = 3
    for _ in range(3):
        assert client.get("/search/", {"query": "police"}).status_code == 200

    response = client.get("/search/", {"query": "police"})

    assert response.status_code == 429
    assert int(response["Retry-After"]) == settings.SEARCH_RATE_WINDOW_SECONDS
    assert h1_texts(response) == ["Too many attempts from your connection"]
    assert "searches" in response.content.decode()


def test_the_search_limit_is_per_address(client, demo_site, settings):
    settings.SEARCH_RATE_LIMIT = 1
    client.get("/search/", {"query": "police"}, REMOTE_ADDR="192.0.2.1")

    response = client.get("/search/", {"query": "police"}, REMOTE_ADDR="192.0.2.2")

    assert response.status_code == 200
