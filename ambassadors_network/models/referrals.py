"""Which ambassador brought a person to positive-action support."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .ambassadors import Ambassador


class ReferralQuerySet(models.QuerySet):
    def for_ambassador(self, ambassador):
        return self.filter(ambassador=ambassador)

    def in_queue(self):
        """Referrals whose registration is in the support queue, not held for spam review."""
        return self.filter(support_request__needs_spam_review=False)


class Referral(models.Model):
    """A support registration attributed to an ambassador when it arrived.

    Attribution is decided once, at registration, from the code the person brought: a code belonging to an
    approved, trained or active ambassador. An ambassador who later leaves keeps the people they brought;
    a code used after they left (or a declined, unknown or mistyped one) attributes nobody.
    """

    support_request = models.OneToOneField(
        "positive_action.SupportRequest",
        verbose_name=_("support request"),
        on_delete=models.CASCADE,
        related_name="ambassador_referral",
    )
    ambassador = models.ForeignKey(
        Ambassador, verbose_name=_("ambassador"), on_delete=models.CASCADE, related_name="referrals"
    )
    code = models.CharField(_("code used"), max_length=20)
    created = models.DateTimeField(_("referred"), auto_now_add=True, db_index=True)

    objects = ReferralQuerySet.as_manager()

    class Meta:
        verbose_name = _("ambassador referral")
        verbose_name_plural = _("ambassador referrals")
        ordering = ["-created", "-pk"]

    def __str__(self):
        return f"{self.ambassador.reference} → {self.support_request.reference}"
