"""Links to the site's "What happens next" recruitment timeline page, for pages and emails.

The link is in the reader's language where the timeline page has a translation (an Urdu confirmation email
links to /ur/...), and is kept in the cache until content changes: every confirmation email and
confirmation page carries it, and finding it takes four queries.
"""

from django import template
from django.utils import translation
from wagtail.models import Site

from home.caching import kept_until_content_changes, shared
from home.models import RecruitmentTimelinePage

register = template.Library()


def timeline_page(site):
    """The site's first timeline page, in the active language when it has a live translation."""
    page = RecruitmentTimelinePage.objects.for_site(site).first()
    return page.localized if page else None


@register.simple_tag(takes_context=True)
def recruitment_timeline_url(context):
    """The address of the timeline page of the request's site, or "" when it has none."""
    request = context.get("request")

    def build():
        page = timeline_page(Site.find_for_request(request) if request else None)
        return page.get_url(request) if page else ""

    return shared(request, "recruitment-timeline-url", (), build)


@register.simple_tag
def recruitment_timeline_full_url(site):
    """The full address (with the site's host) for an email, which has no request to be relative to."""

    def build():
        page = timeline_page(site)
        return page.get_full_url() if page else ""

    language = translation.get_language() or ""
    return kept_until_content_changes(
        f"recruitment-timeline-full-url:{site.pk if site else ''}:{language}", build
    )
