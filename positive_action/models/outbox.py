"""The durable email outbox shared by every app that writes to the public (see positive_action/outbox.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EmailDeliveryQuerySet(models.QuerySet):
    def for_reference(self, reference):
        return self.filter(reference=reference)

    def due(self, now):
        return self.filter(status=EmailDelivery.Status.QUEUED).filter(
            models.Q(next_attempt_at__isnull=True) | models.Q(next_attempt_at__lte=now)
        )

    def overdue(self, before):
        """Queued rows that were due already at ``before``: written then, or with a retry due then."""
        return self.filter(status=EmailDelivery.Status.QUEUED).filter(
            models.Q(next_attempt_at__isnull=True, created__lte=before)
            | models.Q(next_attempt_at__lte=before)
        )

    def lease_expired(self, claimed_before):
        return self.filter(status=EmailDelivery.Status.SENDING, claimed_at__lt=claimed_before)

    def unsent(self):
        return self.filter(status__in=[EmailDelivery.Status.QUEUED, EmailDelivery.Status.SENDING])

    def oldest_created(self):
        return self.aggregate(oldest=models.Min("created"))["oldest"]


class EmailDelivery(models.Model):
    """One email to one recipient, written in the same transaction as the record it belongs to."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    reference = models.CharField(
        _("reference"),
        max_length=32,
        db_index=True,
        help_text=_("The human reference of the record the email belongs to, e.g. PA-7KQ4M2"),
    )
    kind = models.CharField(_("kind"), max_length=50, blank=True, help_text=_("e.g. confirmation"))
    recipient = models.EmailField(_("recipient"))
    reply_to = models.EmailField(
        _("reply to"), blank=True, help_text=_("Where the person's reply goes, for emails sent from a record")
    )
    subject = models.CharField(_("subject"), max_length=255)
    body = models.TextField(_("body"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    claimed_at = models.DateTimeField(_("claimed by a worker at"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)

    objects = EmailDeliveryQuerySet.as_manager()

    class Meta:
        verbose_name = _("email delivery")
        verbose_name_plural = _("email deliveries")
        ordering = ["created", "pk"]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="emaildelivery_due_idx")]

    def __str__(self):
        return f"{self.reference}: {self.subject} ({self.get_status_display()})"
