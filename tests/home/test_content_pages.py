import json
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.choices import MythTopic
from home.models import (
    Borough,
    CampaignIndexPage,
    CampaignPage,
    Community,
    HomePage,
    Myth,
    MythsFactsPage,
    OfficerStory,
    StandardPage,
)
from tests.helpers import h1_texts, inline_code, soup
from tests.home.content_factories import ImageFactory, MythFactory, add_campaign

pytestmark = pytest.mark.django_db


@pytest.fixture
def campaigns_index(demo_site):
    return CampaignIndexPage.objects.get()


def listed_titles(client, url="/campaigns/"):
    return [a.get_text(strip=True) for a in soup(client.get(url)).select(".card__title a")]


def json_ld(response):
    return [
        json.loads(script.string) for script in soup(response).find_all("script", type="application/ld+json")
    ]


def queries_to_render(client, url):
    """Queries for one uncached render, after a first render has created any missing renditions."""
    client.get(url)
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


# Campaign index


def test_campaign_index_lists_the_demo_campaigns_with_images_and_summaries(client, campaigns_index):
    response = client.get("/campaigns/")

    assert h1_texts(response) == ["Campaigns"]
    assert set(listed_titles(client)) >= {"Community Ambassador Programme", "Outreach recruitment drive"}
    card_images = soup(response).select(".card img")
    assert card_images and all(
        img["src"].endswith(".webp") and img["loading"] == "lazy" for img in card_images
    )


def test_campaign_index_leaves_out_ended_future_and_unpublished_campaigns(client, campaigns_index):
    today = timezone.localdate()
    add_campaign(campaigns_index, title="Ended yesterday", end_date=today - timedelta(days=1))
    add_campaign(campaigns_index, title="Starts tomorrow", start_date=today + timedelta(days=1))
    add_campaign(campaigns_index, title="Draft", publish=False)
    add_campaign(campaigns_index, title="Ends today", end_date=today)
    add_campaign(campaigns_index, title="Started today", start_date=today)

    titles = listed_titles(client)

    assert {"Ends today", "Started today"} <= set(titles)
    assert not {"Ended yesterday", "Starts tomorrow", "Draft"} & set(titles)


def test_running_campaigns_queryset_uses_the_given_day(campaigns_index):
    page = add_campaign(campaigns_index, start_date=timezone.localdate() + timedelta(days=10))

    assert page not in CampaignPage.objects.running()
    assert page in CampaignPage.objects.running(on=page.start_date)


def test_campaign_index_with_no_running_campaigns_says_so(client, campaigns_index):
    CampaignPage.objects.update(end_date=timezone.localdate() - timedelta(days=1))

    response = client.get("/campaigns/")

    assert "There are no campaigns running at the moment." in response.content.decode()


def test_campaign_index_costs_the_same_queries_for_3_and_12_campaigns(client, campaigns_index):
    assert CampaignPage.objects.for_listing().count() == 3
    three = queries_to_render(client, "/campaigns/")

    for _ in range(9):
        add_campaign(campaigns_index, hero_image=ImageFactory())
    assert len(listed_titles(client)) == 12

    assert queries_to_render(client, "/campaigns/") == three


# Campaign page


def test_campaign_page_shows_hero_summary_dates_audience_and_library_blocks(client, campaigns_index):
    response = client.get("/campaigns/outreach-recruitment-drive/")
    document = soup(response)

    assert h1_texts(response) == ["Outreach recruitment drive"]
    assert document.select_one(".hero__image")["fetchpriority"] == "high"
    assert document.select_one(".campaign-dates").get_text(" ", strip=True).startswith("Runs from")
    audience = document.select_one(".campaign-audience").get_text(" ", strip=True)
    assert "Tower Hamlets" in audience and "Somali" in audience and "Black Caribbean" not in audience
    assert document.select_one(".content-image img")["loading"] == "lazy"
    assert (
        document.select_one(".officer-story figcaption").get_text(strip=True) == "Detective constable, Newham"
    )


def test_campaign_hero_offers_webp_at_three_widths_for_the_browser_to_choose(client, campaigns_index):
    hero = soup(client.get("/campaigns/outreach-recruitment-drive/")).select_one(".hero__image")

    candidates = [candidate.split() for candidate in hero["srcset"].split(",")]
    assert len(candidates) == 3
    assert all(url.endswith(".webp") for url, _width in candidates)
    assert hero["sizes"] and hero["src"] == candidates[0][0]


def test_campaign_page_first_image_loads_eagerly_without_a_hero(client, campaigns_index):
    image = ImageFactory()
    body = [
        ("image", {"image": image, "alt_text": "A market street", "caption": ""}),
        ("image", {"image": image, "alt_text": "A bus stop", "caption": ""}),
    ]
    add_campaign(campaigns_index, slug="no-hero", body=body)

    loading = [img["loading"] for img in soup(client.get("/campaigns/no-hero/")).select(".content-image img")]

    assert loading == ["eager", "lazy"]


def test_campaign_end_date_before_start_date_is_refused(campaigns_index):
    today = timezone.localdate()
    page = CampaignPage(title="Backwards", summary="x", start_date=today, end_date=today - timedelta(days=1))

    with pytest.raises(ValidationError) as caught:
        page.full_clean()

    assert "end_date" in caught.value.message_dict


