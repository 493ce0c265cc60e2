"""Browser-test fixtures: pages in Debian's Chromium against pytest-django's live server."""

import pytest

from recruitment_site.devtools.demo import load_demo_content
from tests.factories import STAFF_PASSWORD

CSP_MESSAGES = ("Content Security Policy", "Refused to")


def watch_for_csp_violations(page):
    """A list that fills with every Content-Security-Policy refusal the page (or a frame in it, such as
    the admin's preview panel) reports in its console."""
    violations = []
    page.on("console", lambda message: violations.extend(watch_for_csp_violations_in(message)))
    return violations


def watch_for_csp_violations_in(message):
    return [message.text] if any(text in message.text for text in CSP_MESSAGES) else []


@pytest.fixture
def browser_page(chromium):
    """A desktop-sized page. Every test using it fails if the site's Content-Security-Policy (public or
    admin) refused anything the page tried to load or run."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    page = context.new_page()
    violations = watch_for_csp_violations(page)
    yield page
    context.close()
    assert violations == [], "Content-Security-Policy violations:\n" + "\n".join(violations)


@pytest.fixture
def phone_page(chromium):
    context = chromium.new_context(viewport={"width": 320, "height": 640}, locale="en-GB", is_mobile=True)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def new_page(chromium):
    """A page in a browser context of its own (another person, signed in separately). Every context is
    closed when the test ends, before the database is reset, so no page is still talking to the live
    server while its tables are emptied (an open one deadlocked PostgreSQL's TRUNCATE once)."""
    contexts = []

    violations = []

    def open_page(**options):
        context = chromium.new_context(**{"locale": "en-GB", **options})
        contexts.append(context)
        page = context.new_page()
        page.on("console", lambda message: violations.extend(watch_for_csp_violations_in(message)))
        return page

    yield open_page
    for context in contexts:
        context.close()
    assert violations == [], "Content-Security-Policy violations:\n" + "\n".join(violations)


@pytest.fixture
def live_demo_site(live_server, settings):
    """The live server with the demo content loaded; returns its base URL."""
    settings.ROOT_URLCONF = "tests.browser.urls"  # also serves the demo's images
    load_demo_content()
    return live_server.url


def sign_in_to_admin(page, base_url, user):
    """Sign in through the admin's own login form, as a member of staff does."""
    page.goto(base_url + "/admin/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", STAFF_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(base_url + "/admin/")
