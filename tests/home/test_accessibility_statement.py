"""The demo accessibility statement has what the accessibility regulations' model statement asks for, and
the public pages the issue named carry a search description."""

import re

import pytest
from wagtail.models import Page

from home.models import StandardPage
from recruitment_site.devtools.demo.accessibility import REQUIRED_SECTIONS
from tests.helpers import soup

pytestmark = pytest.mark.django_db


def statement(client):
    page = StandardPage.objects.get(slug="accessibility-statement")
    return soup(client.get(page.url))


def test_statement_has_every_section_the_model_statement_requires_in_its_order(client, demo_site):
    headings = [heading.get_text(strip=True) for heading in statement(client).select("main h2, main h3")]

    positions = [headings.index(section) for section in REQUIRED_SECTIONS if section in headings]

    assert [section for section in REQUIRED_SECTIONS if section not in headings] == []
    assert positions == sorted(positions)
    assert len(statement(client).find_all("h1")) == 1


def test_statement_names_the_enforcement_bodies_and_its_dates(client, demo_site):
    text = " ".join(statement(client).select_one("main").get_text(" ").split())

    for body in ("Equality and Human Rights Commission", "Equality Advisory and Support Service"):
        assert body in text
    assert "Equality Commission for Northern Ireland" in text
    assert re.search(r"prepared on \d{1,2} \w+ \d{4}\. It was last reviewed on \d{1,2} \w+ \d{4}", text)
    assert "partially compliant with the Web Content Accessibility Guidelines version 2.2" in text


def test_statement_lists_real_non_accessible_content_and_placeholder_contacts(client, demo_site):
    text = " ".join(statement(client).select_one("main").get_text(" ").split())

    assert "YouTube and Vimeo" in text  # third-party players we embed
    assert "accessibility@example.org (placeholder address)" in text
    assert "axe-core" in text and "320 pixel" in text  # how it was tested


@pytest.mark.parametrize(
    "slug",
    [
        "privacy-notice",
        "accessibility-statement",
        "community-ambassador-programme",
        "outreach-recruitment-drive",
        "prepare-to-apply",
        "community-ambassadors",
    ],
)
def test_demo_page_has_a_search_description_in_the_page_head(client, demo_site, slug):
    page = Page.objects.get(slug=slug)

    description = soup(client.get(page.url)).select_one('meta[name="description"]')

    assert page.search_description
    assert description["content"] == page.search_description
