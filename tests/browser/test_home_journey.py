"""Issue 19's journeys through the rendered pages: a phone visitor finds the offer of support in the first
screen of the home page and reaches the form; every campaign, the myths page and an event lead on."""

import pytest

from home.models import CampaignPage, EventPage
from tests.browser.axe import assert_no_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PHONE_SCREEN_HEIGHT = 640  # the phone_page fixture's viewport


def test_support_button_is_in_a_phones_first_screen_and_leads_to_the_form(live_demo_site, phone_page):
    phone_page.goto(live_demo_site + "/")
    assert phone_page.locator("h1").count() == 1
    assert_no_axe_violations(phone_page)

    button = phone_page.get_by_role("link", name="Get free support to apply", exact=True)
    box = button.bounding_box()
    phone_page.screenshot(path="/tmp/shots-homepage/journey-home-320.png")
    assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE_SCREEN_HEIGHT, box

    button.click()

    phone_page.wait_for_url(live_demo_site + "/register-for-support/")
    assert phone_page.locator("h1").inner_text() == "Register for support"
    what_next = phone_page.get_by_role("heading", name="What happens next").bounding_box()
    submit = phone_page.get_by_role("button", name="Register for support").bounding_box()
    assert what_next["y"] < submit["y"]
    privacy = phone_page.get_by_role("link", name="Read the full privacy notice (opens in a new tab)")
    assert phone_page.request.get(live_demo_site + privacy.get_attribute("href")).status == 200


def test_campaigns_myths_and_an_event_each_end_with_a_step_that_leads_to_a_page(live_demo_site, browser_page):
    paths = [page.url for page in CampaignPage.objects.live()]
    paths += ["/myths-and-facts/", EventPage.objects.live().first().url]
    assert len(paths) == 5

    for path in paths:
        browser_page.goto(live_demo_site + path)
        steps = browser_page.get_by_role("region", name="What you can do next").get_by_role("link")
        hrefs = [link.get_attribute("href") for link in steps.all()]
        assert hrefs, f"{path} ends without a next step"
        for href in hrefs[1:]:
            assert browser_page.request.get(live_demo_site + href).status == 200, (path, href)

        with browser_page.expect_navigation() as navigation:
            steps.first.click()

        assert navigation.value.status == 200, (path, hrefs[0])
        assert browser_page.url == live_demo_site + hrefs[0]
        assert browser_page.locator("h1").count() == 1, hrefs[0]
