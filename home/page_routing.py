"""Wagtail's page routing, remembered between anonymous requests.

Serving a page that the whole-response cache (home/page_cache.py) cannot answer starts with Wagtail finding
the site (one query) and walking the page tree one URL segment at a time (two queries per segment: the
child, then its specific row). Profiling put that at over half of an uncached event page's server time.

For anonymous visitors the outcome of that walk is kept under the page cache's content version, which every
save or delete of a page, revision, site or view restriction moves, so a publish, unpublish, move or slug
change is seen on the next request. Only the route is remembered: Wagtail's serve view still runs its
hooks (view restrictions, password and login pages) and the page's own serve, so a private page stays
private and forms stay per-visitor. Signed-in users and previews always route through the database, as
the fragment cache does. Pages that are not found are not remembered, so probing for URLs cannot fill
the cache.
"""

from django.conf import settings
from django.core.cache import cache
from django.http.request import split_domain_port
from wagtail import views as wagtail_views
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult

from home.fragment_cache import cached_under_content_version, may_share, versioned_key


def remembered_site(request):
    """The site for this host and port, read from the cache and stored where Wagtail looks for it."""
    hostname = split_domain_port(request._get_raw_host())[0]
    key = versioned_key(request, "route", "site", (hostname, request.get_port()))
    # In a tuple, so that "no site for this host" is kept too.
    (site,) = cached_under_content_version(
        key, lambda: (Site.find_for_request(request),), settings.FRAGMENT_CACHE_SECONDS
    )
    request._wagtail_site = site
    return site


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


def remember_route(request, path):
    site = remembered_site(request)
    if site is None:
        return
    key = versioned_key(request, "route", "page", (site.pk, path))
    entry = cache.get(key)
    if entry is not None:
        request._wagtail_route_for_request = rebuilt(entry)
        return
    route = Page.route_for_request(request, path)
    if route is not None and (entry := storable(route)) is not None:
        # Stored before the page is served, so no state from rendering travels with it.
        cache.set(key, entry, settings.FRAGMENT_CACHE_SECONDS)


class RememberedRoutingMiddleware:
    """Hands Wagtail's serve view a remembered route for anonymous visitors (see the module docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is wagtail_views.serve and may_share(request):
            remember_route(request, view_args[0] if view_args else view_kwargs.get("path", ""))
