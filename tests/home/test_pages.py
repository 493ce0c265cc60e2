import pytest
from django.core.management import call_command
from django.test import RequestFactory
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page, PageLogEntry, Revision
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage, SiteSettings, StandardPage
from home.views import server_error
from tests.helpers import h1_texts, inline_code, soup
from tests.home.content_factories import ImageFactory

pytestmark = pytest.mark.django_db


def public_page_urls():
    return [page.url for page in Page.objects.live().public().filter(depth__gt=1)]


def test_home_page_shows_demo_introduction_and_headline_figures(client, demo_site):
    response = client.get("/")

    assert response.status_code == 200
    assert h1_texts(response) == ["Police the city you come from"]
    figures = [p.get_text(strip=True) for p in soup(response).select(".statistic__figure")]
    assert figures[:4] == ["11%", "40%+", "1 in 4", "40%"]
    assert "same standards as everyone else" in response.content.decode()


def test_home_hero_offers_webp_at_three_widths_and_loads_first(client, demo_site):
    photo = get_test_image_file(size=(1600, 1200))
    demo_site.hero_image = ImageFactory(file=photo, description="Officers at a community festival")
    demo_site.save_revision().publish()

    hero = soup(client.get("/")).select_one(".hero__image")

    candidates = [candidate.split() for candidate in hero["srcset"].split(",")]
    assert [width for _url, width in candidates] == ["480w", "720w", "1080w"]
    assert all(url.endswith(".webp") for url, _width in candidates)
    assert hero["alt"] == "Officers at a community festival"
    assert hero["fetchpriority"] == "high" and "loading" not in hero.attrs


def test_page_title_carries_force_name_from_site_settings(client, demo_site):
    settings = SiteSettings.objects.get()
    settings.force_name = "Northshire Constabulary"
    settings.save()

    document = soup(client.get("/"))

    assert document.title.get_text() == "Join us | Northshire Constabulary"
    assert document.select_one(".site-header__name").get_text(strip=True) == "Northshire Constabulary"


def test_every_public_page_has_exactly_one_h1(client, demo_site):
    urls = public_page_urls() + ["/no-such-page/"]
    assert len(urls) >= 4
    for url in urls:
        assert len(h1_texts(client.get(url))) == 1, url


def test_public_pages_have_no_inline_script_or_style(client, demo_site):
    for url in public_page_urls() + ["/no-such-page/"]:
        assert inline_code(client.get(url)) == [], url


def test_footer_links_to_live_privacy_notice_and_accessibility_statement(client, demo_site):
    footer = soup(client.get("/")).select_one(".site-footer")
    links = {a.get_text(strip=True): a["href"] for a in footer.find_all("a")}

    for label in ("Privacy notice", "Accessibility statement"):
        response = client.get(links[label])
        assert response.status_code == 200
        assert h1_texts(response) == [label]


def test_footer_drops_link_to_unpublished_privacy_notice(client, demo_site):
    StandardPage.objects.get(slug="privacy-notice").unpublish()

    footer = soup(client.get("/")).select_one(".site-footer")

    assert "Privacy notice" not in footer.get_text()
    assert "Accessibility statement" in footer.get_text()


def test_every_link_on_the_demo_site_resolves(client, demo_site):
    for url in public_page_urls():
        for anchor in soup(client.get(url)).find_all("a", href=True):
            href = anchor["href"]
            if href.startswith("/") and not href.startswith("//"):
                assert client.get(href).status_code == 200, f"{href} linked from {url}"


def test_unknown_address_gets_404_page_in_site_shell(client, demo_site):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert h1_texts(response) == ["Page not found"]
    assert soup(response).select_one("a.skip-link")["href"] == "#main-content"


def test_server_error_page_renders_without_touching_the_database(django_assert_num_queries):
    request = RequestFactory().get("/")

    with django_assert_num_queries(0):
        response = server_error(request)

    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in response.content.decode()
    assert soup(response).select_one("main#main-content") is not None


def test_loading_demo_content_twice_changes_nothing(demo_site):
    def snapshot():
        return (
            list(Page.objects.values_list("id", "title", "path", "live").order_by("path")),
            Revision.objects.count(),
            PageLogEntry.objects.count(),
            list(SiteSettings.objects.values()),
        )

    before = snapshot()
    call_command("load_demo", stdout=open("/dev/null", "w"))

    assert snapshot() == before


def test_demo_content_keeps_an_editors_change(demo_site):
    demo_site.title = "Edited by comms"
    demo_site.save_revision().publish()

    call_command("load_demo", stdout=open("/dev/null", "w"))

    assert HomePage.objects.get().title == "Edited by comms"


class TestPageTypePlacement(WagtailPageTestCase):
    def test_home_page_sits_only_at_the_root(self):
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertCanNotCreateAt(StandardPage, HomePage)

    def test_standard_pages_sit_under_the_home_page_or_each_other(self):
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanCreateAt(StandardPage, StandardPage)


def test_demo_loads_priority_boroughs_and_outreach_communities(demo_site):
    from home.models import Borough, Community

    assert set(Borough.objects.filter(is_priority=True).values_list("name", flat=True)) == {
        "Redbridge",
        "Ealing",
        "Haringey",
        "Newham",
        "Tower Hamlets",
    }
    assert Community.objects.filter(slug__in=["somali", "tamil", "polish"]).count() == 3


def test_demo_privacy_notice_covers_what_the_law_asks_and_matches_the_retention_settings(
    client, demo_site, settings
):
    page = StandardPage.objects.get(slug="privacy-notice")
    text = " ".join(soup(client.get(page.url)).get_text(" ").split())

    assert "Article 6(1)(e)" in text  # lawful basis
    assert "Schedule 1, paragraph 8" in text  # special-category condition for equality answers
    assert f"{settings.RETENTION_CLOSED_SUPPORT_MONTHS} months after our support ends" in text
    assert f"{settings.RETENTION_FINISHED_AMBASSADOR_MONTHS} months after you leave" in text
    assert "possible spam: until a member of our team has checked them" in text
    assert "copy of everything we hold" in text and "delete" in text  # rights
    assert "dpo@example.org" in text and "Information Commissioner" in text  # contact and complaint
    assert "reCAPTCHA" in text
