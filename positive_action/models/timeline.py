"""The timeline pattern: one row per thing that happened to a record, who did it and when.

Subclass ``TimelineEntry`` with a foreign key named ``record`` (``related_name="timeline"``) and give it
the kinds your record needs. Emails are not copied into the timeline: ``merged_timeline`` reads them
from the outbox by reference, so the outbox stays the single source of what was sent.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TimelineEntry(models.Model):
    kind = models.CharField(_("kind"), max_length=32)
    text = models.TextField(_("text"), blank=True, max_length=5000)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    data = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        abstract = True
        ordering = ["-created", "-pk"]
