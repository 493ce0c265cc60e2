"""The questions both public forms ask about contacting the person (issue 19): how, when to call, in which
language and whether they would like an interpreter. A public form inherits ``ContactPreferencesForm``
and draws the questions with templates/components/forms/contact_preferences.html."""

from django import forms
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext_lazy
from django.utils.translation import gettext_lazy as _

from recruitment_site.core.contact import (
    CALL_METHODS,
    OFFERED_CONTACT_METHODS,
    PHONE_METHODS,
    CallbackTime,
    ContactMethod,
    Interpreter,
    active_site_language,
    phone_needed_message,
)
from recruitment_site.core.languages import LANGUAGES, get_language

# The order of the questions from the name to the contact preferences; a form's own questions follow.
CONTACT_FIELD_ORDER = [
    "name",
    "email",
    "phone",
    "preferred_contact",
    "callback_time",
    "contact_language",
    "interpreter",
]


def language_option(language, page_language):
    """A language as the person looks for it: in its own script, marked with its language and direction
    so a screen reader reads it correctly, then its name in the page's language when that differs."""
    own_name = format_html(
        '<span lang="{}" dir="{}">{}</span>', language.code, language.direction, language.name_local
    )
    if language.code == page_language:
        return own_name
    # A dash, not brackets: "Kurdî (Kurmancî)" has brackets of its own.
    return format_html("{} – {}", own_name, gettext(language.english_name))


def contact_language_choices():
    page_language = active_site_language()
    return [(language.code, language_option(language, page_language)) for language in LANGUAGES]


class ContactPreferencesForm(forms.Form):
    preferred_contact = forms.ChoiceField(
        label=_("How would you like us to contact you?"),
        choices=[(method.value, method.label) for method in OFFERED_CONTACT_METHODS],
        widget=forms.RadioSelect,
        error_messages={"required": _("Select how we should contact you")},
    )
    callback_time = forms.ChoiceField(
        label=_("When is a good time to call you?"),
        choices=CallbackTime.choices,
        widget=forms.RadioSelect,
        required=False,
        help_text=_("Only if you chose a phone call or WhatsApp"),
    )
    contact_language = forms.ChoiceField(
        label=_("Which language would you like us to use?"),
        choices=(),
        widget=forms.RadioSelect,
        required=False,
        help_text=_("Your confirmation email will be in this language"),
    )
    interpreter = forms.ChoiceField(
        label=_("Would you like an interpreter when we speak to you?"),
        choices=Interpreter.choices,
        widget=forms.RadioSelect,
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        contact_language = self.fields["contact_language"]
        contact_language.choices = contact_language_choices()
        # Unless they choose otherwise, we write in the language they are reading.
        contact_language.initial = active_site_language()

    def clean(self):
        cleaned = super().clean()
        method = cleaned.get("preferred_contact")
        if method in PHONE_METHODS and not cleaned.get("phone") and "phone" not in self.errors:
            self.add_error("phone", phone_needed_message(method))
        if method not in CALL_METHODS:
            # Hidden by the page's script for these methods, and meaningless for them without it.
            cleaned["callback_time"] = ""
        cleaned["contact_language"] = get_language(
            cleaned.get("contact_language") or active_site_language()
        ).code
        return cleaned

    def contact_preferences(self):
        """The answers as the record's fields, plus the language of the page the form was sent from."""
        data = self.cleaned_data
        return {
            "preferred_contact": data["preferred_contact"],
            "callback_time": data["callback_time"],
            "contact_language": data["contact_language"],
            "interpreter": data["interpreter"],
            "language": active_site_language(),
        }


# The confirmation email's promise of a first contact, by the method the person chose.
FIRST_CONTACT = {
    ContactMethod.EMAIL: ngettext_lazy(
        "What happens next: someone from our diversity team will email you within %(days)d working day.",
        "What happens next: someone from our diversity team will email you within %(days)d working days.",
        "days",
    ),
    ContactMethod.PHONE: ngettext_lazy(
        "What happens next: someone from our diversity team will phone you within %(days)d working day.",
        "What happens next: someone from our diversity team will phone you within %(days)d working days.",
        "days",
    ),
    ContactMethod.WHATSAPP: ngettext_lazy(
        "What happens next: someone from our diversity team will contact you on WhatsApp within %(days)d "
        "working day.",
        "What happens next: someone from our diversity team will contact you on WhatsApp within %(days)d "
        "working days.",
        "days",
    ),
    ContactMethod.SMS: ngettext_lazy(
        "What happens next: someone from our diversity team will send you a text message within %(days)d "
        "working day.",
        "What happens next: someone from our diversity team will send you a text message within %(days)d "
        "working days.",
        "days",
    ),
}
ANY_CONTACT = ngettext_lazy(
    "What happens next: someone from our diversity team will contact you within %(days)d working day.",
    "What happens next: someone from our diversity team will contact you within %(days)d working days.",
    "days",
)


def first_contact_promise(method, days):
    """The sentence in the active language: render it inside the email's translation.override."""
    return FIRST_CONTACT.get(method, ANY_CONTACT) % {"days": days}
