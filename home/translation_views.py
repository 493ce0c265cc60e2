"""Admin screens for translations (issue 18): the translation status report, clearing the "needs
native review" flag, and submitting a synced translation for moderation."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log
from wagtail_localize.models import Translation

from home.models import TranslationReviewFlag
from home.translation import (
    may_clear_review_flag,
    may_edit,
    may_see_translation_status,
    submit_for_moderation,
    translation_rows,
)
from recruitment_site.core.admin_pages import TitledHeaderMixin, forbidden

REVIEWED_ACTION = "home.translation_reviewed"
SUBMITTED_ACTION = "home.translation_submitted"


class TranslationStatusView(TitledHeaderMixin, WagtailAdminTemplateMixin, TemplateView):
    """Every translation the user may edit, out-of-date ones first, with what each still needs."""

    template_name = "home/admin/translation_status.html"

    def dispatch(self, request, *args, **kwargs):
        if not may_see_translation_status(request.user):
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)

    page_title = gettext_lazy("Translation status")
    header_icon = "globe"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        rows = [row for row in translation_rows(Translation.objects.all()) if may_edit(user, row.instance)]
        only_out_of_date = self.request.GET.get("out_of_date") == "1"
        if only_out_of_date:
            rows = [row for row in rows if row.out_of_date]
        rows.sort(key=lambda row: (not row.out_of_date, not row.needs_review, str(row.instance)))
        context.update(
            rows=rows,
            only_out_of_date=only_out_of_date,
            may_sync=user.has_perm("wagtail_localize.submit_translation"),
            may_clear=may_clear_review_flag(user),
        )
        return context


def target_of(translation_id):
    translation = get_object_or_404(Translation, pk=translation_id, enabled=True)
    return translation, translation.get_target_instance()


@require_POST
def submit_translation(request, translation_id):
    translation, instance = target_of(translation_id)
    if not may_edit(request.user, instance):
        return forbidden(request)
    if getattr(instance, "workflow_in_progress", False):
        messages.warning(request, _("This translation is already awaiting moderation."))
    elif submit_for_moderation(translation, request.user) is None:
        messages.error(request, _("No moderation workflow covers this translation."))
    else:
        log(instance, SUBMITTED_ACTION, user=request.user)
        messages.success(request, _("Translation submitted for moderation."))
    return redirect(translation.get_target_instance_edit_url())


@require_POST
def clear_review_flag(request, translation_id):
    translation, instance = target_of(translation_id)
    if not may_clear_review_flag(request.user):
        return forbidden(request)
    deleted, _rows = TranslationReviewFlag.objects.for_instance(instance).delete()
    if deleted:
        log(instance, REVIEWED_ACTION, user=request.user)
        messages.success(request, _("Marked as reviewed by a native speaker."))
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = translation.get_target_instance_edit_url()
    return redirect(next_url)
