"""Admin screens of our own, built on Wagtail's generic views."""

from django.core.exceptions import PermissionDenied
from django.views.defaults import permission_denied
from wagtail.permission_policies import ModelPermissionPolicy


def forbidden(request):
    """A real 403: Wagtail would otherwise turn PermissionDenied into a redirect to the dashboard."""
    return permission_denied(request, PermissionDenied())


class TitledHeaderMixin:
    """A header that names the screen: Wagtail's slim header shows the breadcrumbs, whose last item is the
    heading, and a view with no breadcrumbs of its own would be headed "Home"."""

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.get_page_title()}]


class WithoutGenericDeletePolicy(ModelPermissionPolicy):
    """The model's own permissions, except that Wagtail's generic "delete" (its view, the Delete button
    and the Delete bulk action) is refused to everyone, superusers included. For records about a person:
    a plain delete would leave their emails, receipts and audit mentions behind, so they leave only
    through routes that remove those too."""

    def user_has_permission(self, user, action):
        return action != "delete" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([action for action in actions if action != "delete"])
