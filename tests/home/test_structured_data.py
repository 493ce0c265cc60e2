"""Every JSON-LD block on the demo pages, walked and checked against schema.org's and Google's required and
recommended properties for each type it contains.

Sources: schema.org type definitions, and Google Search Central's structured-data guides for
Organization, Breadcrumb, FAQ and Event (the properties Google lists as required or recommended).
"""

import json
from datetime import datetime
from urllib.parse import urlsplit

import pytest

from home.choices import EventStatus
from home.models import (
    CampaignPage,
    EventIndexPage,
    EventPage,
    MythsFactsPage,
    SiteSettings,
    StandardPage,
)
from tests.helpers import soup

pytestmark = pytest.mark.django_db

# type: (required, recommended). A block of a type not listed here fails the test, so a new type is
# added to the table with its rules before it is published.
PROPERTIES = {
    "GovernmentOrganization": ({"name", "url"}, {"logo", "contactPoint"}),
    "Organization": ({"name", "url"}, set()),
    "ContactPoint": ({"contactType"}, {"email"}),
    "WebSite": ({"name", "url"}, {"potentialAction", "publisher", "inLanguage"}),
    "SearchAction": ({"target", "query-input"}, set()),
    "EntryPoint": ({"urlTemplate"}, set()),
    "BreadcrumbList": ({"itemListElement"}, set()),
    "ListItem": ({"position", "name", "item"}, set()),
    "FAQPage": ({"mainEntity"}, {"name"}),
    "Question": ({"name", "acceptedAnswer"}, set()),
    "Answer": ({"text"}, set()),
    "Event": (
        {"name", "startDate", "location"},
        {"description", "endDate", "eventStatus", "eventAttendanceMode", "image", "organizer", "url"},
    ),
    "Place": ({"address"}, {"name"}),
    "PostalAddress": ({"addressCountry"}, {"streetAddress", "postalCode"}),
    "VirtualLocation": ({"url"}, set()),
    "Offer": ({"price", "priceCurrency", "availability", "url"}, {"validFrom"}),
}
URL_PROPERTIES = {"url", "item", "logo", "image", "urlTemplate"}
DATE_PROPERTIES = {"startDate", "endDate", "validFrom"}
SCHEMA_ENUMERATIONS = {"eventStatus", "eventAttendanceMode", "availability"}


def json_ld_blocks(response):
    return [
        json.loads(script.string) for script in soup(response).select('script[type="application/ld+json"]')
    ]


def walk(node, path="$"):
    """Every typed object inside a block, with where it was found."""
    if isinstance(node, dict):
        if "@type" in node:
            yield path, node
        for key, value in node.items():
            yield from walk(value, f"{path}.{key}")
    elif isinstance(node, list):
        for position, value in enumerate(node):
            yield from walk(value, f"{path}[{position}]")


def is_absolute_url(value):
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def problems_in(block):
    found = []
    if block.get("@context") != "https://schema.org":
        found.append("the block has no schema.org @context")
    for path, node in walk(block):
        kind = node["@type"]
        if kind not in PROPERTIES:
            found.append(f"{path}: {kind} is not in the table")
            continue
        required, recommended = PROPERTIES[kind]
        for name in sorted(required | recommended):
            if node.get(name) in (None, "", [], {}):
                level = "required" if name in required else "recommended"
                found.append(f"{path}: {kind} lacks {level} {name}")
        for name, value in node.items():
            values = value if isinstance(value, list) else [value]
            if name in URL_PROPERTIES:
                found += [
                    f"{path}.{name} is not absolute: {v}"
                    for v in values
                    if isinstance(v, str) and not is_absolute_url(v)
                ]
            if name in DATE_PROPERTIES:
                try:
                    datetime.fromisoformat(value)
                except ValueError:
                    found.append(f"{path}.{name} is not an ISO 8601 date: {value}")
            if name in SCHEMA_ENUMERATIONS and not value.startswith("https://schema.org/"):
                found.append(f"{path}.{name} is not a schema.org value: {value}")
    return found


