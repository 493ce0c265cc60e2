"""SMTP down while people register: every registration is stored, and once SMTP is back every email is
delivered exactly once, however often the retry sweep runs."""

from collections import Counter
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from ambassadors_network.models import Ambassador
from positive_action.models import EmailDelivery, SupportRequest
from positive_action.outbox import retry_due_emails

from .public_forms import REGISTRATION, SIGN_UP, post_form

pytestmark = pytest.mark.django_db

PEOPLE = 4


class SMTPDownBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("SMTP is down")


def register_everyone(client, pages):
    for number in range(PEOPLE):
        registration = {**REGISTRATION, "email": f"person{number}@example.org"}
        sign_up = {**SIGN_UP, "email": f"ambassador{number}@example.org"}
        assert post_form(client, pages["registration"], registration).status_code == 302
        assert post_form(client, pages["sign_up"], sign_up).status_code == 302


def test_registrations_during_an_smtp_outage_are_stored_and_each_email_sent_once_after(
    client, pages, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = f"{__name__}.SMTPDownBackend"
    with django_capture_on_commit_callbacks(execute=True):
        register_everyone(client, pages)

    assert SupportRequest.objects.count() == PEOPLE and Ambassador.objects.count() == PEOPLE
    queued = EmailDelivery.objects.all()
    assert queued.count() >= 2 * PEOPLE
    assert set(queued.values_list("status", flat=True)) == {EmailDelivery.Status.QUEUED}
    assert mail.outbox == []

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    # Time passes: every row's backoff has run out, and the sweep (send_queued_emails) runs.
    EmailDelivery.objects.update(next_attempt_at=timezone.now() - timedelta(seconds=1))
    retry_due_emails()
    retry_due_emails()  # a second sweep, or a second worker, must not send again

    assert set(EmailDelivery.objects.values_list("status", flat=True)) == {EmailDelivery.Status.SENT}
    sent = Counter((message.to[0], message.subject) for message in mail.outbox)
    assert len(mail.outbox) == queued.count()
    assert set(sent.values()) == {1}
    for number in range(PEOPLE):
        assert any(to == f"person{number}@example.org" for to, _subject in sent)
        assert any(to == f"ambassador{number}@example.org" for to, _subject in sent)
