"""Retention: what has been kept long enough is anonymised (finished records).

Run daily with ``manage.py apply_retention`` (``--dry-run`` lists what would change). A finished support
request or ambassador record keeps what the reports count (stage or status, borough, role, how they heard,
support wanted, referral attribution, dates truncated to the month) and loses everything that identifies
the person. Equality answers leave the person's row (deleted) for a pool of counts per registration month
with no link to anyone, and reach ``EqualityCount`` only when a period holds at least five people, all at
once (see "Equality answers" below).

A submission held for spam review is never deleted here: the spam check holds anything it cannot confirm
(a visitor without JavaScript, a blocked reCAPTCHA), so a hold may be a real person, and it stays until a
member of the team has looked at it and released or deleted it. Holds waiting longer than a day are
listed in the run's output, so cron mail reminds the team as the dashboard does.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from ambassadors_network.models import Ambassador
from positive_action.audit import audit, audit_list
from positive_action.models import QUESTIONS, EqualityMonitoring, SupportRequest
from positive_action.views.reports import quarter_start
from recruitment_site.core.dates import start_of_month

from .models import RESPONDENTS, EqualityCount, PendingEqualityCount
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
    # After every record of the run, so a month that gains several people in one run folds them together.
    with transaction.atomic():
        fold_pending_answers(timezone.localdate(plan.now))
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
    cleared, its dates truncated to the month, and its equality answers (if any) moved to the pending pool."""
    clear_traces(record)
    if isinstance(record, SupportRequest):
        pend_equality_answers(record)
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


# Equality answers
#
# An anonymised record keeps its borough, role and month of registration. Counting one person's answers
# under their month the day they are anonymised (as this did until issue 16) let anyone reading the
# counts match a month's one new person to the one record anonymised that day. So answers wait, as counts
# per month, question and answer with no link to anyone, and are added to ``EqualityCount`` only when the
# whole period holds at least ``FOLD_AT`` people. A month that never gets there is counted, once old
# enough, in its quarter, and a quarter that never gets there in its year; a year under five keeps waiting.
# "Old enough" is the period's age, not how long the answers have waited: a waiting-since date would be
# one more thing tying the pool to the day someone was anonymised.
FOLD_AT = 5


def year_start(day):
    return date(day.year, 1, 1)


@dataclass(frozen=True)
class Period:
    months: int
    start_of: object  # first day of the period holding a given month
    # How long after the period ends it may be used: records are anonymised twelve months or more after
    # they close, so a month gets a year or more of anonymisations before its quarter is used.
    used_after: relativedelta


PERIODS = [
    Period(1, start_of_month, relativedelta()),
    Period(3, quarter_start, relativedelta(months=24)),
    Period(12, year_start, relativedelta(months=36)),
]


def pend_equality_answers(record):
    """Add the person's answers to the pool for the month they registered, then delete the linked row."""
    answers = EqualityMonitoring.objects.filter(support_request=record).first()
    if answers is None:
        return
    month = start_of_month(timezone.localtime(record.created).date())
    add_to_pending(month, RESPONDENTS, "")
    for name, _question, _choices in QUESTIONS:
        if getattr(answers, name):
            add_to_pending(month, name, getattr(answers, name))
    answers.delete()


def add_to_pending(month, question, answer):
    row, _created = PendingEqualityCount.objects.get_or_create(month=month, question=question, answer=answer)
    PendingEqualityCount.objects.filter(pk=row.pk).update(count=F("count") + 1)


def fold_pending_answers(today):
    """Fold every period that holds at least FOLD_AT waiting people, shortest periods first."""
    for period in PERIODS:
        for start, rows in waiting_by_period(period, today).items():
            if sum(row.count for row in rows if row.question == RESPONDENTS) >= FOLD_AT:
                fold(period, start, rows)


def waiting_by_period(period, today):
    periods = defaultdict(list)
    for row in PendingEqualityCount.objects.all():
        start = period.start_of(row.month)
        if start + relativedelta(months=period.months) + period.used_after <= today:
            periods[start].append(row)
    return periods


def fold(period, start, rows):
    totals = Counter()
    for row in rows:
        totals[row.question, row.answer] += row.count
    # Sorted, so the counts' ids follow question and answer, never who arrived first.
    for (question, answer), count in sorted(totals.items()):
        folded, _created = EqualityCount.objects.get_or_create(
            month=start, period_months=period.months, question=question, answer=answer
        )
        EqualityCount.objects.filter(pk=folded.pk).update(count=F("count") + count)
    PendingEqualityCount.objects.filter(pk__in=[row.pk for row in rows]).delete()


class RetainedAnswers:
    """What the equality report adds for anonymised people: folded counts and the pool together.

    The report shows totals over all time only, so counting the pool reveals no month; leaving it out
    would make the report drop a person's answers the day they are anonymised, and comparing the report
    before and after (the run's audit entry names the record) would give their answers away.
    """

    sources = (EqualityCount.objects, PendingEqualityCount.objects)

    def counts_for(self, question):
        combined = Counter()
        for source in self.sources:
            combined.update(source.counts_for(question))
        return dict(combined)

    def respondents(self):
        return sum(source.respondents() for source in self.sources)
