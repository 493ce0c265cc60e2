"""The queue's bulk actions at /admin/bulk/positive_action/supportrequest/<action>/.

Each one refuses, with a 403 and before it lists anything, anyone who may not see the queue: Wagtail's
confirmation page would otherwise show the references of the chosen records to any member of staff.
Wagtail's own Delete, registered for every snippet model, is replaced by "Delete spam", which removes
only submissions held for spam review and leaves no trace of them (positive_action/removal.py).
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from recruitment_site.core.admin_pages import forbidden

from .choices import Stage
from .models import SupportRequest
from .removal import delete_as_spam
from .team import staff_name, team_members
from .views.queue import QUEUE_PERMISSIONS
from .workflow import TransitionNotAllowed, assign_owner, change_stage

CHANGE_PERMISSION = "positive_action.change_supportrequest"
DELETE_PERMISSION = "positive_action.delete_supportrequest"


class OwnerForm(forms.Form):
    owner = forms.ModelChoiceField(
        label=_("Owner"), queryset=None, required=False, empty_label=_("Unassigned")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = team_members()
        self.fields["owner"].label_from_instance = staff_name


class StageForm(forms.Form):
    stage = forms.ChoiceField(label=_("New stage"), choices=Stage.choices)


class QueueBulkAction(SnippetBulkAction):
    models = [SupportRequest]
    template_name = "positive_action/admin/bulk_action.html"

    def dispatch(self, request, *args, **kwargs):
        if not any(request.user.has_perm(permission) for permission in QUEUE_PERMISSIONS):
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)

    def check_perm(self, obj):
        return self.request.user.has_perm(CHANGE_PERMISSION)


class AssignOwnerBulkAction(QueueBulkAction):
    display_name = _("Assign")
    action_type = "assign_owner"
    aria_label = _("Assign an owner to the selected requests")
    action_priority = 10
    form_class = OwnerForm

    def get_execution_context(self):
        return {"owner": self.cleaned_form.cleaned_data["owner"], "user": self.request.user}

    @classmethod
    def execute_action(cls, objects, owner=None, user=None, **kwargs):
        for record in objects:
            assign_owner(record, owner, user)
        return len(objects), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext("%(count)d request assigned", "%(count)d requests assigned", num_parent_objects) % {
            "count": num_parent_objects
        }


class ChangeStageBulkAction(QueueBulkAction):
    """Records for which the stage change is not allowed are left as they are and counted."""

    display_name = _("Change stage")
    action_type = "change_stage"
    aria_label = _("Change the stage of the selected requests")
    action_priority = 20
    form_class = StageForm

    def get_execution_context(self):
        return {"stage": self.cleaned_form.cleaned_data["stage"], "user": self.request.user}

    @classmethod
    def execute_action(cls, objects, stage=None, user=None, **kwargs):
        changed = 0
        for record in objects:
            try:
                change_stage(record, stage, user)
                changed += 1
            except TransitionNotAllowed:
                continue
        return changed, 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d request moved (others could not make that change)",
            "%(count)d requests moved (others could not make that change)",
            num_parent_objects,
        ) % {"count": num_parent_objects}


class DeleteSpamBulkAction(QueueBulkAction):
    """Takes the place of Wagtail's Delete (same action type) for the queue. Only held submissions can be
    chosen; a real person's record leaves only through erasure, which Diversity leads run."""

    display_name = _("Delete spam")
    action_type = "delete"
    aria_label = _("Delete the selected submissions held for spam review")
    action_priority = 30
    classes = {"serious"}
    template_name = "positive_action/admin/bulk_delete_spam.html"

    def check_perm(self, obj):
        return obj.needs_spam_review and self.request.user.has_perm(DELETE_PERMISSION)

    def get_execution_context(self):
        return {"user": self.request.user}

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        # Wagtail runs this inside one transaction: all of them go, or none.
        for record in objects:
            delete_as_spam(record, user)
        return len(objects), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d submission deleted as spam",
            "%(count)d submissions deleted as spam",
            num_parent_objects,
        ) % {"count": num_parent_objects}