def demo_pages(home):
    index = EventIndexPage.objects.get()
    events = EventPage.objects.child_of(index).live()
    return {
        "home": home.url,
        "privacy notice": StandardPage.objects.get(slug="privacy-notice").url,
        "myths and facts": MythsFactsPage.objects.get().url,
        "campaign": CampaignPage.objects.get(slug="community-ambassador-programme").url,
        "events": index.url,
        "event going ahead": events.filter(status=EventStatus.SCHEDULED, attendance_mode="in-person")
        .first()
        .url,
        "online event": events.filter(attendance_mode="online").first().url,
        "full event": events.get(status=EventStatus.FULL).url,
        "cancelled event": events.get(status=EventStatus.CANCELLED).url,
        "postponed event": events.get(status=EventStatus.POSTPONED).url,
    }


def test_every_json_ld_block_on_the_demo_pages_has_its_required_and_recommended_properties(client, demo_site):
    site_settings = SiteSettings.objects.get()
    site_settings.contact_phone = "020 7946 0000"
    site_settings.save()
    seen_types = set()
    problems = {}

    for name, url in demo_pages(demo_site).items():
        blocks = json_ld_blocks(client.get(url))
        assert blocks, f"{name} has no structured data"
        for block in blocks:
            seen_types |= {node["@type"] for _, node in walk(block)}
            if found := problems_in(block):
                problems[f"{name} ({block['@type']})"] = found

    assert problems == {}
    assert seen_types >= {"GovernmentOrganization", "WebSite", "SearchAction", "BreadcrumbList", "FAQPage"}
    assert seen_types >= {"Question", "Answer", "Event", "Place", "VirtualLocation", "Offer"}


def test_the_walk_reports_a_missing_required_property_and_a_relative_url():
    block = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": "Open evening",
        "url": "/events/open-evening/",
        "location": {"@type": "Place", "name": "Town hall"},
    }

    found = problems_in(block)

    assert "$: Event lacks required startDate" in found
    assert "$.location: Place lacks required address" in found
    assert "$.url is not absolute: /events/open-evening/" in found


def test_home_page_describes_the_force_and_how_to_search_the_site(client, demo_site):
    blocks = {block["@type"]: block for block in json_ld_blocks(client.get(demo_site.url))}

    organisation, website = blocks["GovernmentOrganization"], blocks["WebSite"]
    assert organisation["name"] == "Capital Police Service"
    assert organisation["contactPoint"]["email"] == "recruitment@example.org"
    assert organisation["logo"].endswith("/static/images/logo.png")
    template = website["potentialAction"]["target"]["urlTemplate"]
    assert template == "http://testserver/search/?query={search_term_string}"
    assert "BreadcrumbList" not in blocks


def test_breadcrumb_data_matches_the_visible_breadcrumbs(client, demo_site):
    campaign = CampaignPage.objects.get(slug="community-ambassador-programme")
    response = client.get(campaign.url)

    [trail] = [block for block in json_ld_blocks(response) if block["@type"] == "BreadcrumbList"]
    visible = [item.get_text(strip=True) for item in soup(response).select(".breadcrumbs__item")]
    assert [item["name"] for item in trail["itemListElement"]] == visible
    assert [item["item"] for item in trail["itemListElement"]] == [
        "http://testserver/",
        "http://testserver/campaigns/",
        f"http://testserver{campaign.url}",
    ]
    assert [item["position"] for item in trail["itemListElement"]] == [1, 2, 3]


def test_faq_data_on_the_myths_page_asks_questions(client, demo_site):
    myths_page = MythsFactsPage.objects.get()

    [faq] = [block for block in json_ld_blocks(client.get(myths_page.url)) if block["@type"] == "FAQPage"]

    questions = [question["name"] for question in faq["mainEntity"]]
    assert questions and all(question.endswith("?") for question in questions)
    assert "Do I need a degree to become a police officer?" in questions
