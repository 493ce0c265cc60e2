"""One chronological timeline for a record: its own TimelineEntry rows and the emails sent for it."""

from dataclasses import dataclass
from datetime import datetime

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


def merged_timeline(entries, reference):
    """Newest first. ``entries`` is the record's timeline queryset (select_related("actor") please)."""
    items = [
        TimelineItem(
            when=entry.created,
            kind=entry.kind,
            title=str(entry.get_kind_display()),
            text=entry.text,
            actor=entry.actor,
            entry=entry,
        )
        for entry in entries
    ]
    for email in EmailDelivery.objects.for_reference(reference):
        items.append(
            TimelineItem(
                when=email.sent_at or email.created,
                kind=f"email_{email.status}",
                title=f"Email {email.get_status_display().lower()}: {email.subject}",
                text=email.last_error if email.status != EmailDelivery.Status.SENT else "",
                email=email,
            )
        )
    return sorted(items, key=lambda item: item.when, reverse=True)
