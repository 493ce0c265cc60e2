from django import template
from wagtail.models import Site

register = template.Library()


@register.inclusion_tag("navigation/primary.html", takes_context=True)
def primary_navigation(context):
    request = context["request"]
    site = Site.find_for_request(request)
    root = site.root_page.specific if site else None
    items = list(root.get_children().live().public().in_menu()) if root else []
    return {"root": root, "items": items, "current": context.get("page"), "request": request}


@register.simple_tag(takes_context=True)
def is_active(context, item):
    page = context.get("current")
    return bool(page and (page.pk == item.pk or page.path.startswith(item.path)))
