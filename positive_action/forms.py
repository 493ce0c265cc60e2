import re

from django import forms
from django.utils.translation import gettext_lazy as _

from home.caching import cached_under_content_version, content_version
from home.models import Borough
from recruitment_site.core.phone import valid_phone

from .choices import ApplicationProgress, HeardAbout, RoleOfInterest, SupportType
from .contact_preferences import CONTACT_FIELD_ORDER, ContactPreferencesForm
from .forms_mixin import AccessibleFormMixin
from .models.equality import QUESTIONS

OUTSIDE_FORCE_AREA = "outside"
# Every save or delete of a borough moves the page cache's content version, which is part of the key; the
# timeout bounds how long a server process with its own (not shared) cache can offer an outdated list.
BOROUGHS_CACHE_SECONDS = 300


def active_boroughs():
    """[(slug, name)] of the boroughs offered in the form, cached: the list is read on every GET and POST
    of the registration form and changes a few times a year."""
    return cached_under_content_version(
        f"positive-action:active-boroughs:{content_version()}",
        lambda: list(Borough.objects.active().values_list("slug", "name")),
        BOROUGHS_CACHE_SECONDS,
    )


def borough_choices():
    boroughs = active_boroughs()
    return [("", _("Choose your borough"))] + boroughs + [(OUTSIDE_FORCE_AREA, _("Outside the force area"))]


def radio(label, choices, required=True, help_text=""):
    return forms.ChoiceField(
        label=label, choices=choices, widget=forms.RadioSelect, required=required, help_text=help_text
    )


class SupportRegistrationForm(AccessibleFormMixin, ContactPreferencesForm):
    autocomplete = {"name": "name", "email": "email", "phone": "tel"}
    field_order = CONTACT_FIELD_ORDER

    name = forms.CharField(label=_("Full name"), max_length=150)
    email = forms.EmailField(
        label=_("Email address"), max_length=254, help_text=_("We will send your reference here")
    )
    phone = forms.CharField(
        label=_("Phone number"),
        max_length=32,
        required=False,
        help_text=_(
            "Needed for a phone call, WhatsApp or text messages. A UK number, or an international number "
            "starting with +"
        ),
        widget=forms.TextInput(attrs={"type": "tel"}),
    )
    borough = forms.ChoiceField(label=_("Where do you live?"), choices=())
    role_of_interest = radio(_("Which role interests you?"), RoleOfInterest.choices)
    application_progress = radio(_("Where are you in the application process?"), ApplicationProgress.choices)
    support_wanted = forms.MultipleChoiceField(
        label=_("What support would you like?"),
        choices=SupportType.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Select all that apply"),
    )
    access_needs = forms.CharField(
        label=_("Access needs"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Anything we should arrange so you can take part, for example step-free access or an interpreter"
        ),
    )
    heard_about = radio(_("How did you hear about us?"), HeardAbout.choices)
    referral_code = forms.CharField(max_length=32, required=False, widget=forms.HiddenInput)
    consent = forms.BooleanField(
        label=_("I agree to be contacted about support and I have read the privacy notice"),
        error_messages={
            "required": _("Confirm that you agree to be contacted and have read the privacy notice")
        },
    )

    error_messages_by_field = {
        "name": _("Enter your full name"),
        "email": _("Enter your email address"),
        "borough": _("Select where you live"),
        "role_of_interest": _("Select the role that interests you"),
        "application_progress": _("Select where you are in the application process"),
        "support_wanted": _("Select at least one kind of support"),
        "heard_about": _("Select how you heard about us"),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["borough"].choices = borough_choices()
        for name, message in self.error_messages_by_field.items():
            self.fields[name].error_messages["required"] = message
        self.fields["email"].error_messages["invalid"] = _(
            "Enter an email address in the correct format, like name@example.com"
        )
        for name, question, choices in QUESTIONS:
            self.fields[f"equality_{name}"] = radio(question, choices.choices, required=False)

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not re.search(r"\w", name):
            raise forms.ValidationError(_("Enter your full name"))
        return name

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if phone and not valid_phone(phone):
            raise forms.ValidationError(
                _("Enter a phone number, like 020 7946 0123, 07700 900 982 or +33 6 12 34 56 78")
            )
        return phone

    def borough_instance(self):
        slug = self.cleaned_data["borough"]
        return None if slug == OUTSIDE_FORCE_AREA else Borough.objects.get(slug=slug)

    def equality_answers(self):
        return {name: self.cleaned_data.get(f"equality_{name}") or "" for name, _q, _c in QUESTIONS}

    def equality_fields(self):
        return [self[f"equality_{name}"] for name, _q, _c in QUESTIONS]