def test_campaign_page_costs_the_same_queries_for_few_and_many_blocks(client, campaigns_index):
    myths = [MythFactory() for _ in range(12)]
    few = [("myths", {"heading": "", "myths": myths[:2], "topic": ""})]
    add_campaign(campaigns_index, slug="few", body=few)
    add_campaign(campaigns_index, slug="many", body=[("myths", {"heading": "", "myths": myths, "topic": ""})])

    assert queries_to_render(client, "/campaigns/few/") == queries_to_render(client, "/campaigns/many/")


# Myths and facts page


def test_myths_page_groups_myths_by_topic_in_topic_order(client, demo_site):
    response = client.get("/myths-and-facts/")
    document = soup(response)

    assert h1_texts(response) == ["Myths and facts"]
    headings = [section.h2.get_text(strip=True) for section in document.select("section.myths")]
    assert headings == [label for _value, label in MythTopic.choices]
    assert len(document.select("section.myths details.disclosure")) == Myth.objects.count() >= 10
    links = [a["href"] for a in document.select(".topic-nav a")]
    assert all(document.select_one(href) is not None for href in links)


def faq_data(response):
    """The FAQPage block; the page also carries its BreadcrumbList (tests/home/test_structured_data.py)."""
    return [block for block in json_ld(response) if block["@type"] == "FAQPage"]


def test_myths_page_publishes_every_myth_as_schema_org_faq(client, demo_site):
    (data,) = faq_data(client.get("/myths-and-facts/"))

    assert data["@context"] == "https://schema.org" and data["@type"] == "FAQPage"
    questions = {item["name"]: item["acceptedAnswer"]["text"] for item in data["mainEntity"]}
    assert set(questions) == set(Myth.objects.values_list("question", flat=True))
    assert questions["Do I need a degree to become a police officer?"].startswith("No. You can join")
    assert all("<" not in answer for answer in questions.values())


def test_hostile_myth_text_cannot_break_out_of_the_json_ld_script(client, demo_site):
    hostile = '</script><script>alert("myth")</script>'
    MythFactory(
        myth=hostile, question=hostile, fact="<p>&lt;/script&gt; & fact</p>", topic=MythTopic.SELECTION
    )

    response = client.get("/myths-and-facts/")

    assert inline_code(response) == []
    assert "<script>alert" not in response.content.decode()
    (data,) = faq_data(response)
    assert hostile in [item["name"] for item in data["mainEntity"]]


def test_myths_page_without_myths_says_so_and_has_no_structured_data(client, demo_site):
    Myth.objects.all().delete()

    response = client.get("/myths-and-facts/")

    assert "There are no myths to show yet." in response.content.decode()
    assert faq_data(response) == []


def test_myths_page_costs_the_same_queries_for_few_and_many_myths(client, demo_site):
    few = queries_to_render(client, "/myths-and-facts/")
    for topic in MythTopic.values * 10:
        MythFactory(topic=topic)

    assert queries_to_render(client, "/myths-and-facts/") == few


# Demo content and the home page


def test_demo_has_campaigns_myths_in_three_topics_and_officer_stories(demo_site):
    assert CampaignPage.objects.live().count() >= 2
    assert Myth.objects.count() >= 10
    assert Myth.objects.values("topic").distinct().count() >= 3
    assert OfficerStory.objects.count() == 3


def test_home_page_shows_myths_an_officer_story_and_a_call_to_action(client, demo_site):
    document = soup(client.get("/"))

    assert document.select(".myths details")
    assert document.select_one(".officer-story blockquote")
    assert document.select_one(".call-to-action a.button")["href"] == "/campaigns/"


def test_demo_leaves_an_edited_home_page_body_alone(demo_site):
    from recruitment_site.devtools.demo.library import load_content_library

    demo_site.body = [("rich_text", "<p>Written by comms.</p>")]
    demo_site.save_revision().publish()

    load_content_library(HomePage.objects.get())

    assert [block.block_type for block in HomePage.objects.get().body] == ["rich_text"]


def test_new_content_pages_have_no_inline_script_or_style(client, demo_site):
    for url in ("/campaigns/", "/campaigns/community-ambassador-programme/", "/myths-and-facts/"):
        assert inline_code(client.get(url)) == [], url


def test_campaign_targets_come_from_borough_and_community_snippets(campaigns_index):
    programme = CampaignPage.objects.get(slug="community-ambassador-programme")

    assert set(programme.target_boroughs.all()) == set(Borough.objects.filter(is_priority=True))
    assert programme.target_communities.count() == Community.objects.count()


class TestContentPagePlacement(WagtailPageTestCase):
    def test_campaign_index_and_myths_page_sit_under_the_home_page_only(self):
        for model in (CampaignIndexPage, MythsFactsPage):
            self.assertCanCreateAt(HomePage, model)
            self.assertCanNotCreateAt(StandardPage, model)
            self.assertCanNotCreateAt(Page, model)

    def test_campaign_pages_sit_only_under_a_campaign_index(self):
        self.assertCanCreateAt(CampaignIndexPage, CampaignPage)
        self.assertCanNotCreateAt(HomePage, CampaignPage)
        self.assertAllowedSubpageTypes(CampaignIndexPage, {CampaignPage})
        self.assertAllowedSubpageTypes(CampaignPage, set())
        self.assertAllowedSubpageTypes(MythsFactsPage, set())


def test_shared_campaign_link_describes_the_campaign_with_its_summary(client, campaigns_index):
    page = add_campaign(campaigns_index, slug="shared", summary="Meet officers from your community.")

    description = soup(client.get(page.url)).find("meta", property="og:description")

    assert description["content"] == "Meet officers from your community."
