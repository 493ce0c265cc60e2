"""What data protection keeps of its own: equality answers of anonymised people, first waiting in a pool
with no link to anyone, then folded into counts once a period holds enough people."""

import uuid

from django.db import models
from django.db.models import Sum
from django.utils.translation import gettext_lazy as _

HANDLE_REQUESTS_PERMISSION = "data_protection.handle_subject_requests"
# The question name under which each anonymised person who answered anything is counted once, so the
# report's "people who answered" total stays right after their row is deleted.
RESPONDENTS = "_respondents"


class AnswerCountQuerySet(models.QuerySet):
    def counts_for(self, question):
        """{answer: count} for one question, over every period: add these to the live rows' counts."""
        rows = self.filter(question=question).values_list("answer").annotate(total=Sum("count")).order_by()
        return dict(rows)

    def respondents(self):
        return self.filter(question=RESPONDENTS).aggregate(total=Sum("count"))["total"] or 0


class EqualityCount(models.Model):
    """How many people whose records were anonymised gave one answer to one equality question, by the period
    they registered in. Every period holds at least five people: answers wait in ``PendingEqualityCount``
    until their period has that many, and are then added here all at once (``retention.py``)."""

    month = models.DateField(_("first month"), help_text=_("The first day of the period"))
    period_months = models.PositiveSmallIntegerField(
        _("months covered"),
        default=1,
        help_text=_(
            "1 for a month; 3 or 12 when a month had too few people and was counted in its quarter or year"
        ),
    )
    question = models.CharField(_("question"), max_length=40)
    answer = models.CharField(_("answer"), max_length=40, blank=True)
    count = models.PositiveIntegerField(_("people"), default=0)

    objects = AnswerCountQuerySet.as_manager()

    class Meta:
        verbose_name = _("equality monitoring count")
        verbose_name_plural = _("equality monitoring counts")
        constraints = [
            models.UniqueConstraint(
                fields=["month", "period_months", "question", "answer"], name="equality_count_unique"
            )
        ]
        # Subject access and erasure are allowed to Diversity leads only (granted in migration 0002).
        permissions = [
            ("handle_subject_requests", _("Can download and erase everything held about a person")),
        ]

    def __str__(self):
        return f"{self.month:%Y-%m} ({self.period_months}) {self.question}={self.answer}: {self.count}"


class PendingEqualityCount(models.Model):
    """Answers of anonymised people whose registration month has fewer than five such people so far.

    Counts per month, question and answer, never a row per person, so once two people wait in a month
    nothing says which answers went together. No link to a record, no timestamp, and a random primary key:
    an auto-increment id would show which answer rows one person's fold created, in what order.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    month = models.DateField(_("month registered"), help_text=_("Always the first of the month"))
    question = models.CharField(_("question"), max_length=40)
    answer = models.CharField(_("answer"), max_length=40, blank=True)
    count = models.PositiveIntegerField(_("people"), default=0)

    objects = AnswerCountQuerySet.as_manager()

    class Meta:
        verbose_name = _("equality answers waiting to be counted")
        verbose_name_plural = _("equality answers waiting to be counted")
        constraints = [
            models.UniqueConstraint(
                fields=["month", "question", "answer"], name="pending_equality_count_unique"
            )
        ]

    def __str__(self):
        return f"{self.month:%Y-%m} {self.question}={self.answer}: {self.count}"
