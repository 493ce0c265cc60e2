"""Search-engine and link-preview metadata for the <head>: the sharing image and the structured data
every page carries (home/seo.py builds both)."""

from django import template
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from home import seo
from home.caching import force_name
from home.templatetags.navigation_tags import breadcrumb_ancestors

register = template.Library()


@register.simple_tag(takes_context=True)
def sharing_image(context):
    """The SharingImage (absolute url, alt, width, height) a link to this page shows."""
    request = context["request"]
    return seo.sharing_image(context.get("page"), request, force_name(request))


@register.simple_tag(takes_context=True)
def site_url(context, path):
    """An address on this site as search engines and link previews need it: absolute."""
    return seo.absolute(path, context["request"])


def breadcrumb_trail(request, page):
    ancestors = breadcrumb_ancestors(request, page)
    if not ancestors:
        return []
    trail = [(_("Home") if item["depth"] == 2 else item["title"], item["url"]) for item in ancestors]
    return [*trail, (page.title, page.get_url(request))]


@register.simple_tag(takes_context=True)
def page_structured_data(context):
    """JSON-LD for every page: the force and the site's search on the home page, the breadcrumb trail
    on every page below it. Page types add their own (events, myths) in their templates."""
    request = context.get("request")
    page = context.get("page")
    if request is None or page is None or seo.site_root(request) == "":
        return ""
    if page.depth == 2:
        name = force_name(request)
        blocks = [seo.organization(request, name), seo.website(request, name, get_language())]
    elif trail := breadcrumb_trail(request, page):
        blocks = [seo.breadcrumb_list(trail, request)]
    else:
        return ""
    # json_ld escapes <, > and &, so no text can close the <script> element.
    scripts = ((mark_safe(seo.json_ld(block)),) for block in blocks)  # noqa: S308
    return format_html_join("\n", '<script type="application/ld+json">{}</script>', scripts)
