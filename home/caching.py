"""Caching for anonymous visitors, in three parts that share one rule: every key carries the content
version, which every save or delete of content moves, so a publish, unpublish or edit is seen at once.
The version lives in the cache itself, so every process that shares the cache (production's Redis: all
gunicorn workers, app servers and cron's management commands) sees each move; it is moved on the save
and again when the save's transaction commits (see ``invalidate_on_content_change``).

1. The whole-response page cache (``PageCacheMiddleware``).

A whole-response cache for anonymous visitors, in front of Wagtail's page serving.

Public pages are the same for every anonymous visitor, so the finished response (with its security
headers) is kept in the cache and served again without routing, templates or SQL. Safety rules:

- only GET requests without a session cookie are served from or stored in the cache, so staff and
  anyone with a session (a form in progress) always get a fresh page;
- a response that sets a cookie (a page with a form sets the CSRF cookie) or says it is private is never
  stored, so no one is handed another visitor's CSRF token;
- every save or delete of content (pages, revisions, snippets, settings, images, documents, redirects)
  moves a version number that is part of every key, so publishing, unpublishing or editing a snippet
  invalidates the whole cache at once. Registrations and other personal data live in other apps and do
  not touch it.

2. Shared fragments of pages (``shared``, ``kept_until_content_changes``, ``{% sharedfragment %}``).

Shared parts of public pages (menus, footer, breadcrumbs, a page's rendered body) kept in the cache
between requests, so a page the whole-response cache cannot serve (part 1) still skips most of
its SQL and template work.

The rules are the page cache's: every key carries its content version, so any save or delete of content
(pages, snippets, site settings, images) invalidates every fragment at once; and signed-in users and
previews never read or write fragments, so editors always see what is in the database. Fragments hold no
per-visitor data: no CSRF or one-time submission tokens, and a form's questions only while blank (unbound).
FRAGMENT_CACHE_SECONDS bounds how stale time-dependent content (upcoming events) can get, and 0 switches
fragments off. Fragment keys also carry the active language, so each language's pages get their own
menus, footer and breadcrumbs (the whole-response cache needs no such care: each language has its own
URL prefix, and its key is the URL).

3. Remembered routes (``RememberedRoutesMixin``).

Wagtail's page routing, remembered between anonymous requests.

Serving a page that the whole-response cache (part 1) cannot answer starts with Wagtail walking
the page tree from the site's root page one URL segment at a time (two queries per segment: the child,
then its specific row). Profiling put that at over half of an uncached event page's server time.

For anonymous visitors the outcome of that walk is kept under the page cache's content version, which every
save or delete of a page, revision, site or view restriction moves, so a publish, unpublish, move or slug
change is seen on the next request. Only the route is remembered: Wagtail's serve view still runs its
hooks (view restrictions, password and login pages) and the page's own serve, so a private page stays
private and forms stay per-visitor. Signed-in users and previews always route through the database, as
the fragment cache does. A route is remembered per language, as fragments are. Pages that are not found are not remembered, so probing for URLs cannot fill
the cache.
"""

import hashlib
import time

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import translation
from django.utils.cache import cc_delim_re
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.images.models import AbstractRendition
from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult

from recruitment_site.core.languages import CODES, DEFAULT_LANGUAGE_CODE

GENERATION_ENTRY = "page-cache:version"
CONTENT_APPS = {
    "home",
    "wagtailcore",
    "wagtailimages",
    "wagtaildocs",
    "wagtailredirects",
    "wagtailembeds",
    "taggit",
}
UNCACHED_PREFIXES = ("/healthz", "/admin/", "/documents/", "/search/", "/static/", "/media/")
MAX_QUERY_STRING = 200
LANGUAGE_PREFIXES = set(CODES) - {DEFAULT_LANGUAGE_CODE}


def fresh_version():
    """A starting version no earlier version can equal: the time in microseconds, which grows far faster
    than saves move it. A version lost from the cache (evicted, Redis restarted) then never brings back
    entries kept under an old number."""
    return time.time_ns() // 1000


def content_version():
    return cache.get_or_set(GENERATION_ENTRY, fresh_version, timeout=None)


