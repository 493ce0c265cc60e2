"""Wagtail's page routing, remembered between anonymous requests.

Serving a page that the whole-response cache (home/page_cache.py) cannot answer starts with Wagtail walking
the page tree from the site's root page one URL segment at a time (two queries per segment: the child,
then its specific row). Profiling put that at over half of an uncached event page's server time.

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
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.url_routing import RouteResult

from home.fragment_cache import may_share, versioned_key


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
