"""Wagtail's Reports > Site history, with two changes: its export is for Diversity leads (and superusers)
only, and every cell it exports is made inert like the site's other exports.

The audit log is personal data about staff and, through its labels and filters, about the people on the
records (an ambassador's name, a search term): exporting it is an export of personal data, which is a
leads' task (docs/data-protection.md). The report itself stays open to every role, each seeing the entries
on what it may see, as in Wagtail."""

from django.urls import path
from django.utils.functional import cached_property
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.utils.urlpatterns import decorate_urlpatterns

from recruitment_site.core.admin_pages import forbidden
from recruitment_site.core.spreadsheets import FormulaSafeExportMixin

from ..audit import audit_list
from ..models import SupportRequest

EXPORT_PERMISSION = "positive_action.export_supportrequest"


class SiteHistoryView(FormulaSafeExportMixin, LogEntriesView):
    @cached_property
    def show_export_buttons(self):
        return self.request.user.has_perm(EXPORT_PERMISSION)

    def get(self, request, *args, **kwargs):
        if self.is_export and not request.user.has_perm(EXPORT_PERMISSION):
            return forbidden(request)
        if self.is_export:
            # Filed under support requests so that erasure finds a person's name in the filters.
            filters = {key: request.GET.getlist(key) for key in request.GET if key != "export"}
            audit_list(
                SupportRequest,
                "recruitment.exported",
                request.user,
                report="site history",
                format=request.GET["export"],
                filters=filters,
            )
        return super().get(request, *args, **kwargs)


# Mounted by the project's URL conf in front of Wagtail's admin URLs, at the same addresses, so Wagtail's
# menu item, filters and links reach this view. Wagtail offers no hook to replace a report view, and its
# register_admin_urls hook adds URLs after its own.
urlpatterns = decorate_urlpatterns(
    [
        path("site-history/", SiteHistoryView.as_view(), name="recruitment_site_history"),
        path(
            "site-history/results/",
            SiteHistoryView.as_view(results_only=True),
            name="recruitment_site_history_results",
        ),
    ],
    lambda view: never_cache(require_admin_access(view)),
)
