"""Equality monitoring answers: special-category data, kept apart from the support request."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from positive_action.choices import Disability, Ethnicity, GenderIdentity, Religion, Sex, SexualOrientation

from .support import SupportRequest

# (field name, question, choices): the report and the form both walk this list.
QUESTIONS = [
    ("ethnicity", _("What is your ethnic group?"), Ethnicity),
    ("sex", _("What is your sex?"), Sex),
    (
        "gender_identity",
        _("Is the gender you identify with the same as your sex registered at birth?"),
        GenderIdentity,
    ),
    (
        "sexual_orientation",
        _("Which of the following best describes your sexual orientation?"),
        SexualOrientation,
    ),
    ("religion", _("What is your religion or belief?"), Religion),
    (
        "disability",
        _("Do you consider yourself to have a disability or long-term health condition?"),
        Disability,
    ),
]


class EqualityMonitoring(models.Model):
    """Optional answers. Never shown on the record or exported: only counted, for Diversity leads."""

    support_request = models.OneToOneField(
        SupportRequest,
        on_delete=models.CASCADE,
        related_name="equality_monitoring",
        verbose_name=_("support request"),
    )
    ethnicity = models.CharField(_("ethnic group"), max_length=40, choices=Ethnicity.choices, blank=True)
    sex = models.CharField(_("sex"), max_length=20, choices=Sex.choices, blank=True)
    gender_identity = models.CharField(
        _("gender identity"), max_length=20, choices=GenderIdentity.choices, blank=True
    )
    sexual_orientation = models.CharField(
        _("sexual orientation"), max_length=20, choices=SexualOrientation.choices, blank=True
    )
    religion = models.CharField(_("religion or belief"), max_length=20, choices=Religion.choices, blank=True)
    disability = models.CharField(_("disability"), max_length=20, choices=Disability.choices, blank=True)

    class Meta:
        verbose_name = _("equality monitoring answers")
        verbose_name_plural = _("equality monitoring answers")

    def __str__(self):
        return str(_("Equality monitoring answers"))

    def has_answers(self):
        return any(getattr(self, name) for name, _question, _choices in QUESTIONS)
