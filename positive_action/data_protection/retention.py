"""Retention: what has been kept long enough is anonymised (finished records).

Run daily with ``manage.py apply_retention`` (``--dry-run`` lists what would change). A finished support
request or ambassador record keeps what the reports count (stage or status, borough, role, how they heard,
support wanted, referral attribution, dates truncated to the month) and loses everything that identifies
the person. Equality answers are folded into ``EqualityCount`` and the person's row is deleted.

A submission held for spam review is never deleted here: the spam check holds anything it cannot confirm
(a visitor without JavaScript, a blocked reCAPTCHA), so a hold may be a real person, and it stays until a
member of the team has looked at it and released or deleted it. Holds waiting longer than a day are
listed in the run's output, so cron mail reminds the team as the dashboard does.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from ambassadors_network.models import Ambassador
from positive_action.audit import audit, audit_list
from positive_action.models import QUESTIONS, EqualityMonitoring, SupportRequest
from recruitment_site.core.dates import start_of_month

from .models import RESPONDENTS, EqualityCount
from .people import ANONYMISED_NAME, identifiers_of, references_of
from .traces import emails_for, receipts_for, relabel_log_entries, scrub_log_mentions, task_rows_for

# The team answers held submissions within one working day; a hold older than this is overdue.
HOLD_REMINDER_AFTER = timedelta(days=1)
ANONYMISED_ACTION = "data_protection.anonymised"
RETENTION_RUN_ACTION = "data_protection.retention_applied"


@dataclass
class RetentionPlan:
    """What one run would change, as querysets evaluated when applied."""

    now: object
    support_to_anonymise: list = field(default_factory=list)
    ambassadors_to_anonymise: list = field(default_factory=list)
    # Reported, never changed: see the module docstring.
    holds_awaiting_review: list = field(default_factory=list)

    def sections(self):
        return [
            ("Anonymise finished support request", self.support_to_anonymise),
            ("Anonymise declined or left ambassador", self.ambassadors_to_anonymise),
        ]

    def is_empty(self):
        return not any(records for _label, records in self.sections())


def plan_retention(now=None):
    now = now or timezone.now()
    return RetentionPlan(
        now=now,
        support_to_anonymise=list(SupportRequest.objects.expired_for_retention(now).order_by("pk")),
        ambassadors_to_anonymise=list(Ambassador.objects.expired_for_retention(now).order_by("pk")),
        holds_awaiting_review=[
            *SupportRequest.objects.spam_review_waiting_since(now - HOLD_REMINDER_AFTER).order_by("created"),
            *Ambassador.objects.spam_review_waiting_since(now - HOLD_REMINDER_AFTER).order_by("created"),
        ],
    )


def apply_retention(plan):
    """Apply a plan, one record per transaction so a failure part-way keeps what is done."""
    for record in plan.support_to_anonymise + plan.ambassadors_to_anonymise:
        with transaction.atomic():
            anonymise(record)
    if not plan.is_empty():
        audit_list(SupportRequest, RETENTION_RUN_ACTION, None, **run_summary(plan))


def run_summary(plan):
    """References only: the audit log never holds personal data."""
    return {
        "anonymised": [
            record.reference for record in plan.support_to_anonymise + plan.ambassadors_to_anonymise
        ],
    }


def clear_traces(record):
    """Outbox rows keep that an email of a kind was sent; task rows and receipts go entirely."""
    references, needles = references_of(record), identifiers_of(record)
    deliveries = emails_for(references)
    task_rows_for(needles, deliveries.values_list("pk", flat=True)).delete()
    deliveries.update(recipient="", subject=F("kind"), body="", last_error="")
    receipts_for(references).delete()
    scrub_log_mentions(needles)


def anonymise_timeline(record):
    for entry in record.timeline.all():
        entry.text, entry.data, entry.created = "", {}, start_of_month(entry.created)
        entry.save(update_fields=["text", "data", "created"])


def anonymise(record):
    """One anonymiser for every kind of public submission: the fields its model names as personal are
    cleared, its dates truncated to the month, and its equality answers (if any) folded into the counts."""
    clear_traces(record)
    if isinstance(record, SupportRequest):
        fold_equality_answers(record)
    anonymise_timeline(record)
    model = type(record)
    changes = {name: cleared_value(model, name) for name in record.personal_fields}
    changes["name"] = ANONYMISED_NAME
    changes.update({name: start_of_month(getattr(record, name)) for name in record.dated_fields})
    model.objects.filter(pk=record.pk).update(**changes)
    record.refresh_from_db()
    relabel_log_entries(record)
    audit(record, ANONYMISED_ACTION, None, reference=record.reference)


def cleared_value(model, name):
    return None if model._meta.get_field(name).null else ""


def fold_equality_answers(record):
    """Count the person's answers under the month they registered, then delete the row that linked them."""
    answers = EqualityMonitoring.objects.filter(support_request=record).first()
    if answers is None:
        return
    month = start_of_month(timezone.localtime(record.created).date())
    add_to_count(month, RESPONDENTS, "")
    for name, _question, _choices in QUESTIONS:
        if getattr(answers, name):
            add_to_count(month, name, getattr(answers, name))
    answers.delete()


def add_to_count(month, question, answer):
    count, _created = EqualityCount.objects.get_or_create(month=month, question=question, answer=answer)
    EqualityCount.objects.filter(pk=count.pk).update(count=F("count") + 1)
