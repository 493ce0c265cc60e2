import json
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from wagtail import blocks
from wagtail.models import Page

from home.blocks import LinkBlock
from home.models import SiteSettings, StandardPage
from tests.helpers import soup

pytestmark = pytest.mark.django_db


def nav_links(response, selector=".primary-nav a"):
    return [
        (a.get_text(strip=True), a["href"], a.get("aria-current")) for a in soup(response).select(selector)
    ]


def set_menu(field, links):
    site_settings = SiteSettings.objects.get()
    setattr(site_settings, field, json.dumps([{"type": "link", "value": link} for link in links]))
    site_settings.save()


DEMO_SECTIONS = {
    "Events",
    "Campaigns",
    "Myths and facts",
    "Register for support",
    "Can I join?",
    "Become a community ambassador",
}


def test_demo_main_menu_leads_to_the_main_sections(client, demo_site):
    assert {text for text, _, _ in nav_links(client.get("/"))} == DEMO_SECTIONS


def test_main_menu_lists_pages_set_to_show_in_menus_when_not_edited(client, demo_site):
    privacy = StandardPage.objects.get(slug="privacy-notice")
    privacy.show_in_menus = True
    privacy.save_revision().publish()

    assert ("Privacy notice", "/privacy-notice/", None) in nav_links(client.get("/"))
    assert ("Privacy notice", "/privacy-notice/", "page") in nav_links(client.get("/privacy-notice/"))


def test_main_menu_edited_in_site_settings_replaces_the_default(client, demo_site):
    accessibility = Page.objects.get(slug="accessibility-statement")
    set_menu(
        "primary_navigation",
        [
            {"label": "", "page": accessibility.pk, "url": ""},
            {"label": "National recruitment", "page": None, "url": "https://www.example.org/join"},
        ],
    )

    assert nav_links(client.get("/accessibility-statement/")) == [
        ("Accessibility statement", "/accessibility-statement/", "page"),
        ("National recruitment", "https://www.example.org/join", None),
    ]


def test_footer_menu_adds_editor_links_after_the_required_ones(client, demo_site):
    set_menu(
        "footer_navigation", [{"label": "Careers", "page": None, "url": "https://www.example.org/careers"}]
    )

    footer = [text for text, _, _ in nav_links(client.get("/"), ".footer-nav a")]

    assert footer[:3] == ["Privacy notice", "Accessibility statement", "Careers"]


def test_link_block_needs_exactly_one_of_page_or_address(demo_site):
    block = LinkBlock()
    with pytest.raises(blocks.StructBlockValidationError):
        block.clean(block.to_python({"label": "Both", "page": demo_site.pk, "url": "https://example.org"}))
    with pytest.raises(blocks.StructBlockValidationError):
        block.clean(block.to_python({"label": "Neither", "page": None, "url": ""}))
    with pytest.raises(blocks.StructBlockValidationError):
        block.clean(block.to_python({"label": "", "page": None, "url": "https://example.org"}))
    assert (
        block.clean(block.to_python({"label": "", "page": demo_site.pk, "url": ""}))["page"].pk
        == demo_site.pk
    )


def test_breadcrumbs_lead_from_home_to_the_current_page(client, demo_site):
    privacy = StandardPage.objects.get(slug="privacy-notice")
    child = StandardPage(title="Your rights", slug="your-rights", body="<p>Rights</p>")
    privacy.add_child(instance=child)
    child.save_revision().publish()

    crumbs = soup(client.get("/privacy-notice/your-rights/")).select(".breadcrumbs__item")

    assert [crumb.get_text(strip=True) for crumb in crumbs] == ["Home", "Privacy notice", "Your rights"]
    assert crumbs[-1]["aria-current"] == "page"
    assert crumbs[1].a["href"] == "/privacy-notice/"


def test_home_page_has_no_breadcrumbs(client, demo_site):
    assert soup(client.get("/")).select(".breadcrumbs") == []


def test_pages_carry_canonical_and_open_graph_metadata(client, demo_site):
    document = soup(client.get("/privacy-notice/"))

    assert document.select_one("link[rel=canonical]")["href"] == "http://testserver/privacy-notice/"
    assert document.select_one("meta[property='og:title']")["content"] == "Privacy notice"
    assert document.select_one("meta[property='og:url']")["content"] == "http://testserver/privacy-notice/"


def test_social_text_falls_back_to_search_description(client, demo_site):
    description = soup(client.get("/")).select_one("meta[property='og:description']")["content"]
    assert description.startswith("Thinking about a police career?")


def test_sitemap_lists_live_pages_and_not_unpublished_ones(client, demo_site):
    StandardPage.objects.get(slug="accessibility-statement").unpublish()

    response = client.get("/sitemap-en-gb.xml")
    namespace = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    locations = [loc.text for loc in ElementTree.fromstring(response.content).iter(f"{namespace}loc")]

    assert response.status_code == 200
    assert "http://testserver/privacy-notice/" in locations
    assert "http://testserver/accessibility-statement/" not in locations


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_the_admin(client, db):
    response = client.get("/robots.txt")
    lines = response.content.decode().splitlines()

    assert response["Content-Type"].startswith("text/plain")
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_link_block_renders_the_chosen_pages_address(demo_site):
    block = LinkBlock()
    value = block.to_python({"label": "", "page": demo_site.pk, "url": ""})

    link = BeautifulSoup(block.render(value), "html.parser").a

    assert link["href"] == demo_site.url
    assert link.get_text() == demo_site.title
