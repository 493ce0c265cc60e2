"""The "What happens next" recruitment timeline: the block and the page built on it."""

import pytest
from bs4 import BeautifulSoup
from wagtail.test.utils import WagtailPageTestCase

from home.blocks import RecruitmentTimelineBlock
from home.models import HomePage, RecruitmentTimelinePage
from tests.helpers import h1_texts, soup

pytestmark = pytest.mark.django_db

STAGES = [
    "Enquiry",
    "Application",
    "Online assessment",
    "Interview",
    "Fitness test",
    "Medical",
    "Vetting and references",
    "Offer",
    "Training",
]


def test_demo_timeline_lists_the_nine_stages_in_order_with_duration_and_support(client, demo_site):
    response = client.get("/what-happens-next/")

    assert h1_texts(response) == ["What happens next"]
    assert "{#" not in response.content.decode()  # a template comment left showing
    stages = soup(response).select("main ol.timeline__stages > li")
    assert [stage.select_one(".timeline__title").get_text(strip=True) for stage in stages] == STAGES
    for stage in stages:
        assert stage.select_one(".timeline__duration").get_text(strip=True).startswith("Typical duration:")
        assert "Our support at this stage" in stage.select_one(".timeline__support").get_text()
    # Without a heading on the block, the stages are the page's second level.
    assert [h2.get_text(strip=True) for h2 in soup(response).select("main ol h2")] == STAGES


def test_timeline_block_with_a_heading_puts_stages_a_level_below_it():
    block = RecruitmentTimelineBlock()
    value = block.to_python(
        {
            "heading": "The stages",
            "stages": [
                {"title": "Medical", "duration": "2 weeks", "what_happens": "<p>A check.</p>", "support": ""}
            ],
        }
    )

    rendered = soup_of(block.render(value))

    assert rendered.select_one("h2").get_text() == "The stages"
    assert rendered.select_one("ol > li h3").get_text() == "Medical"
    assert rendered.select_one(".timeline__support") is None


def soup_of(html):
    return BeautifulSoup(str(html), "html.parser")


class TimelinePagePlacementTests(WagtailPageTestCase):
    def test_timeline_page_sits_under_the_home_page_and_has_no_children(self):
        self.assertAllowedParentPageTypes(RecruitmentTimelinePage, {HomePage})
        self.assertAllowedSubpageTypes(RecruitmentTimelinePage, {})
