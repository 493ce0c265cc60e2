"""{% next_steps %}: the end of a page, where the visitor can go next (home/next_steps.py), and
{% next_step_url "support" as url %} for pages that place one step themselves (the home page)."""

from django import template

from home.next_steps import step_urls, steps_for

register = template.Library()


@register.inclusion_tag("components/next_steps.html", takes_context=True)
def next_steps(context):
    request = context.get("request")
    page = context.get("page")
    return {"steps": steps_for(page, request) if page is not None else [], "request": request}


@register.simple_tag(takes_context=True)
def next_step_url(context, key):
    """The address of one step's page, or "" when that page is not live."""
    return step_urls(context.get("request")).get(key, "")
