"""The diversity team's support queue in the Wagtail admin: the list, its columns and the CSV and XLSX exports."""

import datetime
import tempfile
from functools import wraps

from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.http import FileResponse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from wagtail.admin.ui import tables
from wagtail.coreutils import multigetattr
from wagtail.snippets.views.snippets import IndexView

from recruitment_site.core.admin_pages import forbidden
from recruitment_site.core.spreadsheets import FormulaSafeExportMixin, local_minute, local_naive

from ..choices import SupportType
from ..models import SupportRequest, SupportSettings
from ..table_columns import (
    BulkActionsCheckboxColumn,
    Column,
    DateColumn,
    NextContactColumn,
    OverdueColumn,
    TitleColumn,
)
from ..team import staff_name
from .audited import AuditedListMixin

EXPORT_PERMISSION = "positive_action.export_supportrequest"
CHANGE_PERMISSION = "positive_action.change_supportrequest"
# Deleting a submission held for spam review (Wagtail's generic delete is refused to everyone).
DELETE_PERMISSION = "positive_action.delete_supportrequest"
EXPORT_CHUNK_SIZE = 2000
XLSX_MINUTE = "yyyy-mm-dd hh:mm"
# Characters wide, for the columns whose contents are longer than their headings.
XLSX_WIDTHS = {
    "reference": 12,
    "name": 24,
    "email": 32,
    "phone": 16,
    "get_support_wanted_display": 40,
    "owner": 20,
    "created": 17,
    "first_contacted_at": 17,
    "next_contact_date": 14,
    "get_callback_time_display": 24,
}


QUEUE_PERMISSIONS = [
    "positive_action.view_supportrequest",
    "positive_action.change_supportrequest",
    "positive_action.delete_supportrequest",
]


def queue_access_required(view):
    """Staff without any queue permission get a 403 on every queue URL, and so does anyone refused by
    Wagtail's own checks (which would otherwise redirect to the dashboard)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        user = request.user
        if user.is_authenticated and not any(user.has_perm(permission) for permission in QUEUE_PERMISSIONS):
            return forbidden(request)
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied:
            return forbidden(request)

    return wrapped


class ChunkedRows:
    """A queryset's model (for the export headings) with its rows read by an iterator."""

    def __init__(self, queryset, rows):
        self.model = queryset.model
        self.rows = rows

    def __iter__(self):
        return self.rows


def chunked_rows(queryset):
    return ChunkedRows(queryset, queryset.iterator(chunk_size=EXPORT_CHUNK_SIZE))


