from django import template
from wagtail.models import Site

from home.caching import shared
from home.models import SiteSettings

register = template.Library()


def menu_item(url, text, page):
    """Plain values rather than the page, so menus can be kept in the cache (home/caching.py)."""
    location = {"path": page.path, "depth": page.depth, "pk": page.pk} if page else None
    return {"url": url, "text": text, "page": location}


def menu_from_tree(site):
    """The home page's live, public children that editors set to show in menus, each in the reader's
    language where it has a live translation (the English page otherwise, so no section goes missing)."""
    children = site.root_page.get_children().live().public().in_menu().specific(defer=True)
    return [menu_item(page.url, page.title, page) for page in (child.localized for child in children)]


def menu_from_settings(links):
    return [menu_item(link.value.url(), link.value.text(), link.value.localized_page()) for link in links]


def primary_menu(request, site):
    def build():
        return menu_from_settings(SiteSettings.for_request(request).primary_navigation) or menu_from_tree(
            site
        )

    return shared(request, "primary-menu", [], build)


@register.inclusion_tag("navigation/primary.html", takes_context=True)
def primary_navigation(context):
    request = context["request"]
    site = Site.find_for_request(request)
    if site is None:
        return {"items": []}
    current = context.get("page")
    items = [
        {**item, "current": current_state(current, item["page"])} for item in primary_menu(request, site)
    ]
    return {"items": items}


def current_state(current, page):
    """'page' for the page itself, 'true' for one of its descendants, None otherwise (for aria-current)."""
    if current is None or page is None:
        return None
    if current.pk == page["pk"]:
        return "page"
    if current.path.startswith(page["path"]) and page["depth"] > 2:
        return "true"
    return None


def breadcrumb_ancestors(request, page):
    """The pages above this one that the breadcrumbs link to (from the home page down), or [] for the
    home page itself. The visible trail and its structured data (seo_tags) both use this, so they agree."""
    if page is None or page.depth <= 2:
        return []

    def build():
        ancestors = page.get_ancestors().filter(depth__gt=1).live().public()
        return [
            {"url": ancestor.get_url(request), "title": ancestor.title, "depth": ancestor.depth}
            for ancestor in ancestors
        ]

    # Keyed by the tree position: a preview's draft title is shown from the page itself, not from here.
    return shared(request, "breadcrumbs", [page.path], build)


@register.inclusion_tag("navigation/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    ancestors = breadcrumb_ancestors(context.get("request"), page)
    return {"ancestors": ancestors, "page": page} if ancestors else {"ancestors": []}


@register.simple_tag(takes_context=True)
def footer_links(context):
    request = context.get("request")
    if request is None:
        return []
    return menu_from_settings(SiteSettings.for_request(request).footer_navigation)
