import pytest
from django.db import connection

from home.choices import EventStatus
from home.models import EventPage, Myth, MythsFactsPage, OfficerStory, StandardPage
from home.views import SEARCH_MAX_LENGTH
from tests.helpers import h1_texts, soup
from tests.home.content_factories import MythFactory, OfficerStoryFactory

pytestmark = pytest.mark.django_db


def result_titles(response, kind="pages"):
    selector = f".search-results__item--{kind} .search-results__title"
    return [title.get_text(strip=True) for title in soup(response).select(selector)]


def group_headings(response):
    return [heading.get_text(" ", strip=True) for heading in soup(response).select(".search-group__heading")]


def result_links(response, kind):
    return [
        a["href"] for a in soup(response).select(f".search-results__item--{kind} .search-results__title a")
    ]


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

    overview = client.get("/search/", {"query": "bleep"})
    first = client.get("/search/", {"query": "bleep", "kind": "pages"})
    second = client.get("/search/", {"query": "bleep", "kind": "pages", "page": 2})

    assert len(result_titles(overview)) == 10
    more = soup(overview).select_one(".search-group__more a")
    assert more["href"] == "?query=bleep&kind=pages"
    assert "See all 12 results" in more.get_text()
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


@pytest.mark.parametrize(
    ("query", "question"),
    [
        ("tattoo", "Can I join the police if I have a tattoo?"),
        ("degree", "Do I need a degree to become a police officer?"),
        ("criminal", "Can I join the police if I have a criminal record?"),
    ],
)
def test_search_finds_the_demo_myths_and_links_each_to_its_place_on_the_myths_page(
    client, demo_site, query, question
):
    response = client.get("/search/", {"query": query})

    myth = Myth.objects.get(question=question)
    myths_page = MythsFactsPage.objects.get()
    assert question in result_titles(response, "myths")
    assert f"{myths_page.url}#myth-{myth.pk}" in result_links(response, "myths")
    assert f'id="myth-{myth.pk}"' in client.get(myths_page.url).content.decode()


def test_results_are_grouped_by_kind_with_headings_and_counts(client, demo_site):
    OfficerStoryFactory(name="Constable, Hackney", quote="My tattoo started a conversation on my first day.")

    response = client.get("/search/", {"query": "tattoo"})

    assert group_headings(response) == ["Myths and facts (1)", "Officer stories (1)"]
    assert "2 results for “tattoo”" in soup(response).select_one("#results-summary").get_text()


def test_events_are_their_own_group_and_show_their_date_and_status(client, demo_site):
    event = EventPage.objects.live().first()
    event.status = EventStatus.CANCELLED
    event.save_revision().publish()

    response = client.get("/search/", {"query": event.title})

    assert event.title in result_titles(response, "events")
    assert event.title not in result_titles(response, "pages")
    item = soup(response).select_one(".search-results__item--events")
    assert "Cancelled" in item.select_one(".search-results__meta").get_text()


def test_an_officer_story_links_to_the_page_it_appears_on(client, demo_site):
    story = OfficerStory.objects.get(name="Sergeant, Ealing")

    response = client.get("/search/", {"query": "pass mark"})

    assert story.name in result_titles(response, "stories")
    assert result_links(response, "stories") == [demo_site.url]


def test_an_officer_story_on_no_page_is_shown_without_a_link(client, demo_site):
    OfficerStoryFactory(name="Special constable, Brent", quote="Volunteering as a special got me hooked.")

    response = client.get("/search/", {"query": "volunteering special"})

    assert result_titles(response, "stories") == ["Special constable, Brent"]
    assert result_links(response, "stories") == []


def test_draft_myths_and_stories_are_never_found(client, demo_site):
    MythFactory(myth="Zebra crossings are policed by volunteers.", question="Are zebras policed?", live=False)
    OfficerStoryFactory(name="Draft constable", quote="Zebra stories are not published yet.", live=False)

    response = client.get("/search/", {"query": "zebra"})

    assert group_headings(response) == []
    assert "0 results" in soup(response).select_one("#results-summary").get_text()


def test_a_published_myths_unpublished_changes_are_not_found(client, demo_site):
    myth = Myth.objects.get(question="Can I join the police if I have a tattoo?")
    myth.fact = "<p>Quokka tattoos are the exception.</p>"
    myth.save_revision()  # a draft revision: the live myth is unchanged

    assert result_titles(client.get("/search/", {"query": "quokka"}), "myths") == []


def test_searching_every_kind_stays_within_a_query_budget(client, demo_site, django_assert_max_num_queries):
    client.get("/search/", {"query": "police"})  # settings and routes loaded once per process

    # Pages come back as their specific types, one query per type found (six in the demo content); the
    # locale is looked up once per search, not once per kind. PostgreSQL's search backend asks one more.
    with django_assert_max_num_queries(23 if connection.vendor == "postgresql" else 22):
        response = client.get("/search/", {"query": "police"})

    assert len(group_headings(response)) >= 3


def test_an_unknown_kind_shows_every_kind(client, demo_site):
    response = client.get("/search/", {"query": "tattoo", "kind": "spaceships"})

    assert response.status_code == 200
    assert group_headings(response) == ["Myths and facts (1)"]


def test_search_page_has_a_meta_description_and_sharing_image(client, demo_site):
    document = soup(client.get("/search/", {"query": "tattoo"}))

    assert "Capital Police Service" in document.select_one('meta[name="description"]')["content"]
    assert document.select_one('meta[property="og:image"]')["content"].startswith("http")
    assert document.select_one('link[rel="canonical"]')["href"].endswith("/search/")
