import re

import pytest

from home.blocks import CONTENT_BLOCKS
from home.models import CampaignIndexPage
from tests.browser.axe import assert_no_axe_violations
from tests.home.content_factories import add_campaign

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

CONTENT_PATHS = ["/campaigns/", "/campaigns/community-ambassador-programme/", "/myths-and-facts/"]
VIDEO = {
    "title": "A day on response",
    "url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
    "poster": None,
    "transcript": "<p>I start my shift with a briefing.</p>",
}
THIRD_PARTY = ("youtube", "vimeo")
# Chromium puts a space before the visually hidden part of the name, as screen readers pause there anyway.
PLAY = re.compile(r"^Play video\s*: A day on response$")


@pytest.fixture
def every_block_page(live_demo_site):
    """A campaign whose body holds one of every library block, at its preview value."""
    body = [(name, block.get_preview_value()) for name, block in CONTENT_BLOCKS if name != "video"]
    body.append(("video", VIDEO))
    add_campaign(CampaignIndexPage.objects.get(), slug="every-block", title="Every block", body=body)
    return live_demo_site + "/campaigns/every-block/"


@pytest.mark.parametrize("path", CONTENT_PATHS)
def test_content_pages_have_one_h1_and_no_axe_violations(live_demo_site, browser_page, path):
    browser_page.goto(live_demo_site + path)

    assert browser_page.locator("h1").count() == 1
    assert_no_axe_violations(browser_page)


def test_page_with_every_library_block_has_no_axe_violations(every_block_page, browser_page, phone_page):
    for page in (browser_page, phone_page):
        page.goto(every_block_page)
        assert page.locator(".call-to-action, .officer-story, .faq, .video, .myths, .statistic").count() >= 6
        assert_no_axe_violations(page)
    overflow = phone_page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0


def test_a_myth_opens_from_the_keyboard(live_demo_site, browser_page):
    browser_page.goto(live_demo_site + "/myths-and-facts/")
    first = browser_page.locator("details.myth").first
    assert first.get_attribute("open") is None

    first.locator("summary").focus()
    browser_page.keyboard.press("Enter")

    assert first.get_attribute("open") is not None
    assert first.locator(".disclosure__body").is_visible()


def test_video_requests_nothing_from_the_video_site_until_play(every_block_page, browser_page):
    requests = []
    browser_page.on("request", lambda request: requests.append(request.url))
    # Never reach the network: the player address answers with a stand-in page.
    browser_page.route(
        "https://www.youtube-nocookie.com/**",
        lambda route: route.fulfill(status=200, content_type="text/html", body="<p>player</p>"),
    )
    browser_page.goto(every_block_page)
    browser_page.wait_for_load_state("networkidle")
    assert not [url for url in requests if any(host in url for host in THIRD_PARTY)]

    browser_page.get_by_role("link", name=PLAY).click()

    player = browser_page.locator(".video iframe")
    assert (
        player.get_attribute("src") == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&rel=0"
    )
    assert player.get_attribute("title") == "A day on response"
    browser_page.wait_for_load_state("networkidle")
    assert [url for url in requests if "youtube" in url] == [player.get_attribute("src")]


def test_video_play_link_goes_to_the_video_page_without_javascript(every_block_page, chromium):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(every_block_page)

    link = page.get_by_role("link", name=PLAY)

    assert link.get_attribute("href") == "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    assert page.locator("iframe").count() == 0
    context.close()
