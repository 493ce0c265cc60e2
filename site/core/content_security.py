"""One Content-Security-Policy middleware for the whole site: the public policy everywhere, and the admin's
own policy under ``/admin/``."""

from csp.middleware import CSPMiddleware
from csp.utils import default_config
from django.conf import settings

ADMIN_PREFIX = "/admin/"


class SiteCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with ``settings.ADMIN_CONTENT_SECURITY_POLICY`` for admin URLs.

    django-csp 4 has one policy per site (and per-view decorators, which Wagtail's views do not carry),
    so the admin's is chosen here by path. A policy a view set for itself (a preview's response, for
    instance) still wins. The admin's policy allows inline scripts (Wagtail's widgets write them and
    cannot be given a nonce), so no nonce is added to it: a nonce would make browsers ignore
    'unsafe-inline' and block those scripts.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and request.path_info.startswith(ADMIN_PREFIX):
            parts.config = default_config(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
            parts.nonce = None
        return parts
