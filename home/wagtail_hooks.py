from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, LiveStatusTagColumn
from wagtail.admin.widgets.button import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView, SnippetViewSet, SnippetViewSetGroup

from home import translation_views, two_factor, two_factor_enrolment
from home.models import Borough, Community, Myth, OfficerStory, TranslationReviewFlag
from home.translation import TranslationsOnlyPolicy, may_see_translation_status
from recruitment_site.core.admin_pages import forbidden


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


class TranslationsOnlyEditView(EditView):
    """Wagtail checks the model permission only; this asks about the item itself, so a Translator is
    refused (a real 403) the English source while editing its translations."""

    def dispatch(self, request, *args, **kwargs):
        if not self.user_has_permission_for_instance("change", self.object):
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)


def review_status(instance):
    if TranslationReviewFlag.objects.for_instance(instance).exists():
        return _("Needs native review")
    return ""


class TranslatableSnippetViewSet(SnippetViewSet):
    """A snippet with translations that Translators edit, and English originals they may not."""

    edit_view_class = TranslationsOnlyEditView

    @property
    def permission_policy(self):
        return TranslationsOnlyPolicy(self.model)


class MythViewSet(TranslatableSnippetViewSet):
    model = Myth
    icon = "help"
    menu_order = 100
    list_display = [
        "myth",
        "topic",
        "sort_order",
        LiveStatusTagColumn(),
        Column("review", label=_("Translation review"), accessor=review_status),
    ]
    list_filter = ["topic"]
    # Plain database search: matches part of a word in any of these fields on SQLite and PostgreSQL alike.
    search_backend_name = None
    search_fields = ["myth", "fact"]
    ordering = ["topic", "sort_order"]


class OfficerStoryViewSet(TranslatableSnippetViewSet):
    model = OfficerStory
    icon = "openquote"
    menu_order = 110
    list_display = [
        "name",
        "quote",
        LiveStatusTagColumn(),
        Column("review", label=_("Translation review"), accessor=review_status),
    ]
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


@hooks.register("register_admin_urls")
def register_translation_urls():
    return [
        path(
            "translation-status/",
            translation_views.TranslationStatusView.as_view(),
            name="translation_status",
        ),
        path(
            "translation-status/<int:translation_id>/submit/",
            translation_views.submit_translation,
            name="translation_submit",
        ),
        path(
            "translation-status/<int:translation_id>/reviewed/",
            translation_views.clear_review_flag,
            name="translation_review_clear",
        ),
    ]


class TranslationStatusMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see_translation_status(request.user)


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    return TranslationStatusMenuItem(
        _("Translation status"), reverse("translation_status"), name="translation-status", icon_name="globe"
    )


@hooks.register("register_log_actions")
def register_translation_log_actions(actions):
    actions.register_action(
        translation_views.REVIEWED_ACTION,
        _("Mark translation as reviewed"),
        _("Marked the translation as reviewed by a native speaker"),
    )
    actions.register_action(
        translation_views.SUBMITTED_ACTION,
        _("Submit translation for moderation"),
        _("Submitted the translation for moderation"),
    )


@hooks.register("construct_reports_menu")
def hide_translation_reports_from_other_staff(request, menu_items):
    """wagtail-localize offers its Translations report to everyone with admin access; the diversity
    team, who write no content, need neither it nor ours."""
    if not may_see_translation_status(request.user):
        menu_items[:] = [
            item for item in menu_items if item.name not in ("translations", "translation-status")
        ]


@hooks.register("insert_global_admin_css")
def translation_editor_css():
    return format_html('<link rel="stylesheet" href="{}">', static("home/translation-editor.css"))


@hooks.register("insert_editor_js")
def translation_editor_js():
    return format_html('<script src="{}" defer></script>', static("home/translation-editor.js"))
