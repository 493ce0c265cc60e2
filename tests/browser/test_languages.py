"""A reader switches language with the switcher (issue 18): the Urdu page reads right to left, mirrored,
in its own font, and the switch back leads to the same page in English."""

from pathlib import Path

import pytest
from wagtail.models import Page

from home.models import StandardPage
from tests.browser.axe import assert_no_axe_violations
from tests.home.translation_factories import retitle, translate

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SHOTS = Path("/tmp/shots-i18n")


@pytest.fixture
def translated_demo(live_demo_site):
    translate(Page.objects.get(depth=2).specific, "ur", "bn")
    retitle(translate(StandardPage.objects.get(slug="privacy-notice"), "ur")["ur"], "رازداری کا نوٹس")
    return live_demo_site


def fonts_requested(page):
    requested = []
    page.on("request", lambda request: requested.append(request.url) if ".woff2" in request.url else None)
    return requested


def test_english_reader_switches_to_urdu_and_back_on_a_phone(translated_demo, phone_page):
    SHOTS.mkdir(exist_ok=True)
    fonts = fonts_requested(phone_page)
    phone_page.goto(translated_demo + "/privacy-notice/")
    phone_page.evaluate("document.fonts.ready")
    assert fonts == []  # an English page downloads no web font, though it names every language
    phone_page.screenshot(path=SHOTS / "english-privacy-320.png", full_page=False)

    phone_page.get_by_role("link", name="اردو").click()

    phone_page.wait_for_url(translated_demo + "/ur/privacy-notice/")
    assert phone_page.locator("html").get_attribute("dir") == "rtl"
    assert phone_page.get_by_role("link", name="اردو").get_attribute("aria-current") == "page"
    home_crumb, this_crumb = (item.bounding_box() for item in phone_page.locator(".breadcrumbs__item").all())
    assert home_crumb["x"] > this_crumb["x"]  # the trail starts on the right
    separator = (
        "getComputedStyle(document.querySelector('.breadcrumbs__item + .breadcrumbs__item'), '::before')"
    )
    assert phone_page.evaluate(f"{separator}.transform") == "matrix(-1, 0, 0, 1, 0, 0)"  # and points left
    heading = phone_page.locator("h1").bounding_box()
    assert 320 - (heading["x"] + heading["width"]) < 40  # the heading hugs the right-hand edge
    assert phone_page.locator("h1").inner_text() == "رازداری کا نوٹس"
    assert phone_page.evaluate(
        "document.fonts.ready.then(() => document.fonts.check('20px \"Noto Nastaliq Urdu\"', 'اردو'))"
    )
    assert [url for url in fonts if "nastaliq" in url]
    assert not [url for url in fonts if "bengali" in url or "tamil" in url]
    assert phone_page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    phone_page.screenshot(path=SHOTS / "urdu-privacy-320.png", full_page=False)

    phone_page.get_by_role("link", name="English").click()

    phone_page.wait_for_url(translated_demo + "/privacy-notice/")
    assert phone_page.locator("html").get_attribute("dir") == "ltr"
    assert phone_page.locator("html").get_attribute("lang") == "en-GB"


def test_urdu_and_bengali_home_pages_have_no_axe_violations(translated_demo, browser_page):
    for path in ("/ur/", "/bn/"):
        browser_page.goto(translated_demo + path)
        assert browser_page.locator("h1").count() == 1
        assert_no_axe_violations(browser_page)
    browser_page.screenshot(path=SHOTS / "bengali-home-1280.png")
