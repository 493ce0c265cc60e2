"""The "become a community ambassador" call to action other pages (the home page) include."""

from django import template

from ambassadors_network.models import AmbassadorProgrammePage

register = template.Library()


@register.inclusion_tag("components/ambassador_call_to_action.html", takes_context=True)
def ambassador_call_to_action(context):
    page = AmbassadorProgrammePage.objects.live().public().first()
    return {"programme_page": page, "request": context.get("request")}
