"""The public ambassador sign-up form, rendered with the shared GOV.UK-pattern form components."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from home.models import Borough, Community
from positive_action.contact_preferences import CONTACT_FIELD_ORDER, ContactPreferencesForm
from positive_action.forms_mixin import AccessibleFormMixin
from recruitment_site.core.phone import valid_phone

from .models.choices import CommunityRole, NetworkType, TimeCommitment

REQUIRED_MESSAGES = {
    "name": _("Enter your full name"),
    "email": _("Enter your email address"),
    "phone": _("Enter your phone number"),
    "community_role": _("Select your role in the community"),
    "boroughs": _("Select at least one borough you are active in"),
    "languages": _("Enter the languages you speak"),
    "networks": _("Select at least one kind of network you can reach"),
    "time_commitment": _("Select how much time you can give"),
    "motivation": _("Tell us why you want to be an ambassador"),
}


class AmbassadorSignupForm(AccessibleFormMixin, ContactPreferencesForm):
    autocomplete = {"name": "name", "email": "email", "phone": "tel", "organisation": "organization"}
    field_order = CONTACT_FIELD_ORDER

    name = forms.CharField(label=_("Full name"), max_length=150)
    email = forms.EmailField(
        label=_("Email address"), max_length=254, help_text=_("We will send your reference here")
    )
    phone = forms.CharField(
        label=_("Phone number"),
        max_length=32,
        help_text=_("A UK number, or an international number starting with +"),
        widget=forms.TextInput(attrs={"type": "tel"}),
    )
    organisation = forms.CharField(
        label=_("Organisation or community group"),
        max_length=200,
        required=False,
        help_text=_("For example your mosque, church, temple, youth club, school or business"),
    )
    community_role = forms.ChoiceField(
        label=_("Your role in the community"), choices=CommunityRole.choices, widget=forms.RadioSelect
    )
    boroughs = forms.ModelMultipleChoiceField(
        label=_("Boroughs you are active in"),
        queryset=Borough.objects.none(),
        to_field_name="slug",
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Select all that apply"),
    )
    communities = forms.ModelMultipleChoiceField(
        label=_("Communities you connect with"),
        queryset=Community.objects.none(),
        to_field_name="slug",
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Select all that apply"),
    )
    other_communities = forms.CharField(
        label=_("Other communities"),
        max_length=300,
        required=False,
        help_text=_("Any community not in the list above"),
    )
    languages = forms.CharField(
        label=_("Languages you speak"),
        max_length=300,
        help_text=_("For example English, Bengali, Sylheti"),
    )
    networks = forms.MultipleChoiceField(
        label=_("Networks you can reach"),
        choices=NetworkType.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Select all that apply"),
    )
    time_commitment = forms.ChoiceField(
        label=_("How much time can you give?"), choices=TimeCommitment.choices, widget=forms.RadioSelect
    )
    motivation = forms.CharField(
        label=_("Why do you want to be an ambassador?"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("A few sentences is enough"),
    )
    consent = forms.BooleanField(
        label=_("I agree to be contacted about the ambassador programme and I have read the privacy notice"),
        error_messages={
            "required": _("Confirm that you agree to be contacted and have read the privacy notice")
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["boroughs"].queryset = Borough.objects.active()
        self.fields["communities"].queryset = Community.objects.active()
        for name, message in REQUIRED_MESSAGES.items():
            self.fields[name].error_messages["required"] = message
        self.fields["email"].error_messages["invalid"] = _(
            "Enter an email address in the correct format, like name@example.com"
        )
        for name in ("boroughs", "communities"):
            self.fields[name].error_messages["invalid_choice"] = _("Select from the list")
            self.fields[name].error_messages["invalid_pk_value"] = _("Select from the list")

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not re.search(r"\w", name):
            raise forms.ValidationError(REQUIRED_MESSAGES["name"])
        return name

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if not valid_phone(phone):
            raise forms.ValidationError(
                _("Enter a phone number, like 020 7946 0123, 07700 900 982 or +33 6 12 34 56 78")
            )
        return phone

    def clean_languages(self):
        languages = self.cleaned_data["languages"].strip()
        if not re.search(r"\w", languages):
            raise forms.ValidationError(REQUIRED_MESSAGES["languages"])
        return languages
