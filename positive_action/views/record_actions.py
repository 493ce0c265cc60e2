"""The forms on a support record (log activity, email, owner, stage, next contact, note, release) and what
each does when it is sent."""

from dataclasses import dataclass

from django import forms
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..choices import ACTIVITY_KINDS
from ..models import CaseworkEmailTemplate, SupportSettings
from ..team import staff_name, team_members
from ..workflow import (
    add_note,
    assign_owner,
    change_stage,
    email_person,
    log_activity,
    release_from_spam_review,
    set_next_contact,
    stage_choices,
)

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
    reply_to = SupportSettings.for_request(request).team_email or request.user.email
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
    return release_from_spam_review(record, request.user, SupportSettings.for_request(request))


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
