"""A person who registers is pointed to the "What happens next" timeline, on the confirmation page and in
the confirmation email."""

import uuid

import pytest
from django.core import mail

from home.models import RecruitmentTimelinePage
from tests.helpers import soup

pytestmark = pytest.mark.django_db


def register(client, page, data, capture):
    with capture(execute=True):
        return client.post(page.url, {**data, "submission_token": str(uuid.uuid4())}, follow=True)


def test_confirmation_page_and_email_link_to_the_timeline(
    client, registration_page, valid_data, django_capture_on_commit_callbacks
):
    response = register(client, registration_page, valid_data, django_capture_on_commit_callbacks)

    link = soup(response).main.find("a", href="/what-happens-next/")
    assert link.get_text(strip=True).startswith("Every stage of recruitment")
    (email,) = mail.outbox
    assert "Every stage of recruitment, how long each takes and our support at each one: " in email.body
    assert "http://testserver/what-happens-next/" in email.body


def test_without_a_live_timeline_page_neither_links_to_one(
    client, registration_page, valid_data, django_capture_on_commit_callbacks
):
    RecruitmentTimelinePage.objects.get().unpublish()

    response = register(client, registration_page, valid_data, django_capture_on_commit_callbacks)

    assert "Every stage of recruitment" not in response.content.decode()
    (email,) = mail.outbox
    assert "Every stage of recruitment" not in email.body
    assert "Please quote your reference if you contact us.\n\nIf you did not register" in email.body
