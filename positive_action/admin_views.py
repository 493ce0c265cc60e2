"""The diversity team's queue in the Wagtail admin: list, export, record view and its actions."""

import datetime
import tempfile
from dataclasses import dataclass
from functools import wraps

from django import forms
from django.contrib import messages
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.http import FileResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from wagtail import hooks
from wagtail.admin.ui import tables
from wagtail.coreutils import multigetattr
from wagtail.snippets.views.snippets import IndexView, InspectView

from recruitment_site.core.admin_pages import forbidden
from recruitment_site.core.spreadsheets import formula_safe, local_minute, local_naive
from recruitment_site.core.working_days import add_working_days

from .audit import audit, audit_list
from .choices import ACTIVITY_KINDS, SupportType
from .days import day_with_distance
from .models import CaseworkEmailTemplate, SupportRequest, SupportSettings
from .table_columns import (
    BulkActionsCheckboxColumn,
    Column,
    DateColumn,
    NextContactColumn,
    OverdueColumn,
    TitleColumn,
)
from .team import staff_name, team_members
from .timeline import merged_timeline
from .workflow import (
    TransitionNotAllowed,
    add_note,
    assign_owner,
    change_stage,
    email_person,
    log_activity,
    release_from_spam_review,
    set_next_contact,
    stage_choices,
)

EXPORT_PERMISSION = "positive_action.export_supportrequest"
CHANGE_PERMISSION = "positive_action.change_supportrequest"
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
            elif name == "owner":
                row[name] = staff_name(item.owner)
            else:
                row[name] = multigetattr(item, name)
        return row

    def preprocess_field_value(self, field, value, export_format):
        """Times in Europe/London to the minute, dates as dates, nothing a spreadsheet would run."""
        if value is None:
            return ""
        if isinstance(value, datetime.datetime):
            return local_minute(value) if export_format == self.FORMAT_CSV else local_naive(value)
        if isinstance(value, datetime.date):
            return value.isoformat() if export_format == self.FORMAT_CSV else value
        if export_format == self.FORMAT_CSV:
            return formula_safe(value)
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
    """A record: a summary of where it stands, its details, one timeline, and the forms that act on it.
    Every view is written to the audit log. The forms post to ``record/<pk>/<action>/`` (this view
    too); a form that does not validate comes back on this page with its errors and what was typed."""

    template_name = "positive_action/admin/record.html"
    page_title = gettext_lazy("Support request")
    bound_action = None

    def get(self, request, *args, **kwargs):
        if "action" in kwargs:
            return HttpResponseNotAllowed(["POST"])
        audit(self.object, "recruitment.record_viewed", request.user)
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        slug = kwargs.get("action")
        if not request.user.has_perm(CHANGE_PERMISSION) or slug not in ACTIONS:
            return forbidden(request)
        action = ACTIONS[slug]
        form = action.form_class(
            request.POST, record=self.object, user=request.user, prefix=form_prefix(slug)
        )
        if getattr(form, "filled", False):
            # Filled in from a template, to be read before it is sent: shown again, nothing saved.
            self.bound_action = (slug, form)
            return self.render_to_response(self.get_context_data())
        if form.is_valid():
            try:
                action.apply(request, self.object, form.cleaned_data)
            except TransitionNotAllowed as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("Saved: %(action)s.") % {"action": action.button})
                return redirect("support_queue:inspect", pk=self.object.pk)
        self.bound_action = (slug, form)
        messages.error(request, _("Not saved: see “%(action)s” below.") % {"action": action.button})
        audit(self.object, "recruitment.record_viewed", request.user)
        response = self.render_to_response(self.get_context_data())
        response.status_code = 400
        return response

    def get_object(self, queryset=None):
        return get_object_or_404(
            SupportRequest.objects.for_list().select_related("ambassador_referral__ambassador"), pk=self.pk
        )

    def get_support_wanted_display_value(self):
        return self.object.get_support_wanted_display()

    def get_owner_display_value(self):
        return staff_name(self.object.owner) if self.object.owner else _("Unassigned")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        record = self.object
        context["timeline"] = merged_timeline(record.timeline.select_related("actor"), record.reference)
        context["can_act"] = self.request.user.has_perm(CHANGE_PERMISSION)
        context["action_forms"] = (
            action_forms(record, self.request.user, self.bound_action) if context["can_act"] else []
        )
        context["release_url"] = reverse("support_queue:action", args=[record.pk, "release"])
        context["summary"] = record_summary(record, service_settings(self.request))
        return context


DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class RecordActionForm(forms.Form):
    """A form on the record page: it knows the record and the member of staff using it."""

    def __init__(self, *args, record, user, **kwargs):
        self.record = record
        self.user = user
        super().__init__(*args, **kwargs)


