"""Settings for the real gunicorn workers and `manage.py` commands started by test_shared_cache.py: the
test settings and test database, with the production cache setup (Redis, failing open) under a key prefix
that belongs to one test run, and a header naming the worker process that answered."""

import os

from recruitment_site.settings.base import cache_settings
from recruitment_site.settings.test import *  # noqa: F403
from recruitment_site.settings.test import DATABASES, MIDDLEWARE

DATABASES["default"]["NAME"] = os.environ["WORKER_TEST_DATABASE"]
CACHES = cache_settings(os.environ["SHARED_CACHE_REDIS_URL"])
CACHES["default"]["KEY_PREFIX"] = os.environ["SHARED_CACHE_KEY_PREFIX"]
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1"]
# Outside the page cache, so a cached answer names the worker that served it too.
MIDDLEWARE = ["tests.reliability.shared_cache_settings.AnsweringWorkerMiddleware", *MIDDLEWARE]


class AnsweringWorkerMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response["X-Worker"] = str(os.getpid())
        return response
