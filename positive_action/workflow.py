"""The one place where a support request changes: the table of allowed stage changes and the functions
that apply a change, write the timeline entry and the audit entry. Views call these; they never set
``stage`` or ``owner`` themselves."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .audit import audit
from .choices import FINISHED_STAGES, ContactKind, Stage
from .models import SupportRequest, SupportRequestEvent
from .outbox import queue_email
from .registration import SupportRegistrationFlow
from .team import staff_name

TRANSITIONS = {
    Stage.NEW: {Stage.CONTACTED, Stage.IN_SUPPORT, Stage.WITHDRAWN, Stage.CLOSED},
    Stage.CONTACTED: {Stage.IN_SUPPORT, Stage.APPLICATION_SUBMITTED, Stage.WITHDRAWN, Stage.CLOSED},
    Stage.IN_SUPPORT: {Stage.APPLICATION_SUBMITTED, Stage.WITHDRAWN, Stage.CLOSED},
    Stage.APPLICATION_SUBMITTED: {Stage.ASSESSMENT, Stage.UNSUCCESSFUL, Stage.WITHDRAWN},
    Stage.ASSESSMENT: {Stage.VETTING, Stage.UNSUCCESSFUL, Stage.WITHDRAWN},
    Stage.VETTING: {Stage.APPOINTED, Stage.UNSUCCESSFUL, Stage.WITHDRAWN},
    Stage.APPOINTED: {Stage.CLOSED},
    # A near miss is supported to re-apply, or closed.
    Stage.UNSUCCESSFUL: {Stage.IN_SUPPORT, Stage.CLOSED},
    Stage.WITHDRAWN: {Stage.IN_SUPPORT, Stage.CLOSED},
    Stage.CLOSED: {Stage.IN_SUPPORT},
}


class TransitionNotAllowed(ValueError):
    pass


def allowed_next_stages(stage):
    return [choice for choice in Stage if choice in TRANSITIONS.get(stage, set())]


def stage_choices(stage):
    return [(choice.value, choice.label) for choice in allowed_next_stages(stage)]


def _event(record, kind, user, text="", **fields):
    return SupportRequestEvent.objects.create(record=record, kind=kind, actor=user, text=text, **fields)


def _locked(record):
    return SupportRequest.objects.select_for_update().get(pk=record.pk)


def _move_to_stage(record, new_stage):
    """Set the stage (and the dates that follow from it) on a locked record, or refuse the move."""
    old_stage = record.stage
    if new_stage not in TRANSITIONS.get(old_stage, set()):
        raise TransitionNotAllowed(
            _("A request cannot move from %(old)s to %(new)s.")
            % {
                "old": Stage(old_stage).label,
                "new": Stage(new_stage).label if new_stage in Stage.values else new_stage,
            }
        )
    record.stage = new_stage
    now = timezone.now()
    if old_stage == Stage.NEW and not record.first_contacted_at:
        record.first_contacted_at = now
    record.closed_at = now if new_stage in FINISHED_STAGES else None
    return {"from": old_stage, "to": new_stage}


STAGE_FIELDS = ["stage", "first_contacted_at", "closed_at", "updated"]


@transaction.atomic
def change_stage(record, new_stage, user, note=""):
    record = _locked(record)
    change = _move_to_stage(record, new_stage)
    record.save(update_fields=STAGE_FIELDS)
    _event(record, SupportRequestEvent.Kind.STAGE, user, note, data=change)
    audit(record, "recruitment.stage_changed", user, old=change["from"], new=change["to"])
    return record


@transaction.atomic
def assign_owner(record, owner, user):
    record = _locked(record)
    record.owner = owner
    record.save(update_fields=["owner", "updated"])
    name = staff_name(owner)
    _event(record, SupportRequestEvent.Kind.OWNER, user, name, data={"owner": owner.pk if owner else None})
    audit(record, "recruitment.owner_assigned", user, owner=owner.pk if owner else None)
    return record


@transaction.atomic
def log_activity(
    record, user, contact_kind, outcome="", note="", next_contact=None, new_stage="", email=None
):
    """One thing that happened (a call, an email, a meeting, an event, a call nobody answered), its
    outcome, the next contact date and any stage change, written as one timeline entry.

    The first contact with a new request moves it to Contacted, which is what the first-contact target
    measures; an unanswered call is an attempt, not a contact, and leaves the stage alone."""
    record = _locked(record)
    if not new_stage and record.stage == Stage.NEW and contact_kind != ContactKind.NO_ANSWER:
        new_stage = Stage.CONTACTED
    data = {"outcome": outcome} if outcome else {}
    if email:
        data["email"] = email.pk
    fields = ["updated"]
    if new_stage:
        data["stage"] = _move_to_stage(record, new_stage)
        fields = STAGE_FIELDS
    if next_contact:
        record.next_contact_date = next_contact
        data["next_contact"] = next_contact.isoformat()
        fields = [*fields, "next_contact_date"]
    record.save(update_fields=fields)
    _event(record, SupportRequestEvent.Kind.CONTACT, user, note, contact_kind=contact_kind, data=data)
    audit(
        record,
        "recruitment.contact_logged",
        user,
        contact=contact_kind,
        stage=new_stage or None,
        next_contact=data.get("next_contact"),
    )
    return record


@transaction.atomic
def email_person(record, user, subject, body, reply_to="", next_contact=None):
    """An email written on the record: into the outbox (sent after the commit, retried if the mail
    server is down) and onto the timeline as an email contact that carries the delivery's status."""
    email = queue_email(
        reference=record.reference,
        recipient=record.email,
        subject=subject,
        body=body,
        kind="casework",
        reply_to=reply_to,
    )
    return log_activity(
        record,
        user,
        ContactKind.EMAIL,
        outcome=_("Sent “%(subject)s”") % {"subject": subject},
        next_contact=next_contact,
        email=email,
    )


@transaction.atomic
def add_note(record, text, user):
    _event(record, SupportRequestEvent.Kind.NOTE, user, text)
    audit(record, "recruitment.note_added", user)
    return record


@transaction.atomic
def set_next_contact(record, day, user):
    record = _locked(record)
    record.next_contact_date = day
    record.save(update_fields=["next_contact_date", "updated"])
    _event(record, SupportRequestEvent.Kind.NEXT_CONTACT, user, day.isoformat() if day else "")
    audit(record, "recruitment.next_contact_set", user, date=day.isoformat() if day else None)
    return record


@transaction.atomic
def release_from_spam_review(record, user, service):
    """A person checked it: into the main queue, and the person gets the confirmation they were owed."""
    record = _locked(record)
    if not record.needs_spam_review:
        return record
    record.needs_spam_review = False
    record.save(update_fields=["needs_spam_review", "updated"])
    _event(record, SupportRequestEvent.Kind.SPAM_RELEASED, user)
    audit(record, "recruitment.spam_released", user)
    SupportRegistrationFlow.queue_emails(record, record.reference, service)
    return record
