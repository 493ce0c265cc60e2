from django import template

from positive_action.data_protection.models import HANDLE_REQUESTS_PERMISSION
from positive_action.data_protection.people import kind_of

register = template.Library()


@register.inclusion_tag("data_protection/admin/includes/record_links.html", takes_context=True)
def data_protection_links(context, record):
    """Subject access and erasure links for a record view; nothing at all for anyone but a lead."""
    request = context.get("request")
    allowed = bool(request and request.user.has_perm(HANDLE_REQUESTS_PERMISSION))
    return {"record": record, "kind": kind_of(record) if allowed else None, "allowed": allowed}
