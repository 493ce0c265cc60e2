"""The "become a community ambassador" call to action other pages (the home page) include."""

from django import template
from wagtail.models import Locale

from ambassadors_network.models import AmbassadorProgrammePage

register = template.Library()


@register.inclusion_tag("components/ambassador_call_to_action.html", takes_context=True)
def ambassador_call_to_action(context):
    """The programme page in the reader's language (its translation, or the alias that stands for it),
    else the first live one."""
    pages = AmbassadorProgrammePage.objects.live().public()
    page = pages.filter(locale=Locale.get_active()).first() or pages.first()
    return {"programme_page": page, "request": context.get("request")}
