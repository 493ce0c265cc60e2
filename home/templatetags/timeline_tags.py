"""Links to the site's "What happens next" recruitment timeline page, for pages and emails."""

from django import template
from wagtail.models import Site

from home.models import RecruitmentTimelinePage

register = template.Library()


@register.simple_tag(takes_context=True)
def recruitment_timeline_url(context):
    """The address of the timeline page of the request's site, or "" when it has none."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    page = RecruitmentTimelinePage.objects.for_site(site).first()
    return page.get_url(request) if page else ""


@register.simple_tag
def recruitment_timeline_full_url(site):
    """The full address (with the site's host) for an email, which has no request to be relative to."""
    page = RecruitmentTimelinePage.objects.for_site(site).first()
    return page.get_full_url() if page else ""
