from django import template
from wagtail.models import Site

from home.models import SiteSettings

register = template.Library()


def menu_from_tree(site):
    """The home page's live, public children that editors set to show in menus."""
    root = site.root_page
    return [
        {"url": page.url, "text": page.title, "page": page}
        for page in root.get_children().live().public().in_menu().specific(defer=True)
    ]


def menu_from_settings(links):
    return [
        {"url": link.value.url(), "text": link.value.text(), "page": link.value.get("page")} for link in links
    ]


@register.inclusion_tag("navigation/primary.html", takes_context=True)
def primary_navigation(context):
    request = context["request"]
    site = Site.find_for_request(request)
    if site is None:
        return {"items": []}
    site_settings = SiteSettings.for_request(request)
    items = menu_from_settings(site_settings.primary_navigation) or menu_from_tree(site)
    current = context.get("page")
    for item in items:
        item["current"] = current_state(current, item["page"])
    return {"items": items}


def current_state(current, page):
    """'page' for the page itself, 'true' for one of its descendants, None otherwise (for aria-current)."""
    if current is None or page is None:
        return None
    if current.pk == page.pk:
        return "page"
    if current.path.startswith(page.path) and page.depth > 2:
        return "true"
    return None


@register.inclusion_tag("navigation/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    if page is None or page.depth <= 2:
        return {"ancestors": []}
    ancestors = page.get_ancestors().filter(depth__gt=1).live().public()
    return {"ancestors": ancestors, "page": page}


@register.simple_tag(takes_context=True)
def footer_links(context):
    request = context.get("request")
    if request is None:
        return []
    return menu_from_settings(SiteSettings.for_request(request).footer_navigation)
