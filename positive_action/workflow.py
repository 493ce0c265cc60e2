"""The one place where a support request changes: the table of allowed stage changes and the functions
that apply a change, write the timeline entry and the audit entry. Views call these; they never set
``stage`` or ``owner`` themselves."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .audit import audit
from .choices import FINISHED_STAGES, Stage
from .models import SupportRequest, SupportRequestEvent

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


@transaction.atomic
def change_stage(record, new_stage, user, note=""):
    record = _locked(record)
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
    record.save(update_fields=["stage", "first_contacted_at", "closed_at", "updated"])
    _event(record, SupportRequestEvent.Kind.STAGE, user, note, data={"from": old_stage, "to": new_stage})
    audit(record, "recruitment.stage_changed", user, old=old_stage, new=new_stage)
    return record


@transaction.atomic
def assign_owner(record, owner, user):
    record = _locked(record)
    record.owner = owner
    record.save(update_fields=["owner", "updated"])
    name = (owner.get_full_name() or owner.get_username()) if owner else ""
    _event(record, SupportRequestEvent.Kind.OWNER, user, name, data={"owner": owner.pk if owner else None})
    audit(record, "recruitment.owner_assigned", user, owner=owner.pk if owner else None)
    return record


@transaction.atomic
def log_contact(record, contact_kind, text, user):
    """Log a call, email, meeting, event or outcome. The first contact with a new request moves it to
    Contacted, which is what the service target measures."""
    record = _locked(record)
    _event(record, SupportRequestEvent.Kind.CONTACT, user, text, contact_kind=contact_kind)
    audit(record, "recruitment.contact_logged", user, contact=contact_kind)
    if record.stage == Stage.NEW:
        record = change_stage(record, Stage.CONTACTED, user)
    return record


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
    from .registration import queue_registration_emails

    record = _locked(record)
    if not record.needs_spam_review:
        return record
    record.needs_spam_review = False
    record.save(update_fields=["needs_spam_review", "updated"])
    _event(record, SupportRequestEvent.Kind.SPAM_RELEASED, user)
    audit(record, "recruitment.spam_released", user)
    queue_registration_emails(record, record.reference, service)
    return record
