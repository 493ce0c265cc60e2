"""Test settings: fast hashing, in-memory cache and email, tasks run immediately."""

from .base import *  # noqa: F403
from .base import INSTALLED_APPS

# Demo content, synthetic records and the benchmark (site/devtools/): never installed in production.
INSTALLED_APPS = [*INSTALLED_APPS, "recruitment_site.devtools"]

DEBUG = False
SECRET_KEY = "test-only-not-secret-4b7e2d9c1a0f"  # noqa: S105 - tests only
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
SILENCED_SYSTEM_CHECKS = ["django_recaptcha.recaptcha_test_key_error"]
WAGTAILADMIN_BASE_URL = "http://testserver"
# Serve static files from the app folders, as in development: tests never run collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# A file-backed SQLite test database: the browser tests' live server thread then uses its own connection,
# as it does on PostgreSQL, instead of sharing the test thread's in-memory one.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test-db.sqlite3")}  # noqa: F405

# Django's test client signs in without a request, which django-axes refuses; the throttling tests switch
# axes back on with the production backends.
AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]
AXES_ENABLED = False
# Two-step sign-in is switched back on by the tests that cover it.
STAFF_TWO_FACTOR_REQUIRED = False
# The shared demo content is English only: seven languages' translations and aliases would multiply the
# pages every whole-site guard test walks. Tests of translations load the ones they need
# (tests/conftest.py, the ``translated_demo_site`` fixture).
DEMO_TRANSLATION_LANGUAGES = ()
