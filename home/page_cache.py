"""A whole-response cache for anonymous visitors, in front of Wagtail's page serving.

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
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.cache import cc_delim_re
from wagtail.images.models import AbstractRendition

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


def content_version():
    return cache.get_or_set(GENERATION_ENTRY, 1, timeout=None)


def invalidate():
    try:
        cache.incr(GENERATION_ENTRY)
    except ValueError:
        cache.set(GENERATION_ENTRY, 2, timeout=None)


@receiver(post_save)
@receiver(post_delete)
def invalidate_on_content_change(sender, **kwargs):
    # A rendition is made the first time a page shows an image size: derived from the image, not content,
    # and counting it would empty the cache on the request that fills it.
    if sender._meta.app_label in CONTENT_APPS and not issubclass(sender, AbstractRendition):
        invalidate()


def cache_key(request):
    address = f"{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(address.encode()).hexdigest()
    return f"page-cache:{content_version()}:{digest}"


def request_is_cacheable(request):
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method == "GET"
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path.startswith(UNCACHED_PREFIXES)
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
