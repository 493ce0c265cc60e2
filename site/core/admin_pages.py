"""Admin screens of our own, built on Wagtail's generic views."""

from django.core.exceptions import PermissionDenied
from django.views.defaults import permission_denied


def forbidden(request):
    """A real 403: Wagtail would otherwise turn PermissionDenied into a redirect to the dashboard."""
    return permission_denied(request, PermissionDenied())


class TitledHeaderMixin:
    """A header that names the screen: Wagtail's slim header shows the breadcrumbs, whose last item is the
    heading, and a view with no breadcrumbs of its own would be headed "Home"."""

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.get_page_title()}]