class QueueIndexView(FormulaSafeExportMixin, AuditedListMixin, IndexView):
    """The queue. Spam-review submissions stay out of it unless the spam filter asks for them; the
    export (CSV, XLSX) is for Diversity leads only. Each list, search and export is written to the audit
    log (AuditedListMixin)."""

    def get_base_queryset(self):
        days = SupportSettings.for_request(self.request).first_contact_working_days
        queryset = super().get_base_queryset().for_list().with_overdue_flag(days)
        if self.request.GET.get("needs_spam_review") != "true":
            queryset = queryset.in_queue()
        return queryset

    def get_context_data(self, **kwargs):
        if self.is_export:
            # Wagtail's listing context counts an unpaginated list with len(), which would load every
            # row before the export streams them; the export needs only the filtered queryset.
            return {"object_list": self.object_list}
        return super().get_context_data(**kwargs)

    @cached_property
    def export_labels(self):
        """{"get_stage_display": ("stage", {"new": "New", ...}), ...}, translated once per export: Django's
        get_FOO_display() rebuilds and translates the whole choice list on every call, which made a
        100,000-row export spend minutes in gettext."""
        labels = {}
        for name in self.list_export:
            try:
                field = SupportRequest._meta.get_field(name.removeprefix("get_").removesuffix("_display"))
            except FieldDoesNotExist:
                continue
            if field.choices and name.startswith("get_"):
                labels[name] = (field.attname, {value: str(label) for value, label in field.flatchoices})
        return labels

    def to_row_dict(self, item):
        row = {}
        for name in self.list_export:
            if name in self.export_labels:
                attname, labels = self.export_labels[name]
                value = getattr(item, attname)
                row[name] = labels.get(value, value)
            elif name == "get_support_wanted_display":
                row[name] = ", ".join(
                    self.support_labels.get(code, code) for code in item.support_wanted_list
                )
            elif name == "owner":
                row[name] = staff_name(item.owner)
            else:
                row[name] = multigetattr(item, name)
        return row

    def preprocess_field_value(self, field, value, export_format):
        """Times in Europe/London to the minute, dates as dates; FormulaSafeExportMixin then makes any
        text a spreadsheet would run inert, in CSV and XLSX alike."""
        if value is None:
            return ""
        if isinstance(value, datetime.datetime):
            return local_minute(value) if export_format == self.FORMAT_CSV else local_naive(value)
        if isinstance(value, datetime.date):
            return value.isoformat() if export_format == self.FORMAT_CSV else value
        return super().preprocess_field_value(field, value, export_format)

    @cached_property
    def support_labels(self):
        return {code: str(label) for code, label in SupportType.choices}

    def stream_csv(self, queryset):
        """Wagtail's CSV export, but reading rows in chunks: iterating the queryset itself would cache
        every row, so memory would grow with the queue (100,000 records, docs/performance.md)."""
        yield from super().stream_csv(chunked_rows(queryset))

    def write_xlsx(self, queryset, output):
        """Wagtail's XLSX export with a bold, shaded header row that stays in view, readable column
        widths and times to the minute. openpyxl's write-only sheet keeps rows on disk as they stream."""
        workbook = Workbook(write_only=True, iso_dates=True)
        sheet = workbook.create_sheet(title=str(_("Support requests"))[:31])
        sheet.freeze_panes = "A2"
        headings = [self.get_heading(queryset, field) for field in self.list_export]
        for number, (field, heading) in enumerate(zip(self.list_export, headings, strict=True), start=1):
            sheet.column_dimensions[get_column_letter(number)].width = XLSX_WIDTHS.get(
                field, max(12, len(heading) + 2)
            )
        bold = Font(bold=True)
        shade = PatternFill("solid", fgColor="DDE3EA")
        header = []
        for heading in headings:
            cell = WriteOnlyCell(sheet, heading)
            cell.font, cell.fill = bold, shade
            header.append(cell)
        sheet.append(header)
        for item in queryset:
            sheet.append(self.generate_xlsx_row(sheet, self.to_row_dict(item), date_format=XLSX_MINUTE))
        workbook.save(output)

    def write_xlsx_response(self, queryset):
        """Rows are read in chunks and the finished file is sent from a temporary file (deleted when the
        response closes), so memory does not grow with the queue (docs/performance.md)."""
        output = tempfile.TemporaryFile()
        self.write_xlsx(chunked_rows(queryset), output)
        output.seek(0)
        return FileResponse(
            output,
            as_attachment=True,
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            filename=f"{self.get_filename()}.xlsx",
        )

    @cached_property
    def columns(self):
        # Wagtail's snippet index adds the checkbox column outside list_display, so it is swapped here.
        return [
            BulkActionsCheckboxColumn(column.name, obj_type=column.obj_type)
            if isinstance(column, tables.BulkActionsCheckboxColumn)
            else column
            for column in super().columns
        ]

    def _get_title_column(self, *args, **kwargs):
        # "reference" stays a name in list_columns() so that Wagtail still builds its title column (link,
        # title id for the checkboxes, row buttons); only the class that writes the cell changes.
        return super()._get_title_column(*args, column_class=TitleColumn, **kwargs)

    def get_edit_url(self, instance):
        # The record view, with its timeline and actions, is where a row leads.
        return self.get_inspect_url(instance)

    @property
    def show_export_buttons(self):
        return self.request.user.has_perm(EXPORT_PERMISSION)

    def get(self, request, *args, **kwargs):
        if self.is_export and not request.user.has_perm(EXPORT_PERMISSION):
            return forbidden(request)
        return super().get(request, *args, **kwargs)


def owner_name(record):
    return staff_name(record.owner)


def list_columns():
    return [
        "reference",
        Column("name", label=gettext_lazy("Name"), sort_key="name"),
        Column(
            "borough", label=gettext_lazy("Borough"), accessor="get_borough_display", sort_key="borough__name"
        ),
        Column("stage", label=gettext_lazy("Stage"), accessor="get_stage_display", sort_key="stage"),
        Column(
            "contact_language",
            label=gettext_lazy("Language"),
            accessor="get_contact_language_summary",
            sort_key="contact_language",
        ),
        Column("owner", label=gettext_lazy("Owner"), accessor=owner_name, sort_key="owner__first_name"),
        DateColumn("created", label=gettext_lazy("Registered"), sort_key="created"),
        NextContactColumn(
            "next_contact_date", label=gettext_lazy("Next contact"), sort_key="next_contact_date"
        ),
        OverdueColumn("is_overdue", label=gettext_lazy("Overdue"), sort_key="is_overdue"),
    ]
