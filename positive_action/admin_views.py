"""The diversity team's queue in the Wagtail admin: list, record view, actions and the equality report."""

import tempfile
from functools import wraps

from django import forms
from django.contrib import messages
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.db.models import Count
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.defaults import permission_denied
from wagtail.admin.ui import tables
from wagtail.coreutils import multigetattr
from wagtail.snippets.views.snippets import IndexView, InspectView

from positive_action.data_protection.equality import retained_respondents, with_retained_answers

from .audit import audit, audit_list
from .choices import ContactKind, SupportType
from .filters import team_members
from .models import QUESTIONS, EqualityMonitoring, SupportRequest, SupportSettings
from .table_columns import BooleanColumn, BulkActionsCheckboxColumn, Column, DateColumn, TitleColumn
from .timeline import merged_timeline
from .workflow import (
    TransitionNotAllowed,
    add_note,
    assign_owner,
    change_stage,
    log_contact,
    release_from_spam_review,
    set_next_contact,
    stage_choices,
)

EXPORT_PERMISSION = "positive_action.export_supportrequest"
REPORT_PERMISSION = "positive_action.view_equality_report"
CHANGE_PERMISSION = "positive_action.change_supportrequest"
SMALL_NUMBER = 5
EXPORT_CHUNK_SIZE = 2000


QUEUE_PERMISSIONS = [
    "positive_action.view_supportrequest",
    "positive_action.change_supportrequest",
    "positive_action.delete_supportrequest",
]


def forbidden(request):
    """A real 403: Wagtail would otherwise turn PermissionDenied into a redirect to the dashboard."""
    return permission_denied(request, PermissionDenied())


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


def service_settings(request):
    return SupportSettings.for_request(request)


class QueueIndexView(IndexView):
    """The queue. Spam-review submissions stay out of it unless the spam filter asks for them; the
    export (CSV, XLSX) is for Diversity leads only and is written to the audit log."""

    def get_base_queryset(self):
        days = service_settings(self.request).first_contact_working_days
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
            else:
                row[name] = multigetattr(item, name)
        return row

    @cached_property
    def support_labels(self):
        return {code: str(label) for code, label in SupportType.choices}

    def stream_csv(self, queryset):
        """Wagtail's CSV export, but reading rows in chunks: iterating the queryset itself would cache
        every row, so memory would grow with the queue (100,000 records, docs/performance.md)."""
        yield from super().stream_csv(chunked_rows(queryset))

    def write_xlsx_response(self, queryset):
        """Wagtail's XLSX export builds the whole file in memory from a cached queryset. Here rows are
        read in chunks, openpyxl's write-only sheet keeps them on disk, and the finished file is sent
        from a temporary file (deleted when the response closes), so memory does not grow with the
        queue."""
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
        if self.is_export:
            filters = {key: request.GET.getlist(key) for key in request.GET if key != "export"}
            audit_list(
                SupportRequest,
                "recruitment.exported",
                request.user,
                format=request.GET["export"],
                filters=filters,
            )
        return super().get(request, *args, **kwargs)


class RecordView(InspectView):
    """A record: details, one timeline, and the actions. Every view is written to the audit log."""

    template_name = "positive_action/admin/record.html"
    page_title = gettext_lazy("Support request")

    def get(self, request, *args, **kwargs):
        audit(self.object, "recruitment.record_viewed", request.user)
        return super().get(request, *args, **kwargs)

    def get_object(self, queryset=None):
        return get_object_or_404(SupportRequest.objects.for_list(), pk=self.pk)

    def get_support_wanted_display_value(self):
        return self.object.get_support_wanted_display()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        record = self.object
        context["timeline"] = merged_timeline(record.timeline.select_related("actor"), record.reference)
        context["can_act"] = self.request.user.has_perm(CHANGE_PERMISSION)
        context["action_forms"] = action_forms(record) if context["can_act"] else {}
        return context


