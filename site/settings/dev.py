"""Local development: debug on, console email, demo accounts without a second factor."""

from .base import *  # noqa: F403
from .base import INSTALLED_APPS, STORAGES

# Demo content, synthetic records and the benchmark (site/devtools/): never installed in production.
INSTALLED_APPS = [*INSTALLED_APPS, "recruitment_site.devtools"]

DEBUG = True
SECRET_KEY = "dev-only-not-secret-6c1f0e2b9a7d4c3e8f5a1b0d"  # noqa: S105 - development only
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}

# Demo accounts for each role, printed by `make run` and listed in the README. They have no second
# factor: that safeguard is enforced by production settings only.
DEMO_ACCOUNTS_ENABLED = True
STAFF_TWO_FACTOR_REQUIRED = False
DEMO_ACCOUNTS_PASSWORD = "recruit-demo-2026"  # noqa: S105 - development only
# `make run` points the demo Site at the port it serves on (PORT=8001 make run).
DEV_SITE_FOLLOWS_SERVER = True

# Without reCAPTCHA keys the spam check is off in development; django-recaptcha's check would
# otherwise refuse its public test keys.
SILENCED_SYSTEM_CHECKS = ["django_recaptcha.recaptcha_test_key_error"]
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
