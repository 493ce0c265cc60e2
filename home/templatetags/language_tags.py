"""The reader's language on every public page: {% page_language %} for <html lang dir> and og:locale,
{% language_switcher %} and {% alternate_links %} (home/languages.py)."""

from django import template
from wagtail.models import Page

from home import languages

register = template.Library()


def wagtail_page(context):
    """The Wagtail page being shown, if any: a saved page (a preview of a new one has no translations)."""
    page = context.get("page")
    return page if isinstance(page, Page) and page.pk else None


@register.simple_tag
def page_language():
    return languages.language_context()


@register.inclusion_tag("navigation/language_switcher.html", takes_context=True)
def language_switcher(context):
    request = context.get("request")
    if request is None:
        return {"links": []}
    return {"links": languages.switcher_links(request, wagtail_page(context))}


@register.inclusion_tag("includes/alternate_links.html", takes_context=True)
def alternate_links(context):
    request, page = context.get("request"), wagtail_page(context)
    if request is None or page is None:
        return {"links": []}
    return {"links": languages.alternate_links(request, page)}


@register.simple_tag(takes_context=True)
def home_url(context):
    """The home page in the reader's language, else the English one (the site header's link)."""
    request = context.get("request")
    if request is None:
        return "/"
    homes = languages.home_pages(request, wagtail_page(context))
    home = homes.get(languages.language_context()["code"]) or homes.get(languages.DEFAULT_LANGUAGE_CODE)
    return home["url"] if home else "/"
