"""The shared Redis cache, failing open: while Redis cannot be reached the site serves, uncached.

Everything kept in the cache can be rebuilt from the database (pages, fragments, routes, Wagtail's own
site paths and image renditions) or is a safeguard that may lapse for a while (the public forms' rate
limit). So a Redis outage must not turn every page into a server error: each call that cannot reach
Redis answers as a cache miss (reads give the caller's default, writes store nothing, ``add`` reports the
key as present, ``incr`` as missing) and logs a warning at most every LOG_EVERY_SECONDS per process,
naming the operation but never the key (rate-limit keys hold visitors' addresses).

``/healthz`` still reports the cache as unavailable: it checks that a value it wrote comes back.
Socket timeouts in the cache's OPTIONS (settings/base.py) bound how long each call can wait.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

LOG_EVERY_SECONDS = 10
_last_logged = -LOG_EVERY_SECONDS


def log_unreachable(operation, error):
    global _last_logged
    now = time.monotonic()
    if now - _last_logged >= LOG_EVERY_SECONDS:
        _last_logged = now
        logger.warning(
            "The cache (Redis) did not answer %s (%s): serving without it", operation, type(error).__name__
        )


class FailOpenRedisCache(RedisCache):
    def get(self, key, default=None, version=None):
        try:
            return super().get(key, default, version)
        except RedisError as error:
            log_unreachable("get", error)
            return default

    def get_many(self, keys, version=None):
        try:
            return super().get_many(keys, version)
        except RedisError as error:
            log_unreachable("get_many", error)
            return {}

    def has_key(self, key, version=None):
        try:
            return super().has_key(key, version)
        except RedisError as error:
            log_unreachable("has_key", error)
            return False

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().add(key, value, timeout, version)
        except RedisError as error:
            log_unreachable("add", error)
            return False

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            super().set(key, value, timeout, version)
        except RedisError as error:
            log_unreachable("set", error)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().set_many(data, timeout, version)
        except RedisError as error:
            log_unreachable("set_many", error)
            return list(data)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().touch(key, timeout, version)
        except RedisError as error:
            log_unreachable("touch", error)
            return False

    def incr(self, key, delta=1, version=None):
        try:
            return super().incr(key, delta, version)
        except RedisError as error:
            log_unreachable("incr", error)
            # What Django's caches raise for a missing key: callers already handle it.
            raise ValueError("The cache did not answer.") from error

    def delete(self, key, version=None):
        try:
            return super().delete(key, version)
        except RedisError as error:
            log_unreachable("delete", error)
            return False

    def delete_many(self, keys, version=None):
        try:
            super().delete_many(keys, version)
        except RedisError as error:
            log_unreachable("delete_many", error)
