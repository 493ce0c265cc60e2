"""Admin views on an ambassador's record: the record itself and the actions the team takes on it."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from wagtail.admin.ui.tables import TitleColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.widgets.button import HeaderButton

from positive_action.audit import audit
from positive_action.models import SupportSettings
from positive_action.removal import delete_as_spam
from positive_action.timeline import merged_timeline
from positive_action.views.audited import AuditedListMixin, AuditedRecordMixin
from positive_action.views.record import contact_summary, language_summary

from ..admin_forms import ContactForm, NoteForm, StatusChangeForm
from ..events import network_meetings
from ..models import Ambassador, AmbassadorEvent, EntryKind
from ..referrals import referral_summary
from ..signup import AmbassadorSignupFlow
from ..status import change_status

CHANGE_PERMISSION = "ambassadors_network.change_ambassador"
# Deleting a sign-up held for spam review (Wagtail's generic delete is refused to everyone).
DELETE_PERMISSION = "ambassadors_network.delete_ambassador"


VIEWED_RECORD = "ambassadors.view_record"


class AmbassadorIndexView(AuditedListMixin, IndexView):
    """The list; a name opens the record (timeline and actions) rather than the details form. Each list
    and search is written to the audit log (AuditedListMixin)."""

    def _get_title_column(self, field_name, column_class=TitleColumn, **kwargs):
        column = super()._get_title_column(field_name, column_class, **kwargs)
        column._get_url_func = self.get_inspect_url
        return column

    @cached_property
    def header_buttons(self):
        buttons = super().header_buttons
        if self.request.user.has_perm("ambassadors_network.export_ambassador"):
            query = self.request.GET.urlencode()
            url = reverse("ambassadors:export") + (f"?{query}" if query else "")
            buttons.append(HeaderButton(_("Export CSV (logged)"), url=url, icon_name="download"))
        return buttons


class AmbassadorRecordView(AuditedRecordMixin, InspectView):
    """Everything about one ambassador, the timeline, and the forms for the team's actions; every look is
    in the audit log (AuditedRecordMixin)."""

    audit_action = VIEWED_RECORD
    template_name = "ambassadors_network/admin/record.html"
    page_title = gettext_lazy("Ambassador record")

    def get_object(self, queryset=None):
        return get_object_or_404(
            Ambassador.objects.prefetch_related("boroughs", "communities", "networks"), pk=self.pk
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        ambassador = self.object
        can_change = self.request.user.has_perm(CHANGE_PERMISSION)
        meetings = network_meetings()
        context.update(
            {
                "ambassador": ambassador,
                # Timeline entries and the outbox's emails for this reference, newest first (shared pattern).
                "timeline": merged_timeline(
                    ambassador.timeline.select_related("actor"), ambassador.reference
                ),
                "can_change": can_change,
                "can_delete_spam": self.request.user.has_perm(DELETE_PERMISSION),
                "status_form": StatusChangeForm(ambassador=ambassador) if can_change else None,
                "contact_form": ContactForm(meetings=meetings) if can_change else None,
                "note_form": NoteForm() if can_change else None,
                "referral_url": self.request.build_absolute_uri(ambassador.get_referral_path())
                if ambassador.referral_code
                else "",
                "network_meetings": meetings,
                "referrals": referral_summary(ambassador),
                "contact_summary": contact_summary(ambassador),
                "language_summary": language_summary(ambassador),
            }
        )
        return context

    def get_fields(self):
        return []


class RecordActionView(View):
    """A POST-only action on one record; subclasses say which form and what to do with it."""

    form_class = None
    record_url_name = None
    http_method_names = ["post"]

    def dispatch(self, request, pk):
        if not request.user.has_perm(CHANGE_PERMISSION):
            raise PermissionDenied
        self.ambassador = get_object_or_404(Ambassador, pk=pk)
        return super().dispatch(request, pk)

    def get_form(self):
        return self.form_class(self.request.POST)

    def post(self, request, pk):
        form = self.get_form()
        if form.is_valid():
            try:
                with transaction.atomic():
                    self.act(form.cleaned_data)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
        else:
            messages.error(
                request, _("Nothing was saved: %(errors)s") % {"errors": self.describe_errors(form)}
            )
        return redirect(self.record_url_name, self.ambassador.pk)

    @staticmethod
    def describe_errors(form):
        return "; ".join(
            f"{form.fields[name].label}: {' '.join(errors)}" for name, errors in form.errors.items()
        )


class ChangeStatusView(RecordActionView):
    def get_form(self):
        return StatusChangeForm(self.request.POST, ambassador=self.ambassador)

    def act(self, data):
        ambassador = change_status(self.ambassador, data["status"], self.request.user, data["note"])
        audit(ambassador, "ambassadors.change_status", self.request.user, status=data["status"])
        messages.success(
            self.request, _("Status changed to %(status)s.") % {"status": ambassador.get_status_display()}
        )


class LogContactView(RecordActionView):
    def get_form(self):
        self.form = ContactForm(self.request.POST, meetings=network_meetings())
        return self.form

    def act(self, data):
        AmbassadorEvent.objects.create(
            record=self.ambassador,
            kind=EntryKind.CONTACT,
            contact_type=data["contact_type"],
            text=self.form.describe(),
            actor=self.request.user,
        )
        messages.success(self.request, _("Contact logged."))


class AddNoteView(RecordActionView):
    form_class = NoteForm

    def act(self, data):
        AmbassadorEvent.objects.create(
            record=self.ambassador, kind=EntryKind.NOTE, text=data["text"], actor=self.request.user
        )
        messages.success(self.request, _("Note added."))


class ReleaseFromSpamReviewView(RecordActionView):
    """A person checked a held sign-up and found it genuine: it joins the working list."""

    def get_form(self):
        return NoteForm({"text": _("Released from spam review")})

    def act(self, data):
        if not self.ambassador.needs_spam_review:
            return
        Ambassador.objects.filter(pk=self.ambassador.pk).update(needs_spam_review=False)
        # The person hears from us only once someone has seen the sign-up is genuine.
        service = SupportSettings.for_request(self.request)
        AmbassadorSignupFlow.queue_emails(self.ambassador, self.ambassador.reference, service)
        AmbassadorEvent.objects.create(
            record=self.ambassador, kind=EntryKind.NOTE, text=data["text"], actor=self.request.user
        )
        audit(self.ambassador, "ambassadors.release_spam_review", self.request.user)
        messages.success(self.request, _("Released from spam review."))


class DeleteSpamView(View):
    """A held sign-up someone judged to be spam goes, with its emails, receipts and audit mentions; back
    to the sign-ups still waiting for review."""

    http_method_names = ["post"]

    def post(self, request, pk):
        if not request.user.has_perm(DELETE_PERMISSION):
            raise PermissionDenied
        ambassador = get_object_or_404(Ambassador, pk=pk)
        try:
            reference = delete_as_spam(ambassador, request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("ambassadors:inspect", pk)
        messages.success(request, _("Deleted as spam: %(reference)s.") % {"reference": reference})
        return redirect(reverse("ambassadors:index") + "?spam_review=held")
