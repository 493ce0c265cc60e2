"""No dead ends: campaign, myths and event pages end with next steps that lead to live pages."""

import json

import pytest

from home.models import CampaignPage, EventPage, MythsFactsPage
from positive_action.models import SupportRegistrationPage
from tests.helpers import soup

pytestmark = pytest.mark.django_db


def next_step_links(response):
    section = soup(response).select_one("main .next-steps")
    if section is None:
        return {}
    return {link.get_text(strip=True): link["href"] for link in section.select("a")}


def pages_that_must_lead_on():
    campaigns = list(CampaignPage.objects.live())
    return [*campaigns, MythsFactsPage.objects.live().get(), EventPage.objects.live().first()]


def test_every_campaign_the_myths_page_and_an_event_end_with_steps_to_live_pages(client, demo_site):
    pages = pages_that_must_lead_on()
    assert len(pages) == 5

    for page in pages:
        links = next_step_links(client.get(page.url))
        assert "Register for support" in links, page.url
        for href in links.values():
            assert client.get(href).status_code == 200, (page.url, href)


def test_steps_follow_what_suits_the_page(client, demo_site):
    myths = list(next_step_links(client.get("/myths-and-facts/")))
    campaign = list(next_step_links(client.get("/campaigns/prepare-to-apply/")))
    event = list(next_step_links(client.get(EventPage.objects.live().first().url)))

    assert myths == ["Register for support", "See upcoming events", "Find out about ambassadors"]
    assert campaign == ["Register for support", "Find out about ambassadors", "See upcoming events"]
    # An event page already links to the listing.
    assert event == ["Register for support", "Find out about ambassadors"]


def test_a_step_whose_page_is_unpublished_is_left_out_not_linked(client, demo_site):
    SupportRegistrationPage.objects.get().unpublish()

    links = next_step_links(client.get("/campaigns/prepare-to-apply/"))

    assert "Register for support" not in links
    assert list(links) == ["Find out about ambassadors", "See upcoming events"]


def editor_step(heading, page):
    return {
        "type": "step",
        "value": {
            "heading": heading,
            "description": "Chosen by comms for this page.",
            "link": {"label": "", "page": page.pk, "url": ""},
        },
    }


def test_an_editor_can_replace_the_usual_steps_on_one_page(client, demo_site):
    campaign = CampaignPage.objects.get(slug="prepare-to-apply")
    myths = MythsFactsPage.objects.get()
    campaign.next_steps = json.dumps([editor_step("Check the facts first", myths)])
    campaign.save_revision().publish()

    section = soup(client.get(campaign.url)).select_one(".next-steps")

    assert [link["href"] for link in section.select("a")] == [myths.url]
    assert "Check the facts first" in section.get_text()
    # Other campaigns keep the usual steps.
    assert "Register for support" in next_step_links(client.get("/campaigns/outreach-recruitment-drive/"))


def test_an_editor_step_to_an_unpublished_page_falls_back_to_the_usual_steps(client, demo_site):
    campaign = CampaignPage.objects.get(slug="prepare-to-apply")
    myths = MythsFactsPage.objects.get()
    campaign.next_steps = json.dumps([editor_step("Check the facts first", myths)])
    campaign.save_revision().publish()
    myths.unpublish()

    links = next_step_links(client.get(campaign.url))

    assert myths.url not in links.values()
    assert "Register for support" in links


def body_links(campaign):
    """Pages the campaign's own body leads to (call-to-action buttons) and whether it lists events."""
    targets = [block.value["link"]["page"] for block in campaign.body if block.block_type == "call_to_action"]
    lists_events = any(block.block_type == "upcoming_events" for block in campaign.body)
    return targets, lists_events


def test_each_demo_campaign_body_leads_on_to_a_live_page_other_than_the_myths(demo_site):
    for campaign in CampaignPage.objects.live():
        targets, _ = body_links(campaign)
        onward = [page for page in targets if page and page.live and page.specific_class != MythsFactsPage]
        assert onward, campaign.slug


def test_the_outreach_drive_lists_its_coming_events(client, demo_site):
    campaign = CampaignPage.objects.get(slug="outreach-recruitment-drive")

    listed = soup(client.get(campaign.url)).select(".upcoming-events .event-card")

    assert body_links(campaign)[1]
    assert listed, "the outreach drive shows no events"
