import pytest
from wagtail.models import Page

from tests.browser.axe import assert_no_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


SEARCH_PATHS = ["/search/", "/search/?query=police", "/search/?query=" + "a" * 101]


def public_paths():
    pages = [page.url for page in Page.objects.live().public().filter(depth__gt=1)]
    return pages + SEARCH_PATHS + ["/no-such-page/"]


def test_every_public_page_has_no_axe_violations(live_demo_site, browser_page):
    paths = public_paths()
    assert len(paths) >= 4
    for path in paths:
        browser_page.goto(live_demo_site + path)
        assert browser_page.locator("h1").count() == 1, path
        assert_no_axe_violations(browser_page)


def test_every_public_page_has_no_axe_violations_on_a_320px_phone(live_demo_site, phone_page):
    for path in public_paths():
        phone_page.goto(live_demo_site + path)
        assert_no_axe_violations(phone_page)
        overflow = phone_page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} scrolls sideways at 320px"


def test_skip_link_is_first_tab_stop_and_moves_focus_to_main(live_demo_site, browser_page):
    browser_page.goto(live_demo_site + "/")

    browser_page.keyboard.press("Tab")
    focused = browser_page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to main content"
    assert browser_page.locator(".skip-link").bounding_box()["y"] >= 0

    browser_page.keyboard.press("Enter")
    assert browser_page.evaluate("document.activeElement.id") == "main-content"


def test_keyboard_focus_is_visible_on_every_link(live_demo_site, browser_page):
    browser_page.goto(live_demo_site + "/")
    links = browser_page.locator("a:visible").count()
    assert links >= 3

    for _ in range(links):
        browser_page.keyboard.press("Tab")
        style = browser_page.evaluate(
            "(() => { const s = getComputedStyle(document.activeElement);"
            " return [s.outlineStyle, s.boxShadow, s.backgroundColor]; })()"
        )
        outline, shadow, _background = style
        assert outline != "none" or shadow != "none", browser_page.evaluate(
            "document.activeElement.outerHTML"
        )


def test_links_are_at_least_24px_targets(live_demo_site, browser_page):
    browser_page.goto(live_demo_site + "/")
    for link in browser_page.locator("header a:visible, footer a:visible").all():
        box = link.bounding_box()
        assert box["height"] >= 24, link.inner_text()


def test_site_works_with_javascript_off(live_demo_site, chromium):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    response = page.goto(live_demo_site + "/")

    assert response.status == 200
    assert page.locator("h1").inner_text() == "Police the city you come from"
    context.close()


def test_pages_load_without_console_errors_or_csp_violations(live_demo_site, browser_page):
    errors = []
    browser_page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    for path in public_paths():
        if path in (SEARCH_PATHS[-1], "/no-such-page/"):
            continue  # their 400 and 404 statuses are reported in the console by design
        browser_page.goto(live_demo_site + path)
    assert errors == []


@pytest.mark.parametrize("template", ["400.html", "500.html", "503.html"])
def test_error_pages_have_no_axe_violations(live_demo_site, browser_page, template):
    # Error pages are rendered by the error handler, not reachable by URL, so the browser is handed the
    # rendered page at an address on the live server (for its styles).
    from django.template import loader

    html = loader.render_to_string(template, {"force_name": "Demo Police"})
    address = live_demo_site + "/error-page-under-test/"
    browser_page.route(address, lambda route: route.fulfill(body=html, content_type="text/html"))

    browser_page.goto(address)

    assert browser_page.locator("h1").count() == 1
    assert_no_axe_violations(browser_page)
