"""The task worker's heartbeat: how `/healthz` and other workers know a worker is alive."""

from datetime import timedelta

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class WorkerHeartbeatQuerySet(models.QuerySet):
    def alive(self, max_age, now=None):
        return self.filter(beat_at__gte=(now or timezone.now()) - max_age)

    def newest_beat(self):
        return self.aggregate(newest=models.Max("beat_at"))["newest"]

    def stopped_long_ago(self, now=None):
        # A worker that has not beaten for a day is gone for good (a deploy replaced it): its row only
        # clutters the table.
        return self.filter(beat_at__lt=(now or timezone.now()) - timedelta(days=1))


class WorkerHeartbeat(models.Model):
    """One row per running `manage.py db_worker`, written every few seconds while it can reach the
    database (positive_action/worker.py)."""

    worker_id = models.CharField(_("worker id"), max_length=64, unique=True)
    host = models.CharField(_("host"), max_length=255, blank=True)
    pid = models.PositiveIntegerField(_("process id"), null=True, blank=True)
    started_at = models.DateTimeField(_("started"))
    beat_at = models.DateTimeField(_("last heartbeat"), db_index=True)

    objects = WorkerHeartbeatQuerySet.as_manager()

    class Meta:
        verbose_name = _("worker heartbeat")
        verbose_name_plural = _("worker heartbeats")

    def __str__(self):
        return f"{self.worker_id} on {self.host} ({self.beat_at:%Y-%m-%d %H:%M:%S})"
