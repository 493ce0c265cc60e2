"""What every public submission stores, whichever form it came through (SubmissionFlow serves them)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .contact import (
    CALL_METHODS,
    PHONE_METHODS,
    CallbackTime,
    ContactMethod,
    Interpreter,
    language_field_choices,
)
from .languages import DEFAULT_LANGUAGE_CODE
from .text import plain_text


class PublicSubmission(models.Model):
    """The person, their consent, the spam-review hold and the references they were given.

    A second submission from the same person joins their open record: its reference is added to
    ``other_references`` so that staff can find the record by either. Retention anonymises these fields the
    same way for every kind of record (positive_action/data_protection/retention.py).
    """

    reference = models.CharField(_("reference"), max_length=20, unique=True, editable=False)
    other_references = models.CharField(
        _("references of later submissions"),
        max_length=500,
        blank=True,
        editable=False,
        help_text=_("References shown to the person when they sent the form again and joined this record"),
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("email"), max_length=254, db_index=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    # How and in which language to contact them (issue 19); all personal, so retention clears them.
    preferred_contact = models.CharField(
        _("preferred contact method"),
        max_length=10,
        choices=ContactMethod.choices,
        default=ContactMethod.EMAIL,
    )
    callback_time = models.CharField(
        _("good time to call"),
        max_length=10,
        choices=CallbackTime.choices,
        blank=True,
        help_text=_("Kept only for a phone call or WhatsApp"),
    )
    contact_language = models.CharField(
        _("preferred language"),
        max_length=10,
        choices=language_field_choices(),
        default=DEFAULT_LANGUAGE_CODE,
        db_index=True,
        help_text=_("The language they would like to be contacted in; their confirmation email was in it"),
    )
    interpreter = models.CharField(
        _("interpreter wanted"), max_length=10, choices=Interpreter.choices, blank=True
    )
    language = models.CharField(
        _("language of the form"),
        max_length=10,
        choices=language_field_choices(),
        default=DEFAULT_LANGUAGE_CODE,
        editable=False,
        help_text=_("The language of the pages when they sent the form"),
    )
    consented_at = models.DateTimeField(_("consented to contact and the privacy notice at"))
    needs_spam_review = models.BooleanField(
        _("needs spam review"),
        default=False,
        db_index=True,
        help_text=_("Held out of the working list because the spam check failed or could not run"),
    )
    spam_reason = models.CharField(_("spam check"), max_length=200, blank=True)
    created = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True

    def clean(self):
        """Text staff type into Wagtail's edit forms (which call this) loses the same invisible characters
        as the public forms' (recruitment_site.core.text); a required field left empty by that is refused."""
        super().clean()
        for field in self._meta.concrete_fields:
            value = getattr(self, field.attname)
            if not isinstance(field, (models.CharField, models.TextField)) or field.choices or not value:
                continue
            setattr(self, field.attname, plain_text(value))
            if not field.blank and not getattr(self, field.attname).strip():
                raise ValidationError({field.name: field.error_messages["blank"]})
        self.clean_contact_preferences()

    def clean_contact_preferences(self):
        """The same rules as the public forms' when staff correct a record: a method that needs a number
        has one, and a good time to call is kept only for a call."""
        if self.preferred_contact in PHONE_METHODS and not self.phone.strip():
            raise ValidationError(
                {"phone": _("Enter their phone number, or choose a contact method that needs none")}
            )
        if self.preferred_contact not in CALL_METHODS:
            self.callback_time = ""

    def get_contact_language_summary(self):
        """For lists: the preferred language, and an interpreter when one is or may be wanted."""
        language = self.get_contact_language_display()
        if self.interpreter == Interpreter.YES:
            return _("%(language)s, interpreter wanted") % {"language": language}
        if self.interpreter == Interpreter.NOT_SURE:
            return _("%(language)s, interpreter: not sure") % {"language": language}
        return language

    @property
    def email_language(self):
        """The language their emails are written in: the one they asked to be contacted in."""
        return self.contact_language or self.language or DEFAULT_LANGUAGE_CODE

    # Fields retention clears or truncates on every kind of record, beside each model's own.
    personal_fields = (
        "name",
        "email",
        "phone",
        "spam_reason",
        "preferred_contact",
        "callback_time",
        "contact_language",
        "interpreter",
        "language",
    )
    dated_fields = ("consented_at", "created")
