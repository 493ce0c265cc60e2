"""The ambassador network in the Wagtail admin, for the diversity team only."""

from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets import viewsets
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from ambassadors_network.next_steps import ambassador_next_step
from home.next_steps import NEXT_STEPS_HOOK
from positive_action.filters import QUEUE_FILTERS_HOOK
from positive_action.views.audited import (
    EDIT_VIEWED,
    HISTORY_VIEWED,
    USAGE_VIEWED,
    AuditedRecordMixin,
    audited,
)
from positive_action.views.record import RECORD_SUMMARY_HOOK
from recruitment_site.core.admin_pages import WithoutGenericDeletePolicy

from .filters import AmbassadorFilterSet, ambassador_referral_filter
from .models import Ambassador
from .models.referrals import Referral
from .permissions import REQUIRED, guard_urlpatterns, require_any
from .views import admin as admin_views
from .views import reports as report_views

LOG_ACTIONS = {
    "ambassadors.view_record": (_("Viewed ambassador record"), _("Viewed ambassador record")),
    "ambassadors.change_status": (_("Changed ambassador status"), _("Changed ambassador status")),
    "ambassadors.release_spam_review": (_("Released from spam review"), _("Released from spam review")),
    "ambassadors.export": (_("Exported the ambassador list"), _("Exported the ambassador list")),
    "ambassadors.report_export": (
        _("Downloaded the ambassador report"),
        _("Downloaded the ambassador report"),
    ),
}


class AmbassadorViewSet(ModelViewSet):
    model = Ambassador
    name = "ambassadors"
    # No generic Delete: a held sign-up is deleted as spam, a person's record erased by a lead.
    permission_policy = WithoutGenericDeletePolicy(Ambassador)
    icon = "group"
    menu_label = _("Ambassadors")
    index_view_class = admin_views.AmbassadorIndexView
    inspect_view_enabled = True
    copy_view_enabled = False
    inspect_view_class = admin_views.AmbassadorRecordView
    # Every other page that shows one person's record writes an audit entry too.
    edit_view_class = audited(ModelViewSet.edit_view_class, AuditedRecordMixin, audit_action=EDIT_VIEWED)
    history_view_class = audited(
        ModelViewSet.history_view_class, AuditedRecordMixin, audit_action=HISTORY_VIEWED
    )
    usage_view_class = audited(ModelViewSet.usage_view_class, AuditedRecordMixin, audit_action=USAGE_VIEWED)
    filterset_class = AmbassadorFilterSet
    # A plain database search: personal data stays out of the site search index, and partial references,
    # emails and phone numbers still match.
    search_fields = ["name", "email", "reference", "other_references", "organisation", "phone"]
    search_backend_name = None
    list_display = [
        "name",
        Column("reference", label=_("Reference"), sort_key="reference"),
        Column("get_status_display", label=_("Status"), sort_key="status"),
        Column("organisation", label=_("Organisation")),
        Column(
            "contact_language",
            label=_("Language"),
            accessor="get_contact_language_summary",
            sort_key="contact_language",
        ),
        Column("created", label=_("Signed up"), sort_key="created"),
    ]
    list_per_page = 50
    ordering = ["-created"]
    form_fields = [
        "name",
        "email",
        "phone",
        "preferred_contact",
        "callback_time",
        "contact_language",
        "interpreter",
        "organisation",
        "community_role",
        "boroughs",
        "communities",
        "other_communities",
        "languages",
        "time_commitment",
        "motivation",
    ]

    def get_urlpatterns(self):
        record = self.get_url_name("inspect")
        return guard_urlpatterns(
            super().get_urlpatterns()
            + [
                path(
                    "status/<int:pk>/",
                    admin_views.ChangeStatusView.as_view(record_url_name=record),
                    name="change_status",
                ),
                path(
                    "contact/<int:pk>/",
                    admin_views.LogContactView.as_view(record_url_name=record),
                    name="log_contact",
                ),
                path(
                    "note/<int:pk>/", admin_views.AddNoteView.as_view(record_url_name=record), name="add_note"
                ),
                path("export/", report_views.AmbassadorExportView.as_view(), name="export"),
                path(
                    "release/<int:pk>/",
                    admin_views.ReleaseFromSpamReviewView.as_view(record_url_name=record),
                    name="release",
                ),
                path("spam/<int:pk>/delete/", admin_views.DeleteSpamView.as_view(), name="delete_spam"),
            ]
        )


class LeadsOnlyMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(report_views.REPORT_PERMISSION)


class NetworkReportViewSet(ViewSet):
    name = "ambassador_report"
    icon = "table"
    menu_label = _("Network report")
    menu_item_class = LeadsOnlyMenuItem

    def get_urlpatterns(self):
        view = require_any(REQUIRED["report"])(report_views.NetworkReportView.as_view())
        return [path("", view, name="index")]


class AmbassadorNetworkGroup(ViewSetGroup):
    menu_label = _("Ambassador network")
    menu_icon = "group"
    menu_order = 210
    items = (AmbassadorViewSet, NetworkReportViewSet)


# Registered when this module is imported (as register_snippet does) rather than through the
# register_admin_viewset hook, which runs only once the admin URLs load: the menu must be complete even
# when it is built first.
viewsets.register(AmbassadorNetworkGroup())


@hooks.register("register_log_actions")
def register_ambassador_log_actions(actions):
    for action, (label, message) in LOG_ACTIONS.items():
        actions.register_action(action, label, message)


@hooks.register(QUEUE_FILTERS_HOOK)
def support_queue_ambassador_filter():
    """In the support queue: the people a chosen ambassador referred."""
    return {"ambassador": ambassador_referral_filter()}


@hooks.register(RECORD_SUMMARY_HOOK)
def referring_ambassador(record):
    """On a support record: the ambassador who referred the person, by name and linked to their record."""
    referral = Referral.objects.filter(support_request=record).select_related("ambassador").first()
    if referral:
        ambassador = referral.ambassador
        link = format_html(
            '<a href="{}">{}</a>', reverse("ambassadors:inspect", args=[ambassador.pk]), ambassador.name
        )
        return [(gettext("Referred by"), link)]
    if record.referral_code:
        return [
            (
                gettext("Referral code"),
                gettext("%(code)s (no ambassador: the code is unknown or was not in use)")
                % {"code": record.referral_code},
            )
        ]
    return []


hooks.register(NEXT_STEPS_HOOK, ambassador_next_step)
