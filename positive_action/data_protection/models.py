"""What data protection keeps of its own: equality answers folded into counts once the person's row goes."""

from django.db import models
from django.db.models import Sum
from django.utils.translation import gettext_lazy as _

HANDLE_REQUESTS_PERMISSION = "data_protection.handle_subject_requests"
# The question name under which each anonymised person who answered anything is counted once, so the
# report's "people who answered" total stays right after their row is deleted.
RESPONDENTS = "_respondents"


class EqualityCountQuerySet(models.QuerySet):
    def counts_for(self, question):
        """{answer: count} for one question, over every month: add these to the live rows' counts."""
        rows = self.filter(question=question).values_list("answer").annotate(total=Sum("count")).order_by()
        return dict(rows)

    def respondents(self):
        return self.filter(question=RESPONDENTS).aggregate(total=Sum("count"))["total"] or 0


class EqualityCount(models.Model):
    """How many people whose records were anonymised gave one answer to one equality question, by the month
    they registered. No link to any person: the per-person EqualityMonitoring row is deleted when it is
    counted here."""

    month = models.DateField(_("month registered"), help_text=_("Always the first of the month"))
    question = models.CharField(_("question"), max_length=40)
    answer = models.CharField(_("answer"), max_length=40, blank=True)
    count = models.PositiveIntegerField(_("people"), default=0)

    objects = EqualityCountQuerySet.as_manager()

    class Meta:
        verbose_name = _("equality monitoring count")
        verbose_name_plural = _("equality monitoring counts")
        constraints = [
            models.UniqueConstraint(fields=["month", "question", "answer"], name="equality_count_unique")
        ]
        # Subject access and erasure are allowed to Diversity leads only (granted in migration 0002).
        permissions = [
            ("handle_subject_requests", _("Can download and erase everything held about a person")),
        ]

    def __str__(self):
        return f"{self.month:%Y-%m} {self.question}={self.answer}: {self.count}"
