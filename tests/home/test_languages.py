"""The site in eight languages for the reader (issue 18): each language's pages say what language and
direction they are in, name their translations for search engines, offer a language switcher that never
leads to "page not found", keep their own menus in the cache, and have their own sitemap and search."""

import json
from xml.etree import ElementTree

import pytest
from django.template import engines
from django.utils import translation
from django.utils.translation import check_for_language, get_language_info

from home.models import MythsFactsPage, SiteSettings, StandardPage
from home.next_steps import registered_steps
from recruitment_site.core.languages import LANGUAGES
from tests.helpers import h1_texts, soup
from tests.home.translation_factories import retitle, translate

pytestmark = pytest.mark.django_db

OTHER_LANGUAGES = [language.code for language in LANGUAGES if language.code != "en-gb"]
HTML_LANG = {"en-gb": "en-GB"}
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def prefix(code):
    return "/" if code == "en-gb" else f"/{code}/"


@pytest.fixture
def translated_site(demo_site):
    """The home page in every language; the privacy notice in Urdu only."""
    translate(demo_site, *OTHER_LANGUAGES)
    translate(StandardPage.objects.get(slug="privacy-notice"), "ur")
    return demo_site


def switcher(response):
    return soup(response).select(".language-switcher a")


def test_every_language_home_page_says_its_language_and_direction_and_offers_the_others(
    client, translated_site
):
    for language in LANGUAGES:
        response = client.get(prefix(language.code))
        document = soup(response)

        assert response.status_code == 200, language.code
        assert response["Content-Language"] == language.code
        # The address alone decides the language, so a CDN needs no copy per browser language.
        assert "accept-language" not in response.get("Vary", "").lower()
        expected_lang = HTML_LANG.get(language.code, language.code)
        assert document.html["lang"] == expected_lang
        assert document.html["dir"] == ("rtl" if language.code == "ur" else "ltr")
        assert len(h1_texts(response)) == 1
        alternates = {
            link["hreflang"]: link["href"] for link in document.select("link[rel=alternate][hreflang]")
        }
        assert alternates == {
            **{
                HTML_LANG.get(other.code, other.code): f"http://testserver{prefix(other.code)}"
                for other in LANGUAGES
            },
            "x-default": "http://testserver/",
        }
        links = switcher(response)
        assert [link.get_text(strip=True) for link in links] == [other.name_local for other in LANGUAGES]
        assert all(link["lang"] == link["hreflang"] for link in links)
        assert [link["lang"] for link in links if link.get("aria-current")] == [expected_lang]
        og_locale = document.select_one("meta[property='og:locale']")["content"]
        assert og_locale.split("_")[0] == language.code.split("-")[0]


def test_switcher_links_lead_to_the_translation_or_that_languages_home_page_never_to_not_found(
    client, translated_site
):
    english = {link["lang"]: link["href"] for link in switcher(client.get("/privacy-notice/"))}
    assert english["ur"] == "/ur/privacy-notice/"
    assert english["bn"] == "/bn/"  # no Bengali privacy notice yet: its home page instead

    for start in ("/privacy-notice/", "/ur/privacy-notice/"):
        for link in switcher(client.get(start)):
            assert client.get(link["href"]).status_code == 200, (start, link["href"])

    urdu = {link["lang"]: link["href"] for link in switcher(client.get("/ur/privacy-notice/"))}
    assert urdu["en-GB"] == "/privacy-notice/"


def test_languages_without_a_published_home_page_are_left_out_of_the_switcher(client, demo_site):
    assert switcher(client.get("/")) == []  # English alone: nothing to switch to

    urdu_home = translate(demo_site, "ur")["ur"]
    assert [link["lang"] for link in switcher(client.get("/"))] == ["en-GB", "ur"]

    urdu_home.unpublish()
    assert switcher(client.get("/")) == []


def test_search_and_page_not_found_switch_to_the_same_search_or_each_home_page(client, translated_site):
    search = {link["lang"]: link["href"] for link in switcher(client.get("/ur/search/?query=police"))}
    assert search["en-GB"] == "/search/?query=police"
    assert search["ta"] == "/ta/search/?query=police"

    missing = client.get("/ur/no-such-page/")
    assert missing.status_code == 404
    assert {link["lang"]: link["href"] for link in switcher(missing)}["pl"] == "/pl/"


