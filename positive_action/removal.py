"""Deleting a submission held for spam review, for the support queue and the ambassador network alike.

A held submission may still be a real person's, and a plain ``delete()`` would leave its outbox emails,
submission receipts, task rows and audit mentions behind where retention can no longer find them. The
removal itself belongs to the data-protection layer above this one, which registers a function with
``@hooks.register(DELETE_SPAM_HOOK)`` taking (record, user) and returning the record's reference. With
none registered nothing is deleted.
"""

from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.utils.translation import gettext as _
from wagtail import hooks

DELETE_SPAM_HOOK = "delete_spam_hold"


def delete_as_spam(record, user):
    """Delete ``record``, which must be held for spam review, with every trace of it."""
    if not record.needs_spam_review:
        raise ValidationError(
            _("%(reference)s is not held for spam review, so it cannot be deleted as spam.")
            % {"reference": record.reference}
        )
    removers = hooks.get_hooks(DELETE_SPAM_HOOK)
    if not removers:
        raise ImproperlyConfigured(f"Nothing is registered for the {DELETE_SPAM_HOOK!r} hook.")
    return removers[0](record, user)