class ActivityForm(RecordActionForm):
    """The record's main form: what happened, with its outcome, the next contact and any stage change."""

    contact_kind = forms.ChoiceField(
        label=gettext_lazy("What happened"), choices=[(kind.value, kind.label) for kind in ACTIVITY_KINDS]
    )
    outcome = forms.CharField(
        label=gettext_lazy("Outcome"),
        max_length=200,
        help_text=gettext_lazy("In a few words, e.g. “Booked onto the mock interview on 12 January”"),
    )
    note = forms.CharField(
        label=gettext_lazy("Note"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    next_contact_date = forms.DateField(label=gettext_lazy("Next contact"), required=False, widget=DATE_INPUT)
    stage = forms.ChoiceField(
        label=gettext_lazy("Move to stage"),
        required=False,
        help_text=gettext_lazy(
            "Leave as it is unless the stage has changed; a first contact moves a new request to Contacted."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stage"].choices = [("", _("Leave as it is"))] + stage_choices(self.record.stage)


class StageForm(RecordActionForm):
    stage = forms.ChoiceField(label=gettext_lazy("New stage"))
    note = forms.CharField(
        label=gettext_lazy("Note"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stage"].choices = stage_choices(self.record.stage)


class OwnerForm(RecordActionForm):
    owner = forms.ModelChoiceField(
        label=gettext_lazy("Owner"), queryset=None, required=False, empty_label=gettext_lazy("Unassigned")
    )

    def __init__(self, *args, record, **kwargs):
        super().__init__(*args, record=record, initial={"owner": record.owner_id}, **kwargs)
        self.fields["owner"].queryset = team_members()
        self.fields["owner"].label_from_instance = staff_name


class NoteForm(RecordActionForm):
    text = forms.CharField(
        label=gettext_lazy("Note"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )


class NextContactForm(RecordActionForm):
    next_contact_date = forms.DateField(label=gettext_lazy("Next contact"), required=False, widget=DATE_INPUT)

    def __init__(self, *args, record, **kwargs):
        super().__init__(
            *args, record=record, initial={"next_contact_date": record.next_contact_date}, **kwargs
        )


class EmailForm(RecordActionForm):
    """An email to the person, from a template or written here; "Fill in from template" puts the
    template's words, made out for this record, into the boxes to be checked and changed before sending."""

    FILL = "fill"

    template = forms.ModelChoiceField(
        label=gettext_lazy("Template"),
        queryset=CaseworkEmailTemplate.objects.all(),
        required=False,
        empty_label=gettext_lazy("None: write it here"),
    )
    subject = forms.CharField(label=gettext_lazy("Subject"), max_length=200)
    body = forms.CharField(
        label=gettext_lazy("Message"), max_length=5000, widget=forms.Textarea(attrs={"rows": 8})
    )
    next_contact_date = forms.DateField(label=gettext_lazy("Next contact"), required=False, widget=DATE_INPUT)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filled = self.is_bound and self.add_prefix(self.FILL) in self.data
        if self.filled:
            self.fill_in_from_template()

    def fill_in_from_template(self):
        try:
            template = self.fields["template"].clean(self["template"].data)
        except forms.ValidationError:
            template = None  # an unknown choice: the boxes keep what was typed
        if template:
            self.data = self.data.copy()
            subject, body = template.written_for(self.record, staff_name(self.user))
            self.data[self.add_prefix("subject")] = subject
            self.data[self.add_prefix("body")] = body

    def clean(self):
        if not self.record.email:
            raise forms.ValidationError(_("This record has no email address: call them or log the contact."))
        return super().clean()


class ReleaseForm(RecordActionForm):
    pass


def apply_activity(request, record, data):
    return log_activity(
        record,
        request.user,
        data["contact_kind"],
        outcome=data["outcome"],
        note=data["note"],
        next_contact=data["next_contact_date"],
        new_stage=data["stage"],
    )


def apply_email(request, record, data):
    reply_to = service_settings(request).team_email or request.user.email
    return email_person(
        record,
        request.user,
        data["subject"],
        data["body"],
        reply_to=reply_to,
        next_contact=data["next_contact_date"],
    )


def apply_stage(request, record, data):
    return change_stage(record, data["stage"], request.user, data["note"])


def apply_owner(request, record, data):
    return assign_owner(record, data["owner"], request.user)


def apply_note(request, record, data):
    return add_note(record, data["text"], request.user)


def apply_next_contact(request, record, data):
    return set_next_contact(record, data["next_contact_date"], request.user)


def apply_release(request, record, data):
    return release_from_spam_review(record, request.user, service_settings(request))


@dataclass(frozen=True)
class RecordAction:
    """One form on the record page: its URL slug, its form, what its button says and what it does."""

    slug: str
    form_class: type
    button: str
    apply: object
    # A second button that fills the form in rather than saving it, as (form field name, label).
    fill_button: tuple = None


ACTIONS = {
    action.slug: action
    for action in [
        RecordAction("activity", ActivityForm, gettext_lazy("Log activity"), apply_activity),
        RecordAction(
            "email",
            EmailForm,
            gettext_lazy("Send email"),
            apply_email,
            fill_button=(EmailForm.FILL, gettext_lazy("Fill in from template")),
        ),
        RecordAction("owner", OwnerForm, gettext_lazy("Assign owner"), apply_owner),
        RecordAction("stage", StageForm, gettext_lazy("Change stage"), apply_stage),
        RecordAction("next-contact", NextContactForm, gettext_lazy("Set next contact"), apply_next_contact),
        RecordAction("note", NoteForm, gettext_lazy("Add note"), apply_note),
        RecordAction("release", ReleaseForm, gettext_lazy("Release into the queue"), apply_release),
    ]
}
# The forms the record page shows in its actions panel (release has its own place, above the details).
PANEL_ACTIONS = ["activity", "email", "owner", "stage", "next-contact", "note"]


def form_prefix(slug):
    # Several forms on one page each have a "note" or "stage" field; the prefix keeps their ids apart.
    return slug if slug in PANEL_ACTIONS else None


def action_forms(record, user, bound=None):
    """[(action, url, form)] for the record page; ``bound`` is (slug, form) to show a failed form again."""
    forms_ = []
    for slug in PANEL_ACTIONS:
        action = ACTIONS[slug]
        if bound and bound[0] == slug:
            form = bound[1]
        else:
            form = action.form_class(record=record, user=user, prefix=form_prefix(slug))
        forms_.append((action, reverse("support_queue:action", args=[record.pk, slug]), form))
    return forms_


# Apps above this one add lines to a record's summary: ``@hooks.register(RECORD_SUMMARY_HOOK)`` with a
# function taking the record and returning [(label, value)], the value plain text or format_html.
RECORD_SUMMARY_HOOK = "support_record_summary"


def first_contact_summary(record, working_days):
    if record.first_contacted_at:
        return _("Made %(day)s") % {
            "day": date_format(timezone.localtime(record.first_contacted_at), "j M Y")
        }
    due = add_working_days(timezone.localtime(record.created).date(), working_days)
    if due < timezone.localdate():
        return format_html(
            '{} <span class="w-status support-overdue">{}</span>', day_with_distance(due), _("Overdue")
        )
    return _("Due by %(day)s") % {"day": day_with_distance(due)}


def next_contact_summary(record):
    day = record.next_contact_date
    if not day:
        return _("Not set")
    if day < timezone.localdate() and not record.is_finished:
        return format_html(
            '{} <span class="w-status support-overdue">{}</span>', day_with_distance(day), _("Overdue")
        )
    return day_with_distance(day)


def contact_summary(record):
    """The preferred way to reach them, with tap-to-call and email links."""
    links = [format_html('<a href="mailto:{}">{}</a>', record.email, record.email)] if record.email else []
    if record.phone:
        links.append(format_html('<a href="tel:{}">{}</a>', record.phone.replace(" ", ""), record.phone))
    return format_html(
        "{}<br>{}",
        record.get_preferred_contact_display(),
        format_html_join(" · ", "{}", ((link,) for link in links)),
    )


def record_summary(record, service):
    """[(label, value)] for the top of a record: where it stands and how to reach the person."""
    items = [
        (_("Stage"), record.get_stage_display()),
        (_("Owner"), staff_name(record.owner) or _("Unassigned")),
        (_("Next contact"), next_contact_summary(record)),
        (_("First contact"), first_contact_summary(record, service.first_contact_working_days)),
        (_("Preferred contact"), contact_summary(record)),
    ]
    for describe in hooks.get_hooks(RECORD_SUMMARY_HOOK):
        items.extend(describe(record))
    return items


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
        Column("owner", label=gettext_lazy("Owner"), accessor=owner_name, sort_key="owner__first_name"),
        DateColumn("created", label=gettext_lazy("Registered"), sort_key="created"),
        NextContactColumn(
            "next_contact_date", label=gettext_lazy("Next contact"), sort_key="next_contact_date"
        ),
        OverdueColumn("is_overdue", label=gettext_lazy("Overdue"), sort_key="is_overdue"),
    ]
