"""Subject access and erasure in the Wagtail admin, for Diversity leads only; every use is audit-logged."""

import json

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.defaults import permission_denied
from django.views.generic import FormView, TemplateView, View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from positive_action.audit import audit
from recruitment_site.core.admin_pages import TitledHeaderMixin

from .erasure import erase_records
from .models import HANDLE_REQUESTS_PERMISSION
from .people import get_record, records_sharing_email
from .subject_access import SUBJECT_ACCESS_DOWNLOADED, SUBJECT_ACCESS_VIEWED, subject_access_data


class LeadsOnlyMixin:
    """A real 403 for everyone else (Wagtail would turn PermissionDenied into a dashboard redirect)."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(HANDLE_REQUESTS_PERMISSION):
            return permission_denied(request, PermissionDenied())
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def record(self):
        return get_record(self.kwargs["kind"], self.kwargs["pk"])


class SubjectAccessView(LeadsOnlyMixin, TitledHeaderMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "data_protection/admin/subject_access.html"
    page_title = gettext_lazy("Everything held about this person")
    header_icon = "doc-full"

    def get(self, request, *args, **kwargs):
        audit(self.record, SUBJECT_ACCESS_VIEWED, request.user, reference=self.record.reference)
        return super().get(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.record.reference

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(record=self.record, kind=self.kwargs["kind"], data=subject_access_data(self.record))
        return context


class SubjectAccessDownloadView(LeadsOnlyMixin, View):
    def get(self, request, kind, pk):
        data = subject_access_data(self.record)
        audit(self.record, SUBJECT_ACCESS_DOWNLOADED, request.user, reference=self.record.reference)
        response = HttpResponse(
            json.dumps(data, indent=2, ensure_ascii=False), content_type="application/json; charset=utf-8"
        )
        response["Content-Disposition"] = (
            f'attachment; filename="subject-access-{self.record.reference}.json"'
        )
        response["Cache-Control"] = "no-store"
        return response


class ErasureForm(forms.Form):
    also_erase = forms.MultipleChoiceField(
        label=gettext_lazy("Also erase these records with the same email address"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    confirm_reference = forms.CharField(
        label=gettext_lazy("Type the reference to confirm"),
        max_length=32,
        help_text=gettext_lazy("Erasure cannot be undone. Download the subject access copy first if needed."),
    )

    def __init__(self, *args, record, linked, **kwargs):
        super().__init__(*args, **kwargs)
        self.record, self.linked = record, {other.reference: other for other in linked}
        self.fields["also_erase"].choices = [
            (other.reference, f"{other._meta.verbose_name} {other.reference}") for other in linked
        ]
        if not linked:
            del self.fields["also_erase"]

    def clean_confirm_reference(self):
        typed = self.cleaned_data["confirm_reference"].strip().upper()
        if typed != self.record.reference.upper():
            raise forms.ValidationError(_("This is not the record's reference."))
        return typed

    def records_to_erase(self):
        extra = [self.linked[reference] for reference in self.cleaned_data.get("also_erase", [])]
        return [self.record, *extra]


class ErasureView(LeadsOnlyMixin, TitledHeaderMixin, WagtailAdminTemplateMixin, FormView):
    template_name = "data_protection/admin/erase.html"
    form_class = ErasureForm
    page_title = gettext_lazy("Erase a person's data")
    header_icon = "bin"

    def get_page_subtitle(self):
        return self.record.reference

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "record": self.record,
            "linked": records_sharing_email(self.record),
        }

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "record": self.record, "kind": self.kwargs["kind"]}

    def form_valid(self, form):
        references = erase_records(form.records_to_erase(), self.request.user)
        messages.success(self.request, _("Erased: %(references)s.") % {"references": ", ".join(references)})
        return redirect("wagtailadmin_home")
