"""The leads' report on the network and the leads-only export of the ambassador list, both audit-logged."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView, View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from positive_action.audit import audit_list
from recruitment_site.core.admin_pages import TitledHeaderMixin
from recruitment_site.core.spreadsheets import csv_lines, local_minute

from .. import reports
from ..filters import AmbassadorFilterSet
from ..models import Ambassador

REPORT_PERMISSION = "ambassadors_network.view_ambassador_report"
EXPORT_PERMISSION = "ambassadors_network.export_ambassador"


def csv_response(filename, headings, rows):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.writelines(csv_lines(headings, rows))
    return response


class LeadsOnlyMixin:
    permission = REPORT_PERMISSION

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class NetworkReportView(LeadsOnlyMixin, TitledHeaderMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "ambassadors_network/admin/report.html"
    page_title = _("Ambassador network report")
    header_icon = "table"

    def get(self, request, *args, **kwargs):
        slug = request.GET.get("download")
        if slug:
            return self.download(slug)
        return super().get(request, *args, **kwargs)

    def download(self, slug):
        table = reports.table_by_slug(slug)
        if table is None:
            raise Http404
        audit_list(Ambassador, "ambassadors.report_export", self.request.user, table=slug)
        filename = f"ambassador-report-{slug}-{timezone.localdate():%Y-%m-%d}.csv"
        return csv_response(filename, [str(heading) for heading in table.headings], table.rows)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["tables"] = reports.all_tables()
        return context


EXPORT_HEADINGS = [
    "Reference",
    "Name",
    "Email",
    "Phone",
    "Preferred contact",
    "Good time to call",
    "Preferred language",
    "Interpreter wanted",
    "Form sent in",
    "Organisation",
    "Role in the community",
    "Status",
    "Boroughs",
    "Communities",
    "Other communities",
    "Languages",
    "Networks",
    "Time they can give",
    "Signed up",
    "Referral code",
]


def export_row(ambassador):
    return [
        ambassador.reference,
        ambassador.name,
        ambassador.email,
        ambassador.phone,
        ambassador.get_preferred_contact_display(),
        ambassador.get_callback_time_display(),
        ambassador.get_contact_language_display(),
        ambassador.get_interpreter_display(),
        ambassador.get_language_display(),
        ambassador.organisation,
        ambassador.get_community_role_display(),
        ambassador.get_status_display(),
        ", ".join(borough.name for borough in ambassador.boroughs.all()),
        ", ".join(community.name for community in ambassador.communities.all()),
        ambassador.other_communities,
        ambassador.languages,
        ambassador.get_network_types_display(),
        ambassador.get_time_commitment_display(),
        local_minute(ambassador.created),
        ambassador.referral_code,
    ]


class AmbassadorExportView(LeadsOnlyMixin, View):
    """The ambassador list as CSV, with the same filters as the list; who, when and which filter are logged."""

    permission = EXPORT_PERMISSION

    def get(self, request):
        filters = AmbassadorFilterSet(request.GET, queryset=Ambassador.objects.all(), request=request)
        if not filters.is_valid():
            raise Http404
        ambassadors = filters.qs.prefetch_related("boroughs", "communities", "networks").order_by("created")
        used = {
            name: str(value) for name, value in filters.form.cleaned_data.items() if value not in (None, "")
        }
        audit_list(Ambassador, "ambassadors.export", request.user, filters=used)
        filename = f"ambassadors-{timezone.localdate():%Y-%m-%d}.csv"
        return csv_response(filename, EXPORT_HEADINGS, (export_row(ambassador) for ambassador in ambassadors))