def test_menus_footer_and_breadcrumbs_are_kept_per_language_and_lead_to_its_pages(
    client, translated_site, settings
):
    settings.PAGE_CACHE_SECONDS = 0  # every request drawn, from fragments kept in the cache
    settings.FRAGMENT_CACHE_SECONDS = 300
    myths = MythsFactsPage.objects.get()
    urdu_myths = retitle(translate(myths, "ur")["ur"], "غلط فہمیاں اور حقائق")
    site_settings = SiteSettings.objects.get()
    site_settings.footer_navigation = json.dumps(
        [{"type": "link", "value": {"label": "Myths", "page": myths.pk, "url": ""}}]
    )
    site_settings.save()

    for _ in range(2):  # drawn, then from the cache: English first, so a shared fragment would show
        english, urdu = soup(client.get("/privacy-notice/")), soup(client.get("/ur/privacy-notice/"))

        assert english.select_one(".site-header__name")["href"] == "/"
        assert urdu.select_one(".site-header__name")["href"] == "/ur/"
        english_menu = [a["href"] for a in english.select(".primary-nav a")]
        urdu_menu = [a["href"] for a in urdu.select(".primary-nav a")]
        assert "/myths-and-facts/" in english_menu
        assert urdu_menu == [
            "/ur/myths-and-facts/" if href == "/myths-and-facts/" else href for href in english_menu
        ]  # untranslated sections stay, in English
        footer = {a.get_text(strip=True): a["href"] for a in urdu.select(".footer-nav a")}
        assert footer[urdu_myths.title] == "/ur/myths-and-facts/"
        assert "/ur/privacy-notice/" in footer.values()
        assert {a.get_text(strip=True) for a in english.select(".footer-nav a")} >= {"Myths"}
        assert [a["href"] for a in urdu.select(".breadcrumbs a")] == ["/ur/"]


def test_sitemap_index_lists_one_sitemap_per_published_language(client, demo_site):
    translate(demo_site, "ur")
    translate(StandardPage.objects.get(slug="privacy-notice"), "ur")

    index = ElementTree.fromstring(client.get("/sitemap.xml").content)
    sitemaps = [loc.text for loc in index.iter(f"{SITEMAP}loc")]
    assert sitemaps == ["http://testserver/sitemap-en-gb.xml", "http://testserver/sitemap-ur.xml"]

    def locations(path):
        response = client.get(path)
        assert response.status_code == 200
        return [loc.text for loc in ElementTree.fromstring(response.content).iter(f"{SITEMAP}loc")]

    urdu, english = locations("/sitemap-ur.xml"), locations("/sitemap-en-gb.xml")
    assert urdu == ["http://testserver/ur/", "http://testserver/ur/privacy-notice/"]
    assert "http://testserver/privacy-notice/" in english
    assert not [location for location in english if "/ur/" in location]
    assert client.get("/sitemap-xx.xml").status_code == 404
    assert locations("/sitemap-bn.xml") == []  # no Bengali pages yet: an empty sitemap, not an error

    robots = client.get("/robots.txt").content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in robots
    assert {"Disallow: /search/", "Disallow: /ur/search/", "Disallow: /ku/search/"} <= set(robots)


def test_search_finds_pages_in_the_readers_language_only(client, demo_site):
    translate(demo_site, "ur")
    retitle(translate(StandardPage.objects.get(slug="privacy-notice"), "ur")["ur"], "رازداری کا نوٹس")

    def results(path):
        return [a["href"] for a in soup(client.get(path)).select(".search-results__title a")]

    assert results("/ur/search/?query=رازداری") == ["/ur/privacy-notice/"]
    # Searches are never kept in the page cache, in any language (each one counts against a rate limit).
    assert "X-Page-Cache" not in client.get("/ur/search/?query=رازداری")
    assert results("/search/?query=رازداری") == []
    english = results("/search/?query=privacy")
    assert "/privacy-notice/" in english
    assert not [href for href in english if href.startswith("/ur/")]
    assert all(href.startswith("/ur/") for href in results("/ur/search/?query=privacy"))


def test_django_knows_every_site_language_including_somali_and_kurmanji():
    for language in LANGUAGES:
        assert check_for_language(language.code), language.code
        assert get_language_info(language.code)["bidi"] == (language.direction == "rtl")
    assert get_language_info("so")["name_local"] == "Soomaali"
    template = engines["django"].from_string(
        "{% load i18n %}{% get_language_info for 'ku' as ku %}{{ ku.name_local }} {{ ku.bidi }}"
    )
    assert template.render({}) == "Kurdî (Kurmancî) False"
    with translation.override("so"):
        assert translation.get_language() == "so"


@pytest.mark.django_db
def test_a_translated_home_page_offers_its_own_languages_events_ambassador_page_and_next_steps(
    client, translated_demo_site
):
    for code in ("ur", "bn"):
        document = soup(client.get(f"/{code}/"))
        event_links = [link["href"] for link in document.select(".home-events .event-list a[href]")]
        ambassador_link = document.select_one(".ambassador-cta a.button")["href"]

        assert event_links and all(href.startswith(f"/{code}/events/") for href in event_links), event_links
        assert len(event_links) == len(set(event_links))  # each event once, not once per language
        assert ambassador_link == f"/{code}/community-ambassadors/"


@pytest.mark.django_db
def test_next_steps_speak_the_readers_language(client, translated_demo_site):
    with translation.override("ur"):
        texts = [str(step.text) for step in registered_steps().values()]

    steps = soup(client.get("/ur/myths-and-facts/")).select_one(".next-steps").get_text()

    for english in texts_in_english():
        assert english not in texts
        assert english not in steps


def texts_in_english():
    with translation.override("en-gb"):
        return [str(step.text) for step in registered_steps().values()]
