from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.health import HEALTH_CHECKS_HOOK
from home.next_steps import NEXT_STEPS_HOOK
from positive_action.next_steps import support_next_step
from recruitment_site.core.admin_pages import WithoutGenericDeletePolicy

from .audit import register_audit_actions
from .bulk_actions import AssignOwnerBulkAction, ChangeStageBulkAction, DeleteSpamBulkAction
from .dashboard import VIEW_PERMISSION, SupportQueuePanel
from .filters import SupportRequestFilterSet
from .health import worker_and_outbox_checks
from .models import CaseworkEmailTemplate, SupportRequest
from .views import queue, record, reports, site_history
from .views.audited import (
    EDIT_VIEWED,
    HISTORY_VIEWED,
    USAGE_VIEWED,
    AuditedChooserMixin,
    AuditedRecordMixin,
    audited,
)


def queue_permission_required(view_class):
    """The chooser view, refused to anyone who may not view the queue."""
    return type(view_class.__name__, (PermissionCheckedMixin, view_class), {"permission_required": "view"})


class SupportRequestChooserViewSet(SnippetChooserViewSet):
    """Wagtail opens every snippet chooser to all staff; this one lists members of the public, so it
    asks for the same permission as the queue."""

    permission_policy = ModelPermissionPolicy(SupportRequest)
    choose_view_class = audited(
        queue_permission_required(SnippetChooserViewSet.choose_view_class), AuditedChooserMixin
    )
    choose_results_view_class = audited(
        queue_permission_required(SnippetChooserViewSet.choose_results_view_class), AuditedChooserMixin
    )
    chosen_view_class = queue_permission_required(SnippetChooserViewSet.chosen_view_class)
    chosen_multiple_view_class = queue_permission_required(SnippetChooserViewSet.chosen_multiple_view_class)
    create_view_class = queue_permission_required(SnippetChooserViewSet.create_view_class)

    def get_urlpatterns(self):
        # A real 403, as on the queue's own URLs, rather than Wagtail's redirect to the dashboard.
        patterns = super().get_urlpatterns()
        for pattern in patterns:
            pattern.callback = queue.queue_access_required(pattern.callback)
        return patterns


class SupportQueueViewSet(SnippetViewSet):
    """The diversity team's queue at /admin/support-queue/. Stage and owner change only through the
    record view's actions (positive_action/workflow.py); the edit form corrects contact details."""

    model = SupportRequest
    chooser_viewset_class = SupportRequestChooserViewSet
    # No generic Delete: a held submission is deleted as spam, a person's record erased by a lead.
    permission_policy = WithoutGenericDeletePolicy(SupportRequest)
    base_url_path = "support-queue"
    admin_url_namespace = "support_queue"
    menu_label = _("Support queue")
    menu_name = "support-queue"
    icon = "group"
    menu_order = 150
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = queue.QueueIndexView
    index_template_name = "positive_action/admin/queue_index.html"
    inspect_view_class = record.RecordView
    # Every other page that shows one person's record writes an audit entry too (views/audited.py).
    edit_view_class = audited(SnippetViewSet.edit_view_class, AuditedRecordMixin, audit_action=EDIT_VIEWED)
    history_view_class = audited(
        SnippetViewSet.history_view_class, AuditedRecordMixin, audit_action=HISTORY_VIEWED
    )
    usage_view_class = audited(SnippetViewSet.usage_view_class, AuditedRecordMixin, audit_action=USAGE_VIEWED)
    # The summary at the top of the record shows the owner, and the referring ambassador by name.
    inspect_view_fields_exclude = ["id", "other_references", "spam_score", "referral_code"]
    filterset_class = SupportRequestFilterSet
    search_fields = ["reference", "other_references", "name", "email", "phone"]
    search_backend_name = None
    ordering = ["-created", "-pk"]
    list_per_page = 50
    list_export = [
        "reference",
        "name",
        "email",
        "phone",
        "get_preferred_contact_display",
        "get_callback_time_display",
        "get_contact_language_display",
        "get_interpreter_display",
        "get_language_display",
        "get_borough_display",
        "get_role_of_interest_display",
        "get_application_progress_display",
        "get_support_wanted_display",
        "get_heard_about_display",
        "referral_code",
        "get_stage_display",
        "owner",
        "created",
        "first_contacted_at",
        "next_contact_date",
    ]
    export_headings = {
        "get_preferred_contact_display": _("Preferred contact"),
        "get_callback_time_display": _("Good time to call"),
        "get_contact_language_display": _("Preferred language"),
        "get_interpreter_display": _("Interpreter wanted"),
        "get_language_display": _("Form sent in"),
        "get_borough_display": _("Borough"),
        "get_role_of_interest_display": _("Role of interest"),
        "get_application_progress_display": _("Where they are"),
        "get_support_wanted_display": _("Support wanted"),
        "get_heard_about_display": _("How they heard"),
        "get_stage_display": _("Stage"),
        "created": _("Registered"),
    }
    export_filename = "support-requests"
    panels = [
        FieldPanel("name"),
        FieldPanel("email"),
        FieldPanel("phone"),
        FieldPanel("preferred_contact"),
        FieldPanel("callback_time"),
        FieldPanel("contact_language"),
        FieldPanel("interpreter"),
        FieldPanel("borough"),
        FieldPanel("access_needs"),
    ]

    @property
    def list_display(self):
        return queue.list_columns()

    def get_urlpatterns(self):
        patterns = super().get_urlpatterns() + [
            # The record's forms post to the record view itself, which shows a failed form again.
            path("record/<int:pk>/<slug:action>/", self.inspect_view, name="action"),
            path("spam/<int:pk>/delete/", record.delete_spam, name="delete_spam"),
            path("equality/", reports.equality_report, name="equality"),
        ]
        for pattern in patterns:
            pattern.callback = queue.queue_access_required(pattern.callback)
        return patterns


