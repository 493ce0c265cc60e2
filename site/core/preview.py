"""Previews that the admin's preview panel can show."""

from csp.constants import SELF


class PreviewFramingMiddleware:
    """Let the site itself frame a preview; every public page keeps ``frame-ancestors 'none'``.

    Wagtail renders a preview by passing a made-up request for the page's public URL through the whole
    middleware stack, so the public Content-Security-Policy and ``X-Frame-Options: DENY`` would apply and
    the preview panel's frame would stay blank. Listed after django-csp's and Django's clickjacking
    middleware, so it sees the response before they write their headers.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "is_preview", False):
            replace = getattr(response, "_csp_replace", None) or {}
            response._csp_replace = {**replace, "frame-ancestors": [SELF]}
            response["X-Frame-Options"] = "SAMEORIGIN"
        return response
