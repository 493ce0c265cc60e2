"""One-time submission tokens: the generic double-submit guard (see positive_action/submissions.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SubmissionReceipt(models.Model):
    """A public form post that has been processed. The token comes from a hidden field written when the
    form was shown, so a refresh, a double click or back-and-resubmit finds this row instead of
    creating a second record."""

    token = models.UUIDField(_("token"), unique=True)
    scope = models.CharField(_("form"), max_length=50)
    reference = models.CharField(
        _("reference shown"),
        max_length=32,
        blank=True,
        db_index=True,
        help_text=_("Shown on the confirmation"),
    )
    record_reference = models.CharField(_("record reference"), max_length=32, blank=True, db_index=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("submission receipt")

    def __str__(self):
        return f"{self.scope} {self.reference}"
