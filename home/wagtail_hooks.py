from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import LiveStatusTagColumn
from wagtail.admin.widgets.button import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from home import two_factor, two_factor_enrolment
from home.models import Borough, Community, Myth, OfficerStory


class BoroughViewSet(SnippetViewSet):
    model = Borough
    icon = "site"
    menu_order = 100
    list_display = ["name", "slug", "is_priority", "is_active"]
    list_filter = ["is_priority", "is_active"]
    search_backend_name = None  # the search backend's field-restricted query fails on SQLite
    search_fields = ["name"]
    ordering = ["sort_order", "name"]


class CommunityViewSet(SnippetViewSet):
    model = Community
    icon = "group"
    menu_order = 110
    list_display = ["name", "slug", "is_active"]
    list_filter = ["is_active"]
    search_backend_name = None
    search_fields = ["name"]
    ordering = ["sort_order", "name"]


class PlacesAndCommunitiesGroup(SnippetViewSetGroup):
    menu_label = _("Places and communities")
    menu_icon = "site"
    menu_order = 300
    items = (BoroughViewSet, CommunityViewSet)


register_snippet(PlacesAndCommunitiesGroup)


class MythViewSet(SnippetViewSet):
    model = Myth
    icon = "help"
    menu_order = 100
    list_display = ["myth", "topic", "sort_order", LiveStatusTagColumn()]
    list_filter = ["topic"]
    # Plain database search: matches part of a word in any of these fields on SQLite and PostgreSQL alike.
    search_backend_name = None
    search_fields = ["myth", "fact"]
    ordering = ["topic", "sort_order"]


class OfficerStoryViewSet(SnippetViewSet):
    model = OfficerStory
    icon = "openquote"
    menu_order = 110
    list_display = ["name", "quote", LiveStatusTagColumn()]
    list_filter = {"image": ["isnull"]}
    search_backend_name = None
    search_fields = ["name", "quote"]


class ContentLibraryGroup(SnippetViewSetGroup):
    """Reusable content editors place on pages through the block library."""

    menu_label = _("Content library")
    menu_icon = "snippet"
    menu_order = 290
    items = (MythViewSet, OfficerStoryViewSet)


register_snippet(ContentLibraryGroup)


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path("two-factor/", two_factor.enrolment_needed, name="two_factor_enrolment_needed"),
        path("two-factor/enrol/<str:token>/", two_factor.enrol, name="two_factor_enrol"),
        path("two-factor/verify/", two_factor.verify, name="two_factor_verify"),
        path(
            "two-factor/issue/<int:user_id>/",
            two_factor.issue_enrolment_link,
            name="two_factor_issue_enrolment_link",
        ),
    ]


@hooks.register("register_user_listing_buttons")
def enrolment_link_button(user, request_user):
    """Offered for staff who need two-step sign-in and have no authenticator yet."""
    if (
        two_factor.requires_two_factor(user)
        and not two_factor.user_has_device(user)
        and two_factor_enrolment.can_issue_link(request_user, user)
    ):
        url = reverse("two_factor_issue_enrolment_link", args=[user.pk])
        yield Button(_("Issue enrolment link"), url, icon_name="key", priority=50)


@hooks.register("register_log_actions")
def register_two_factor_log_actions(actions):
    actions.register_action(
        two_factor_enrolment.ENROLLED, _("Set up two-step sign-in"), _("Set up two-step sign-in")
    )
    actions.register_action(
        two_factor_enrolment.LINK_ISSUED,
        _("Issue two-step sign-in enrolment link"),
        _("Issued a two-step sign-in enrolment link"),
    )
    actions.register_action(
        two_factor_enrolment.LINK_REFUSED,
        _("Refuse two-step sign-in enrolment link"),
        _("Opened an enrolment link that does not work"),
    )