class StageForm(forms.Form):
    stage = forms.ChoiceField(label=gettext_lazy("New stage"))
    note = forms.CharField(
        label=gettext_lazy("Note"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, record, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stage"].choices = stage_choices(record.stage)


class OwnerForm(forms.Form):
    owner = forms.ModelChoiceField(
        label=gettext_lazy("Owner"), queryset=None, required=False, empty_label=gettext_lazy("Unassigned")
    )

    def __init__(self, *args, record=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = team_members()


class ContactForm(forms.Form):
    contact_kind = forms.ChoiceField(label=gettext_lazy("Contact"), choices=ContactKind.choices)
    text = forms.CharField(
        label=gettext_lazy("What happened"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, record=None, **kwargs):
        super().__init__(*args, **kwargs)


class NoteForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("Note"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, record=None, **kwargs):
        super().__init__(*args, **kwargs)


class NextContactForm(forms.Form):
    next_contact_date = forms.DateField(
        label=gettext_lazy("Next contact"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args, record=None, **kwargs):
        super().__init__(
            *args, initial={"next_contact_date": record.next_contact_date} if record else None, **kwargs
        )


class ReleaseForm(forms.Form):
    def __init__(self, *args, record=None, **kwargs):
        super().__init__(*args, **kwargs)


ACTIONS = {
    "stage": (
        StageForm,
        lambda request, record, data: change_stage(record, data["stage"], request.user, data["note"]),
    ),
    "owner": (OwnerForm, lambda request, record, data: assign_owner(record, data["owner"], request.user)),
    "contact": (
        ContactForm,
        lambda request, record, data: log_contact(record, data["contact_kind"], data["text"], request.user),
    ),
    "note": (NoteForm, lambda request, record, data: add_note(record, data["text"], request.user)),
    "next-contact": (
        NextContactForm,
        lambda request, record, data: set_next_contact(record, data["next_contact_date"], request.user),
    ),
    "release": (
        ReleaseForm,
        lambda request, record, data: release_from_spam_review(
            record, request.user, service_settings(request)
        ),
    ),
}


def action_forms(record):
    return {
        name.replace("-", "_"): form_class(record=record) for name, (form_class, _apply) in ACTIONS.items()
    }


@require_POST
def record_action(request, pk, action):
    """Apply one action from the record view, then go back to it."""
    if not request.user.has_perm(CHANGE_PERMISSION) or action not in ACTIONS:
        return forbidden(request)
    record = get_object_or_404(SupportRequest, pk=pk)
    form_class, apply = ACTIONS[action]
    form = form_class(request.POST, record=record)
    if not form.is_valid():
        errors = "; ".join(f"{message}" for messages_ in form.errors.values() for message in messages_)
        messages.error(request, _("Not saved: %(errors)s") % {"errors": errors})
    else:
        try:
            apply(request, record, form.cleaned_data)
            messages.success(request, _("Saved."))
        except TransitionNotAllowed as error:
            messages.error(request, str(error))
    return redirect("support_queue:inspect", pk=record.pk)


def suppressed(count):
    return _("fewer than 5") if 0 < count < SMALL_NUMBER else str(count)


def equality_rows():
    """Counts per answer for each question; small numbers hidden so no one can be singled out."""
    answers = EqualityMonitoring.objects.filter(support_request__needs_spam_review=False)
    sections = []
    for name, question, choices in QUESTIONS:
        counts = dict(answers.exclude(**{name: ""}).values_list(name).annotate(total=Count("pk")).order_by())
        counts = with_retained_answers(name, counts)  # people anonymised by retention, as unlinked counts
        rows = [(label, suppressed(counts.get(value, 0))) for value, label in choices.choices]
        sections.append({"question": question, "rows": rows})
    return sections


def equality_report(request):
    if not request.user.has_perm(REPORT_PERMISSION):
        return forbidden(request)
    audit_list(EqualityMonitoring, "recruitment.equality_report_viewed", request.user)
    total = EqualityMonitoring.objects.count() + retained_respondents()
    context = {"sections": equality_rows(), "total": suppressed(total)}
    return TemplateResponse(request, "positive_action/admin/equality_report.html", context)


def list_columns():
    return [
        "reference",
        Column("name", label=gettext_lazy("Name"), sort_key="name"),
        Column(
            "borough", label=gettext_lazy("Borough"), accessor="get_borough_display", sort_key="borough__name"
        ),
        Column("stage", label=gettext_lazy("Stage"), accessor="get_stage_display", sort_key="stage"),
        Column("owner", label=gettext_lazy("Owner"), accessor="owner", sort_key="owner__username"),
        DateColumn("created", label=gettext_lazy("Registered"), sort_key="created"),
        DateColumn("next_contact_date", label=gettext_lazy("Next contact"), sort_key="next_contact_date"),
        BooleanColumn("is_overdue", label=gettext_lazy("Overdue"), sort_key="is_overdue"),
    ]
