"""Subject access: everything held about the person behind one record, as plain data for JSON and HTML."""

from datetime import date, datetime

from django.db import models
from django.utils import timezone
from wagtail.log_actions import registry as log_action_registry

from positive_action.models import QUESTIONS, EqualityMonitoring

from .people import kind_of, references_of
from .traces import emails_for, log_entries_about

SUBJECT_ACCESS_VIEWED = "data_protection.subject_access_viewed"
SUBJECT_ACCESS_DOWNLOADED = "data_protection.subject_access_downloaded"
# Filled in by the system or only meaningful to the team's software; left out of the person's copy.
INTERNAL_FIELDS = {"id", "support_wanted"}


def plain(value):
    if isinstance(value, datetime):
        return timezone.localtime(value).isoformat() if timezone.is_aware(value) else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, models.Model):
        return str(value)
    return value


def field_value(record, field):
    if field.choices:
        return str(getattr(record, f"get_{field.name}_display")())
    if field.many_to_many:
        return ", ".join(str(item) for item in getattr(record, field.name).all())
    return plain(getattr(record, field.name))


def record_fields(record):
    fields = [*record._meta.concrete_fields, *record._meta.many_to_many]
    rows = [
        {"field": field.name, "label": str(field.verbose_name), "value": field_value(record, field)}
        for field in fields
        if field.name not in INTERNAL_FIELDS
    ]
    if hasattr(record, "get_support_wanted_display"):
        rows.append(
            {
                "field": "support_wanted",
                "label": "support wanted",
                "value": record.get_support_wanted_display(),
            }
        )
    if hasattr(record, "get_network_types_display"):
        rows.append(
            {"field": "networks", "label": "networks reached", "value": record.get_network_types_display()}
        )
    return rows


def timeline(record):
    return [
        {
            "when": plain(entry.created),
            "what": str(entry.get_kind_display()),
            "text": entry.text,
            "by": entry.actor.get_username() if entry.actor else "",
            "details": entry.data,
        }
        for entry in record.timeline.select_related("actor").order_by("created", "pk")
    ]


def emails(record):
    return [
        {
            "created": plain(email.created),
            "sent": plain(email.sent_at),
            "status": str(email.get_status_display()),
            "to": email.recipient,
            "subject": email.subject,
            "body": email.body,
        }
        for email in emails_for(references_of(record))
    ]


def equality_answers(record):
    answers = EqualityMonitoring.objects.filter(support_request_id=record.pk).first()
    if kind_of(record) != "support" or answers is None:
        return []
    return [
        {"question": str(question), "answer": str(getattr(answers, f"get_{name}_display")())}
        for name, question, _choices in QUESTIONS
        if getattr(answers, name)
    ]


def referral(record):
    """Who brought a support request, or how many people an ambassador brought (not who: that is theirs)."""
    if kind_of(record) == "support":
        attribution = getattr(record, "ambassador_referral", None)
        return {"referred_by_ambassador": attribution.ambassador.reference} if attribution else {}
    return {"people_referred": record.referrals.count()}


def audit_entries(record):
    return [
        {
            "when": plain(entry.timestamp),
            "action": str(log_action_registry.get_action_label(entry.action)),
            "by": entry.user.get_username() if entry.user else "",
            "details": entry.data,
        }
        for entry in log_entries_about(record).select_related("user").order_by("timestamp", "pk")
    ]


def subject_access_data(record):
    return {
        "generated": plain(timezone.now()),
        "kind": kind_of(record),
        "reference": record.reference,
        "references": references_of(record),
        "record": record_fields(record),
        "timeline": timeline(record),
        "emails": emails(record),
        "equality_monitoring": equality_answers(record),
        "referral": referral(record),
        "audit_log": audit_entries(record),
    }
