import pytest

from home.choices import AttendanceMode, EventStatus
from home.models import EventPage
from tests.browser.axe import assert_no_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def event_paths():
    """The listing, its archive, a filtered and a refused listing, and one event of each kind."""
    events = EventPage.objects.published()
    samples = [
        events.filter(status=EventStatus.CANCELLED).first(),
        events.filter(status=EventStatus.POSTPONED).first(),
        events.filter(status=EventStatus.FULL).first(),
        events.filter(attendance_mode=AttendanceMode.ONLINE).first(),
        events.filter(attendance_mode=AttendanceMode.HYBRID).first(),
        events.past().first(),
    ]
    assert all(samples)
    return ["/events/", "/events/past/", "/events/?mode=online", "/events/?type=bogus"] + [
        event.url for event in samples
    ]


def test_event_pages_have_one_h1_and_no_axe_violations(live_demo_site, browser_page):
    for path in event_paths():
        browser_page.goto(live_demo_site + path)
        assert browser_page.locator("h1").count() == 1, path
        assert_no_axe_violations(browser_page)


def test_event_pages_have_no_axe_violations_on_a_320px_phone(live_demo_site, phone_page):
    for path in event_paths():
        phone_page.goto(live_demo_site + path)
        assert_no_axe_violations(phone_page)
        overflow = phone_page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} scrolls sideways at 320px"


def test_event_pages_load_without_console_errors_or_csp_violations(live_demo_site, browser_page):
    errors = []
    browser_page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    for path in event_paths():
        if "bogus" in path:
            continue  # its 400 status is reported in the console by design
        browser_page.goto(live_demo_site + path)
    assert errors == []


def test_structured_data_is_readable_in_the_browser(live_demo_site, browser_page):
    event = EventPage.objects.published().upcoming().first()

    browser_page.goto(live_demo_site + event.url)
    blocks = browser_page.evaluate(
        "[...document.querySelectorAll('script[type=\"application/ld+json\"]')]"
        ".map((script) => JSON.parse(script.textContent))"
    )

    [data] = [block for block in blocks if block["@type"] == "Event"]
    assert data["name"] == event.title
    assert "BreadcrumbList" in [block["@type"] for block in blocks]


def test_filter_form_works_with_javascript_off_and_gives_a_shareable_address(live_demo_site, chromium):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_demo_site + "/events/")

    page.get_by_label("How you attend").select_option("online")
    page.get_by_role("button", name="Show events").click()
    page.wait_for_url("**/events/?*mode=online*")

    titles = page.locator(".event-card__title").all_inner_texts()
    assert titles
    assert all(
        EventPage.objects.get(title=title).attendance_mode == AttendanceMode.ONLINE for title in titles
    )
    context.close()


def test_keyboard_reaches_every_filter_control_with_visible_focus(live_demo_site, browser_page):
    browser_page.goto(live_demo_site + "/events/")
    browser_page.locator("#id_type").focus()
    reached = []
    for _ in range(6):
        reached.append(
            browser_page.evaluate("document.activeElement.name || document.activeElement.textContent.trim()")
        )
        style = browser_page.evaluate(
            "(() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.boxShadow]; })()"
        )
        assert style[0] != "none" or style[1] != "none", reached[-1]
        browser_page.keyboard.press("Tab")

    assert reached == ["type", "borough", "community", "mode", "month", "Show events"]
