import os
from pathlib import Path

import pytest
from django.core.cache import cache

from home.demo_content import load_demo_content

# Browser tests drive Debian's Chromium (Playwright's own browser download does not work here). When it is
# missing they are skipped with a one-line reason.
CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(config, items):
    if CHROMIUM.exists():
        return
    skip = pytest.mark.skip(reason=f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


def browser_tests_selected(session):
    return CHROMIUM.exists() and any("browser" in item.keywords for item in session.items)


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in the test thread; the ORM calls the fixtures make there
    # are ordinary blocking calls, so Django's async-safety guard would be a false alarm.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield browser
        browser.close()
    del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture(scope="session")
def browser_before_database(request):
    """Start the browser before the test database when browser tests will run.

    Django's connections are context-local, and Playwright's event loop gives the test thread a new
    context. The test database's serialized contents (which browser tests restore between tests) live on
    the connection object, so that object must be created inside the browser's context.
    """
    if browser_tests_selected(request.session):
        request.getfixturevalue("chromium")


@pytest.fixture(scope="session")
def django_db_setup(browser_before_database, django_db_setup):
    yield


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache (pages, rate limits), as a fresh server would."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def demo_site(db):
    """The demo content as `make run` loads it; returns the home page."""
    return load_demo_content()
