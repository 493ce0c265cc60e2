"""Emails the team sends from a record, written once and reused: a snippet the team edits."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel

PLACEHOLDER = re.compile(r"\{(\w+)\}")
PLACEHOLDERS = {
    "first_name": _("the person’s first name"),
    "name": _("the person’s full name"),
    "reference": _("their reference, e.g. PA-7KQ4M2"),
    "sender_name": _("the full name of the member of staff sending it"),
}


def unknown_placeholders(text):
    return sorted({name for name in PLACEHOLDER.findall(text) if name not in PLACEHOLDERS})


def fill_placeholders(text, values):
    return PLACEHOLDER.sub(lambda match: values.get(match.group(1), match.group(0)), text)


def placeholder_help():
    return "; ".join(f"{{{name}}}: {meaning}" for name, meaning in PLACEHOLDERS.items())


class CaseworkEmailTemplate(models.Model):
    title = models.CharField(
        _("name"),
        max_length=100,
        unique=True,
        help_text=_("What the team sees when choosing, e.g. “Mock interview invitation”"),
    )
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("body"), max_length=5000)

    panels = [
        HelpPanel(
            heading=_("Placeholders"),
            content=_("These are replaced when the email is written for a record: %(list)s.")
            % {"list": placeholder_help()},
        ),
        FieldPanel("title"),
        FieldPanel("subject"),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("casework email template")
        verbose_name_plural = _("casework email templates")
        ordering = ["title"]

    def __str__(self):
        return self.title

    def clean(self):
        errors = {}
        for field in ("subject", "body"):
            unknown = unknown_placeholders(getattr(self, field))
            if unknown:
                errors[field] = _("Unknown placeholder %(names)s. Use only %(known)s.") % {
                    "names": ", ".join(f"{{{name}}}" for name in unknown),
                    "known": ", ".join(f"{{{name}}}" for name in PLACEHOLDERS),
                }
        if errors:
            raise ValidationError(errors)

    def written_for(self, record, sender_name):
        """(subject, body) with the placeholders filled in for this record."""
        values = {
            "first_name": record.name.split()[0] if record.name.split() else "",
            "name": record.name,
            "reference": record.reference,
            "sender_name": sender_name,
        }
        return fill_placeholders(self.subject, values), fill_placeholders(self.body, values)
