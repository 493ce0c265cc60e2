"""A support record in the Wagtail admin: the summary at the top, the timeline and the forms that act on it."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.snippets.views.snippets import InspectView

from recruitment_site.core.admin_pages import forbidden
from recruitment_site.core.languages import DEFAULT_LANGUAGE_CODE, get_language
from recruitment_site.core.working_days import add_working_days

from ..days import day_with_distance
from ..models import SupportRequest, SupportSettings
from ..removal import delete_as_spam
from ..team import staff_name
from ..timeline import merged_timeline
from ..workflow import (
    TransitionNotAllowed,
)
from .audited import AuditedRecordMixin
from .queue import CHANGE_PERMISSION, DELETE_PERMISSION
from .record_actions import ACTIONS, action_forms, form_prefix


class RecordView(AuditedRecordMixin, InspectView):
    """A record: a summary of where it stands, its details, one timeline, and the forms that act on it.
    Every rendering is written to the audit log (AuditedRecordMixin), a form shown again included. The forms post to ``record/<pk>/<action>/`` (this view
    too); a form that does not validate comes back on this page with its errors and what was typed."""

    template_name = "positive_action/admin/record.html"
    page_title = gettext_lazy("Support request")
    bound_action = None

    def get(self, request, *args, **kwargs):
        if "action" in kwargs:
            return HttpResponseNotAllowed(["POST"])
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
        context["can_delete_spam"] = self.request.user.has_perm(DELETE_PERMISSION)
        context["delete_spam_url"] = reverse("support_queue:delete_spam", args=[record.pk])
        context["summary"] = record_summary(record, SupportSettings.for_request(self.request))
        return context


@require_POST
def delete_spam(request, pk):
    """A held submission someone on the team judged to be spam goes, with its emails, receipts and audit
    mentions; back to the submissions still waiting for review."""
    if not request.user.has_perm(DELETE_PERMISSION):
        return forbidden(request)
    record = get_object_or_404(SupportRequest, pk=pk)
    try:
        reference = delete_as_spam(record, request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("support_queue:inspect", pk=pk)
    messages.success(request, _("Deleted as spam: %(reference)s.") % {"reference": reference})
    return redirect(reverse("support_queue:list") + "?needs_spam_review=true")


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
    """The preferred way to reach them and a good time to call, with tap-to-call and email links."""
    links = [format_html('<a href="mailto:{}">{}</a>', record.email, record.email)] if record.email else []
    if record.phone:
        links.append(format_html('<a href="tel:{}">{}</a>', record.phone.replace(" ", ""), record.phone))
    method = record.get_preferred_contact_display()
    if record.callback_time:
        method = format_html(
            "{} · {}", method, _("good time to call: %(time)s") % {"time": record.get_callback_time_display()}
        )
    return format_html("{}<br>{}", method, format_html_join(" · ", "{}", ((link,) for link in links)))


def language_summary(record):
    """The language to contact them in (also in its own script, as they chose it), whether they want an
    interpreter, and the language of the form when it was another."""
    if not record.contact_language:
        return "—"  # anonymised
    language = get_language(record.contact_language)
    name = record.get_contact_language_display()
    if language.code != DEFAULT_LANGUAGE_CODE:
        name = format_html(
            '{} – <span lang="{}" dir="{}">{}</span>',
            name,
            language.code,
            language.direction,
            language.name_local,
        )
    interpreter = record.get_interpreter_display() or _("not answered")
    lines = [name, _("Interpreter wanted: %(answer)s") % {"answer": interpreter}]
    if record.language and record.language != record.contact_language:
        lines.append(_("Form sent in %(language)s") % {"language": record.get_language_display()})
    return format_html_join(mark_safe("<br>"), "{}", ((line,) for line in lines))


def record_summary(record, service):
    """[(label, value)] for the top of a record: where it stands and how to reach the person."""
    items = [
        (_("Stage"), record.get_stage_display()),
        (_("Owner"), staff_name(record.owner) or _("Unassigned")),
        (_("Next contact"), next_contact_summary(record)),
        (_("First contact"), first_contact_summary(record, service.first_contact_working_days)),
        (_("Preferred contact"), contact_summary(record)),
        (_("Preferred language"), language_summary(record)),
    ]
    for describe in hooks.get_hooks(RECORD_SUMMARY_HOOK):
        items.extend(describe(record))
    return items
