import os
from pathlib import Path

import pytest
from django.core.cache import cache
from django.db import connections, transaction
from hypothesis import HealthCheck, settings

from recruitment_site.devtools.demo import load_demo_content
from recruitment_site.devtools.demo.translations import load_translations

# Hypothesis profiles. "ci" (the default, used by `make test`) tries a bounded number of examples and
# derives them from the test's name, so a run is repeatable and a failure seen once is seen again;
# "fuzz" (`make fuzz`) searches far longer with fresh random examples each time.
FUZZ_SETTINGS = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
}
settings.register_profile("ci", max_examples=30, derandomize=True, database=None, **FUZZ_SETTINGS)
settings.register_profile("fuzz", max_examples=2000, **FUZZ_SETTINGS)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

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


class SharedDemoContent:
    """The demo content, loaded once for a run of consecutive tests that use it.

    Loading it takes seconds (dozens of pages published through Wagtail, their revisions and search
    entries), and about 300 tests use it. It is loaded inside a transaction that stays open while
    consecutive `demo_site` tests run: each of those tests runs inside its own savepoint, as in Django's
    `TestCase.setUpTestData`, so every test starts from exactly the content `load_demo_content()` makes.
    Before any other test (one without the demo, or a transactional one that commits), the transaction is
    rolled back and the database is as the migrations left it.
    """

    def __init__(self, blocker):
        self.blocker = blocker
        self.atomics = None
        self.translation_atomics = None
        self.home_pk = None
        self.home_model = None

    def enter(self):
        if self.atomics is not None:
            return
        with self.blocker.unblock():
            self.atomics = [transaction.atomic(using=alias) for alias in connections]
            for atomic in self.atomics:
                atomic.__enter__()
            home = load_demo_content()
        self.home_pk, self.home_model = home.pk, type(home)

    def enter_translations(self):
        """The demo's Urdu and Bengali translations on top, in a savepoint of their own, kept for a run of
        consecutive tests that ask for them (``translated_demo_site``)."""
        self.enter()
        if self.translation_atomics is not None:
            return
        with self.blocker.unblock():
            self.translation_atomics = [transaction.atomic(using=alias) for alias in connections]
            for atomic in self.translation_atomics:
                atomic.__enter__()
            load_translations(TEST_TRANSLATION_LANGUAGES)

    def leave_translations(self):
        if self.translation_atomics is None:
            return
        with self.blocker.unblock():
            for alias, atomic in reversed(list(zip(connections, self.translation_atomics, strict=True))):
                transaction.set_rollback(True, using=alias)
                atomic.__exit__(None, None, None)
        self.translation_atomics = None

    def leave(self):
        self.leave_translations()
        if self.atomics is None:
            return
        with self.blocker.unblock():
            for alias, atomic in reversed(list(zip(connections, self.atomics, strict=True))):
                transaction.set_rollback(True, using=alias)
                atomic.__exit__(None, None, None)
        self.atomics = None

    def home_page(self):
        return self.home_model.objects.get(pk=self.home_pk)


TEST_TRANSLATION_LANGUAGES = ("ur", "bn")
SHARED_DEMO = pytest.StashKey[SharedDemoContent]()


def shares_the_demo_content(item):
    """A test that asks for `demo_site` and runs inside a transaction that is rolled back."""
    if "demo_site" not in item.fixturenames and "translated_demo_site" not in item.fixturenames:
        return False
    if {"transactional_db", "live_server", "django_db_reset_sequences"} & set(item.fixturenames):
        return False
    marker = item.get_closest_marker("django_db")
    return not (marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")))


@pytest.fixture(scope="session")
def shared_demo_content(request, django_db_setup, django_db_blocker):
    shared = SharedDemoContent(django_db_blocker)
    request.config.stash[SHARED_DEMO] = shared
    yield shared
    shared.leave()
    del request.config.stash[SHARED_DEMO]


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    shared = item.config.stash.get(SHARED_DEMO, None)
    if shared is not None and not shares_the_demo_content(item):
        shared.leave()
    elif shared is not None and "translated_demo_site" not in item.fixturenames:
        shared.leave_translations()


@pytest.hookimpl(wrapper=True)
def pytest_fixture_setup(fixturedef, request):
    # The shared transaction must be open before pytest-django opens the test's own one inside it.
    if fixturedef.argname == "_django_db_helper" and shares_the_demo_content(request.node):
        if "translated_demo_site" in request.node.fixturenames:
            request.getfixturevalue("shared_demo_content").enter_translations()
        else:
            request.getfixturevalue("shared_demo_content").enter()
    return (yield)


@pytest.fixture
def demo_site(request, db):
    """The demo content as `make run` loads it; returns the home page. A transactional test, whose
    writes are committed, loads its own copy."""
    if shares_the_demo_content(request.node):
        return request.getfixturevalue("shared_demo_content").home_page()
    return load_demo_content()


@pytest.fixture
def translated_demo_site(request, demo_site):
    """The demo content with its Urdu and Bengali translations, which end-to-end tests use (the shared
    demo is English only: see the test settings); returns the English home page. Shared by consecutive
    tests like the demo content; a transactional test loads its own."""
    if not shares_the_demo_content(request.node):
        load_translations(TEST_TRANSLATION_LANGUAGES)
    return demo_site
