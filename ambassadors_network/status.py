"""The ambassador status machine: which changes are allowed, and the one function that makes them.

Views and bulk actions call ``change_status``; none of them re-implements a transition. Each change writes a
timeline entry with who and when, and approval issues the referral code the first time it happens.
"""

import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Ambassador, AmbassadorEvent, EntryKind, Status

ALLOWED_TRANSITIONS = {
    Status.APPLIED: {Status.IN_REVIEW, Status.APPROVED, Status.DECLINED},
    Status.IN_REVIEW: {Status.APPROVED, Status.DECLINED},
    Status.APPROVED: {Status.TRAINED, Status.PAUSED, Status.LEFT},
    Status.TRAINED: {Status.ACTIVE, Status.PAUSED, Status.LEFT},
    Status.ACTIVE: {Status.PAUSED, Status.LEFT},
    Status.PAUSED: {Status.ACTIVE, Status.LEFT},
    # A declined applicant can be reconsidered and someone who left can come back, both through review.
    Status.DECLINED: {Status.IN_REVIEW},
    Status.LEFT: {Status.IN_REVIEW},
}

# Letters and digits that are hard to confuse when read aloud or copied by hand (no 0/O, 1/I/L, 5/S, 8/B, U/V).
REFERRAL_ALPHABET = "2346789ACDEFGHJKMNPQRTWXYZ"
# 10 characters from 26: about 47 bits, far beyond guessing through a rate-limited form.
REFERRAL_CODE_LENGTH = 10


def allowed_next_statuses(ambassador):
    return sorted(ALLOWED_TRANSITIONS.get(ambassador.status, set()), key=list(Status).index)


def can_change(ambassador, new_status):
    return new_status in ALLOWED_TRANSITIONS.get(ambassador.status, set())


def new_referral_code():
    return "".join(secrets.choice(REFERRAL_ALPHABET) for _ in range(REFERRAL_CODE_LENGTH))


def issue_referral_code(ambassador):
    """Give the ambassador a code no one else has; an existing code is kept so shared links keep working."""
    if ambassador.referral_code:
        return ambassador.referral_code
    code = new_referral_code()
    while Ambassador.objects.filter(referral_code=code).exists():
        code = new_referral_code()
    ambassador.referral_code = code
    return code


@transaction.atomic
def change_status(ambassador, new_status, user, note=""):
    """Move an ambassador to ``new_status`` if the table allows it, recording who and when."""
    new_status = Status(new_status)
    ambassador = Ambassador.objects.select_for_update().get(pk=ambassador.pk)
    if not can_change(ambassador, new_status):
        raise ValidationError(
            _("An ambassador cannot move from “%(old)s” to “%(new)s”.")
            % {"old": ambassador.get_status_display(), "new": new_status.label}
        )
    old_status = ambassador.status
    ambassador.status = new_status
    ambassador.status_changed_at = timezone.now()
    issued = new_status == Status.APPROVED and not ambassador.referral_code
    if new_status == Status.APPROVED:
        issue_referral_code(ambassador)
    ambassador.save(update_fields=["status", "status_changed_at", "referral_code", "updated"])
    AmbassadorEvent.objects.create(
        record=ambassador,
        kind=EntryKind.STATUS_CHANGE,
        from_status=old_status,
        to_status=new_status,
        text=note,
        actor=user,
    )
    if issued:
        AmbassadorEvent.objects.create(
            record=ambassador,
            kind=EntryKind.REFERRAL_CODE,
            text=_("Referral code issued"),
            actor=user,
        )
    return ambassador
