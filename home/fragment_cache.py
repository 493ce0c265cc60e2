"""Shared parts of public pages (menus, footer, breadcrumbs, a page's rendered body) kept in the cache
between requests, so a page the whole-response cache cannot serve (home/page_cache.py) still skips most of
its SQL and template work.

The rules are the page cache's: every key carries its content version, so any save or delete of content
(pages, snippets, site settings, images) invalidates every fragment at once; and signed-in users and
previews never read or write fragments, so editors always see what is in the database. Fragments hold no
per-visitor data: no CSRF or one-time submission tokens, and a form's questions only while blank (unbound).
FRAGMENT_CACHE_SECONDS bounds how stale time-dependent content (upcoming events) can get, and 0 switches
fragments off.
"""

import hashlib

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from wagtail.models import Site

from home.page_cache import content_version


def may_share(request):
    if request is None or settings.FRAGMENT_CACHE_SECONDS <= 0 or getattr(request, "is_preview", False):
        return False
    user = getattr(request, "user", None)
    return user is None or not user.is_authenticated


def request_content_version(request):
    """Read once per request: with Redis each read is a round trip."""
    if not hasattr(request, "_fragment_content_version"):
        request._fragment_content_version = content_version()
    return request._fragment_content_version


def versioned_key(request, kind, name, parts):
    """A cache key under this request's content version, with the varying parts hashed."""
    digest = hashlib.sha256("\x1f".join(str(part) for part in parts).encode()).hexdigest()
    return f"{kind}:{request_content_version(request)}:{name}:{digest}"


def fragment_key(request, name, vary_on):
    site = Site.find_for_request(request)
    return versioned_key(request, "fragment", name, (site.pk if site else "", *vary_on))


def cached_under_content_version(key, build, timeout):
    """build()'s result, kept under ``key`` until the timeout or the next content change."""
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, timeout)
    return value


def kept_until_content_changes(name, build):
    """build()'s result for answers that are the same whoever asks (which pages are private), shared by
    every request until the next content change; FRAGMENT_CACHE_SECONDS=0 asks the database every time."""
    if settings.FRAGMENT_CACHE_SECONDS <= 0:
        return build()
    return cached_under_content_version(
        f"content:{content_version()}:{name}", build, settings.FRAGMENT_CACHE_SECONDS
    )


def shared(request, name, vary_on, build):
    """build()'s result, from the cache when this request may share it."""
    if not may_share(request):
        return build()
    return cached_under_content_version(
        fragment_key(request, name, vary_on), build, settings.FRAGMENT_CACHE_SECONDS
    )


def force_name(request):
    """The force name from the site's settings, which every page shows in its title, header and footer."""
    # The model by name: the page models import this module.
    site_settings = apps.get_model("home", "SiteSettings")
    return shared(request, "site-name", [], lambda: site_settings.for_request(request).force_name)
