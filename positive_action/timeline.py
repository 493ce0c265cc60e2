"""One chronological timeline for a record: its own TimelineEntry rows and the emails sent for it."""

from dataclasses import dataclass, field
from datetime import date, datetime

from django.utils.translation import gettext as _

from .choices import Stage
from .days import day_with_distance
from .models import EmailDelivery


@dataclass
class TimelineItem:
    when: datetime
    kind: str
    title: str
    text: str = ""
    actor: object = None
    entry: object = None
    email: object = None
    details: list = field(default_factory=list)


def stage_label(code):
    return Stage(code).label if code in Stage.values else code


def entry_details(entry):
    """The lines under an entry's title, in words: stage labels rather than codes, dates with distance."""
    data = entry.data or {}
    details = []
    if data.get("outcome"):
        details.append(_("Outcome: %(outcome)s") % {"outcome": data["outcome"]})
    stage = data.get("stage") or (data if entry.kind == "stage" else None)
    if stage and stage.get("from") and stage.get("to"):
        details.append(f"{stage_label(stage['from'])} → {stage_label(stage['to'])}")
    if data.get("next_contact"):
        day = date.fromisoformat(data["next_contact"])
        details.append(_("Next contact: %(day)s") % {"day": day_with_distance(day)})
    return details


def delivery_line(email):
    line = _("Delivery: %(status)s") % {"status": email.get_status_display()}
    if email.status == EmailDelivery.Status.FAILED and email.last_error:
        line = f"{line} ({email.last_error})"
    return line


def merged_timeline(entries, reference):
    """Newest first. ``entries`` is the record's timeline queryset (select_related("actor") please).
    An email written on the record belongs to the entry that logged it, which shows its delivery; the
    automatic emails (confirmation, team notice) are items of their own."""
    emails = {email.pk: email for email in EmailDelivery.objects.for_reference(reference)}
    items = []
    for entry in entries:
        email = emails.pop((entry.data or {}).get("email"), None)
        details = entry_details(entry)
        if email:
            details.append(delivery_line(email))
        items.append(
            TimelineItem(
                when=entry.created,
                kind=entry.kind,
                title=str(entry.get_kind_display()),
                text=entry.text,
                actor=entry.actor,
                entry=entry,
                email=email,
                details=details,
            )
        )
    for email in emails.values():
        items.append(
            TimelineItem(
                when=email.sent_at or email.created,
                kind=f"email_{email.status}",
                title=_("Email %(status)s: %(subject)s")
                % {"status": email.get_status_display().lower(), "subject": email.subject},
                text=email.last_error if email.status != EmailDelivery.Status.SENT else "",
                email=email,
            )
        )
    return sorted(items, key=lambda item: item.when, reverse=True)
