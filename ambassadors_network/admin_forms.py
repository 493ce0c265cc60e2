"""Small forms behind the actions on an ambassador's record."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import ContactType
from .status import allowed_next_statuses


class StatusChangeForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"))
    note = forms.CharField(label=_("Note (optional)"), required=False, max_length=2000, widget=forms.Textarea)

    def __init__(self, *args, ambassador, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [
            (status.value, status.label) for status in allowed_next_statuses(ambassador)
        ]


class ContactForm(forms.Form):
    contact_type = forms.ChoiceField(label=_("Contact type"), choices=ContactType.choices)
    text = forms.CharField(label=_("What happened"), max_length=5000, widget=forms.Textarea)

    def __init__(self, *args, meetings=None, **kwargs):
        super().__init__(*args, **kwargs)
        if meetings:
            # Attendance at a network meeting is a contact of type "event attended" naming the meeting.
            self.fields["event"] = forms.ChoiceField(
                label=_("Network meeting (for “event attended”)"),
                required=False,
                choices=[("", "---------")]
                + [(str(meeting.pk), f"{meeting.title} ({meeting.start:%d %b %Y})") for meeting in meetings],
            )
            self.order_fields(["contact_type", "event", "text"])

    def describe(self):
        """The timeline text: the meeting attended, if one was chosen, then what the person wrote."""
        event = self.cleaned_data.get("event")
        if not event:
            return self.cleaned_data["text"]
        return f"{dict(self.fields['event'].choices)[event]}: {self.cleaned_data['text']}"


class NoteForm(forms.Form):
    text = forms.CharField(label=_("Note"), max_length=5000, widget=forms.Textarea)
