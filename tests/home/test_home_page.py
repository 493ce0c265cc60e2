"""The home page in the order a visitor decides: support first, then ambassadors, events and the
figures, each figure dated; drawn identity and portraits instead of stock photos."""

import pytest
from django.contrib.staticfiles import finders

from ambassadors_network.models import AmbassadorProgrammePage
from home.models import EventPage, OfficerStory, SiteSettings
from positive_action.models import SupportRegistrationPage
from tests.helpers import h1_texts, soup
from tests.home.content_factories import ImageFactory

pytestmark = pytest.mark.django_db


def test_opening_section_offers_support_and_the_ambassador_call_comes_next(client, demo_site):
    document = soup(client.get("/"))

    hero_links = [link["href"] for link in document.select(".hero a")]
    support = SupportRegistrationPage.objects.get()
    assert hero_links == [support.url]
    assert document.select_one(".hero a").get_text(strip=True) == "Get free support to apply"

    sections = [
        element.get("class")[0]
        for element in document.select("main .hero, main .ambassador-cta, main .home-events, main .figures")
    ]
    assert sections == ["hero", "ambassador-cta", "home-events", "figures"]
    assert document.select_one(".ambassador-cta a")["href"] == AmbassadorProgrammePage.objects.get().url


def test_upcoming_events_show_the_next_three_and_lead_to_the_listing(client, demo_site):
    document = soup(client.get("/"))

    titles = [link.get_text(strip=True) for link in document.select(".home-events .event-card__title a")]
    expected = [event.title for event in EventPage.objects.published().upcoming()[:3]]
    assert titles == expected and len(titles) == 3
    assert document.select(".home-events a")[-1]["href"] == "/events/"


@pytest.mark.parametrize("code", ["ur", "bn"])
def test_a_translated_home_page_lists_each_upcoming_event_once_in_its_own_language(
    client, translated_demo_site, code
):
    # Every event has a copy in each language (a translation or an alias): the English one and the other
    # languages' copies must not be listed beside the reader's.
    document = soup(client.get(f"/{code}/"))

    links = [link["href"] for link in document.select(".home-events .event-card__title a")]
    expected = EventPage.objects.published().upcoming().filter(locale__language_code=code)[:3]
    assert links == [event.url for event in expected] and len(links) == 3
    assert all(link.startswith(f"/{code}/events/") for link in links)


@pytest.mark.parametrize("code", ["ur", "bn"])
def test_a_translated_home_page_invites_ambassadors_to_the_programme_page_in_its_language(
    client, translated_demo_site, code
):
    programme = AmbassadorProgrammePage.objects.get(locale__language_code=code)

    call = soup(client.get(f"/{code}/")).select_one(".ambassador-cta")

    assert call.select_one("a")["href"] == programme.url == f"/{code}/community-ambassadors/"
    assert programme.introduction in call.get_text()


def test_every_figure_says_when_it_was_true_just_before_the_number(client, demo_site):
    for figure in soup(client.get("/")).select(".figures .statistic"):
        paragraph = figure.select_one(".statistic__text")
        period = paragraph.select_one(".statistic__period")
        assert period is not None, figure
        assert paragraph.find(True) is period  # read first, before the figure
        assert any(char.isdigit() for char in period.get_text())
        assert figure.select_one(".statistic__source")


def test_no_support_button_when_the_registration_page_is_not_live(client, demo_site):
    SupportRegistrationPage.objects.get().unpublish()

    document = soup(client.get("/"))

    assert document.select(".hero a") == []
    assert h1_texts(client.get("/")) == ["Police the city you come from"]


def test_without_a_hero_image_the_home_page_shows_a_light_decorative_drawing(client, demo_site):
    image = soup(client.get("/")).select_one(".hero img")

    assert image["src"].endswith("images/illustrations/home-hero.svg")
    assert image["alt"] == ""
    assert image["width"] and image["height"]


def test_header_shows_the_placeholder_crest_until_the_force_sets_its_logo(client, demo_site):
    crest = soup(client.get("/")).select_one(".site-header__name img")
    assert crest["src"].endswith("images/crest.svg") and crest["alt"] == ""

    site_settings = SiteSettings.objects.get()
    site_settings.logo = ImageFactory()
    site_settings.save()

    logo = soup(client.get("/")).select_one(".site-header__name img")
    assert "crest.svg" not in logo["src"] and logo["alt"] == ""


def test_officer_stories_without_a_photo_get_a_drawn_portrait_with_empty_alt(client, demo_site):
    stories = soup(client.get("/")).select(".officer-story")

    assert len(stories) == OfficerStory.objects.count() == 3
    for story in stories:
        portrait = story.select_one("img")
        assert "/static/images/avatars/avatar-" in portrait["src"]
        assert portrait["alt"] == ""  # the caption names the officer's role
        assert story.select_one("figcaption").get_text(strip=True)


def test_an_officer_story_with_a_photo_shows_the_photo(client, demo_site):
    story = OfficerStory.objects.get(name="Sergeant, Ealing")
    story.image = ImageFactory()
    story.save()

    figure = next(
        figure
        for figure in soup(client.get("/")).select(".officer-story")
        if "Sergeant, Ealing" in figure.get_text()
    )

    assert "avatars" not in figure.img["src"]


def test_drawn_images_are_light():
    for path in [
        "images/crest.svg",
        "images/illustrations/home-hero.svg",
        "images/illustrations/ambassadors.svg",
    ]:
        with open(finders.find(path), "rb") as svg:
            assert len(svg.read()) < 4096, path