def invalidate():
    try:
        cache.incr(GENERATION_ENTRY)
    except ValueError:  # no version yet, or the cache did not answer (recruitment_site/core/cache.py)
        cache.set(GENERATION_ENTRY, fresh_version(), timeout=None)


def is_content(model):
    # A rendition is made the first time a page shows an image size: derived from the image, not content,
    # and counting it would empty the cache on the request that fills it. Page types of the other apps
    # (the registration and ambassador pages) are content wherever they live.
    return (model._meta.app_label in CONTENT_APPS or issubclass(model, Page)) and not issubclass(
        model, AbstractRendition
    )


@receiver(post_save)
@receiver(post_delete)
def invalidate_on_content_change(sender, using=None, **kwargs):
    if is_content(sender):
        invalidate()
        # Again once the change is committed. Between the move above and the commit another worker can
        # read the old rows and keep the old page under the new version; publishing runs in a transaction.
        transaction.on_commit(invalidate, using=using)


def cache_key(request):
    address = f"{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(address.encode()).hexdigest()
    return f"page-cache:{content_version()}:{digest}"


def without_language_prefix(path):
    """/ur/search/ is the search as much as /search/ is (site/urls.py's i18n_patterns)."""
    first, _, rest = path.lstrip("/").partition("/")
    return f"/{rest}" if first in LANGUAGE_PREFIXES else path


def request_is_cacheable(request):
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method == "GET"
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not without_language_prefix(request.path).startswith(UNCACHED_PREFIXES)
        and len(request.META.get("QUERY_STRING", "")) <= MAX_QUERY_STRING
    )


def response_is_cacheable(response):
    cache_control = {part.strip().lower() for part in cc_delim_re.split(response.get("Cache-Control", ""))}
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not cache_control & {"private", "no-store", "no-cache"}
    )


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request_is_cacheable(request):
            return self.get_response(request)
        key = cache_key(request)
        cached = cache.get(key)
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            return cached
        response = self.get_response(request)
        if response_is_cacheable(response):
            if settings.CDN_CACHE_SECONDS > 0:
                response["Cache-Control"] = f"public, max-age=0, s-maxage={settings.CDN_CACHE_SECONDS}"
            cache.set(key, response, settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response


# Shared fragments


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
    """A cache key under this request's content version and language, with the varying parts hashed.

    The language is part of every key: a fragment drawn in Urdu (its menu, its footer, its words through
    gettext) must never be handed to an English page, nor a route found from /ur/ to /.
    """
    parts = (translation.get_language() or "", *parts)
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


# Remembered routes


def storable(route):
    """(page, view name or None, args, kwargs) for a route that can be rebuilt, else None.

    A routable page's route carries its sub-view as a method bound to the page; it is kept by name and
    bound again to the page read back from the cache.
    """
    page, args, kwargs = route
    if isinstance(page, RoutablePageMixin) and len(args) == 3 and callable(args[0]):
        view, view_args, view_kwargs = args
        if getattr(view, "__self__", None) is page:
            return page, view.__name__, view_args, view_kwargs
        return None
    if any(callable(arg) for arg in args):
        return None
    return page, None, args, kwargs


def rebuilt(entry):
    page, view_name, args, kwargs = entry
    if view_name is None:
        return RouteResult(page, args=args, kwargs=kwargs)
    return RouteResult(page, args=(getattr(page, view_name), args, kwargs))


class RememberedRoutesMixin:
    """For the site's root page, where Wagtail starts every walk down the tree (see the module docstring).

    Wagtail's documented extension point for routing is ``Page.route()``; this one answers an anonymous
    visitor's path from the cache and otherwise walks the tree as Wagtail does, remembering the result.
    """

    def route(self, request, path_components):
        if not may_share(request):
            return super().route(request, path_components)
        key = versioned_key(request, "route", "page", (self.pk, *path_components))
        entry = cache.get(key)
        if entry is not None:
            return rebuilt(entry)
        route = super().route(request, path_components)  # a page not found raises Http404: not kept
        if (entry := storable(route)) is not None:
            # Stored before the page is served, so no state from rendering travels with it.
            cache.set(key, entry, settings.FRAGMENT_CACHE_SECONDS)
        return route