register_snippet(SupportQueueViewSet)


class CaseworkEmailTemplateViewSet(SnippetViewSet):
    """The emails the team sends from a record, under Snippets and linked from the record's email form."""

    model = CaseworkEmailTemplate
    base_url_path = "casework-email-templates"
    admin_url_namespace = "casework_email_templates"
    menu_label = _("Casework email templates")
    icon = "mail"
    list_display = ["title", "subject"]
    search_fields = ["title", "subject", "body"]
    search_backend_name = None


register_snippet(CaseworkEmailTemplateViewSet)


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_admin_menu_item")
def register_equality_report_menu_item():
    return PermissionMenuItem(
        _("Equality monitoring"),
        reverse("support_queue:equality"),
        name="equality-report",
        icon_name="table",
        order=160,
        permission=reports.REPORT_PERMISSION,
    )


@hooks.register("construct_reports_menu")
def show_site_history_to_leads(request, menu_items):
    """Wagtail lists Site history under Reports only for staff who can explore pages; Diversity leads,
    who answer for the audit log of personal data and alone may export it, have no pages, so it is
    added for them (the Reports menu then appears with it)."""
    shown = any(item.name == "site-history" for item in menu_items)
    if not shown and request.user.has_perm(site_history.EXPORT_PERMISSION):
        menu_items.append(
            MenuItem(
                _("Site history"),
                reverse("wagtailadmin_reports:site_history"),
                name="site-history",
                icon_name="history",
                order=1000,
            )
        )


@hooks.register("construct_homepage_panels")
def add_support_queue_panel(request, panels):
    if request.user.has_perm(VIEW_PERMISSION):
        panels.append(SupportQueuePanel(request))


hooks.register(HEALTH_CHECKS_HOOK, worker_and_outbox_checks)
hooks.register("register_bulk_action", AssignOwnerBulkAction)
hooks.register("register_bulk_action", ChangeStageBulkAction)
# After Wagtail's own Delete for every snippet model (registered later, at order 0), so this one takes its
# place for the queue.
hooks.register("register_bulk_action", DeleteSpamBulkAction, order=1)


@hooks.register("register_log_actions")
def register_positive_action_log_actions(actions):
    register_audit_actions(actions)


@hooks.register("insert_global_admin_css")
def queue_admin_css():
    # The queue's own styles (record summary, overdue tags, dashboard counts) on every admin screen that
    # shows them: the list, the record, the dashboard.
    return format_html('<link rel="stylesheet" href="{}">', static("positive_action/admin.css"))


hooks.register(NEXT_STEPS_HOOK, support_next_step)
