"""How a person who sends a public form would like to be contacted (issue 19): the method, a good time
for a call, the language and whether they would like an interpreter. Every kind of record stores these
(recruitment_site.core.models.PublicSubmission), so the choices live in the shared layer."""

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from .languages import LANGUAGES, get_language


class ContactMethod(models.TextChoices):
    EMAIL = "email", _("Email")
    PHONE = "phone", _("Phone call")
    WHATSAPP = "whatsapp", _("WhatsApp")
    SMS = "sms", _("Text message (SMS)")
    # Offered before WhatsApp and text messages were (issue 19); kept so that older records still read
    # as the person answered. The forms no longer offer it.
    EITHER = "either", _("Email or phone")


# What the public forms offer, in the order they offer it.
OFFERED_CONTACT_METHODS = [
    ContactMethod.EMAIL,
    ContactMethod.PHONE,
    ContactMethod.WHATSAPP,
    ContactMethod.SMS,
]
# These need the person's number: a form choosing one without a number is refused.
PHONE_METHODS = (ContactMethod.PHONE, ContactMethod.WHATSAPP, ContactMethod.SMS)
# These are calls, for which a good time of day means something; for the others it is not kept.
CALL_METHODS = (ContactMethod.PHONE, ContactMethod.WHATSAPP)


class CallbackTime(models.TextChoices):
    MORNING = "morning", _("Morning (9am to 12pm)")
    AFTERNOON = "afternoon", _("Afternoon (12pm to 5pm)")
    EVENING = "evening", _("Evening (5pm to 8pm)")
    ANY = "any", _("Any time")


class Interpreter(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    NOT_SURE = "not_sure", _("Not sure")


# The answers that tell the team to arrange one (the queue's "Interpreter wanted" filter).
INTERPRETER_WANTED = (Interpreter.YES, Interpreter.NOT_SURE)


def language_field_choices():
    """(code, English name) for the records' language fields: what staff read in the queue, its filters
    and exports, translated when the admin is not in English."""
    return [(language.code, _(language.english_name)) for language in LANGUAGES]


def phone_needed_message(method):
    """The error beside the phone field when a method that needs a number was chosen without one."""
    messages = {
        ContactMethod.PHONE: _("Enter a phone number, as you asked us to phone you"),
        ContactMethod.WHATSAPP: _("Enter the phone number you use for WhatsApp, as you asked us to use it"),
        ContactMethod.SMS: _("Enter a mobile phone number, as you asked us to send text messages"),
    }
    return messages[method]


def active_site_language():
    """The site language of the page being shown or posted: the active language, read as one of the
    site's codes (a regional variant as its language, anything unknown as English)."""
    return get_language(translation.get_language()).code
