"""The "become a community ambassador" call to action other pages (the home page) include."""

from django import template

from ambassadors_network.models import AmbassadorProgrammePage

register = template.Library()


@register.inclusion_tag("components/ambassador_call_to_action.html", takes_context=True)
def ambassador_call_to_action(context):
    """The programme page in the language of the page that includes this, else the first one."""
    pages = AmbassadorProgrammePage.objects.live().public().order_by("path")
    including_page = context.get("page")
    in_language = pages.filter(locale_id=including_page.locale_id) if including_page else pages
    return {"programme_page": in_language.first() or pages.first(), "request": context.get("request")}
