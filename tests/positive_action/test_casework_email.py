"""Emails written on a record: from an editable template, through the outbox, logged on the timeline."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from home import roles
from positive_action.models import CaseworkEmailTemplate, EmailDelivery
from tests.factories import UserFactory
from tests.helpers import soup

from .factories import CaseworkEmailTemplateFactory, SupportRequestFactory

pytestmark = pytest.mark.django_db

QUEUE = "/admin/support-queue/"


@pytest.fixture
def caseworker(client, registration_page, team_email):
    user = UserFactory(role=roles.DIVERSITY_TEAM, first_name="Priya", last_name="Shah")
    client.force_login(user)
    return user


def email_url(record):
    return f"{QUEUE}record/{record.pk}/email/"


def test_template_with_an_unknown_placeholder_is_refused_by_name():
    template = CaseworkEmailTemplate(title="Welcome", subject="Hello {firstname}", body="Dear {name}")

    with pytest.raises(ValidationError) as error:
        template.full_clean()

    assert "{firstname}" in str(error.value.message_dict["subject"])
    assert "body" not in error.value.message_dict


def test_fill_in_from_template_writes_it_out_for_the_record_and_sends_nothing(client, caseworker):
    record = SupportRequestFactory(name="Amina Okafor", reference="PA-7KQ4M2")
    template = CaseworkEmailTemplateFactory()

    response = client.post(
        email_url(record),
        {"email-template": template.pk, "email-subject": "", "email-body": "", "email-fill": ""},
    )

    assert response.status_code == 200
    page = soup(response)
    assert page.select_one("#id_email-subject")["value"] == "Your mock interview, Amina"
    body = page.select_one("#id_email-body").get_text()
    assert "Dear Amina Okafor" in body and "PA-7KQ4M2" in body and "Priya Shah" in body
    assert EmailDelivery.objects.filter(kind="casework").count() == 0
    assert record.timeline.count() == 0


def test_sending_queues_the_email_with_the_team_as_reply_to_and_logs_one_contact(
    client, caseworker, django_capture_on_commit_callbacks
):
    record = SupportRequestFactory(stage="new", email="amina@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            email_url(record),
            {
                "email-subject": "Mock interview",
                "email-body": "See you on Tuesday",
                "email-next_contact_date": "2030-01-15",
            },
        )

    assert response.status_code == 302
    [message] = mail.outbox
    assert message.to == ["amina@example.org"]
    assert message.reply_to == ["team@example.org"]
    assert message.subject == "Mock interview" and message.body == "See you on Tuesday"
    record.refresh_from_db()
    assert record.stage == "contacted" and record.first_contacted_at is not None
    assert str(record.next_contact_date) == "2030-01-15"
    [entry] = record.timeline.all()
    assert entry.contact_kind == "email" and entry.actor == caseworker
    assert entry.data["email"] == EmailDelivery.objects.get(kind="casework").pk


def test_the_timeline_shows_the_sent_email_once_with_its_delivery(
    client, caseworker, django_capture_on_commit_callbacks
):
    record = SupportRequestFactory()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            email_url(record), {"email-subject": "Mock interview", "email-body": "See you on Tuesday"}
        )

    page = soup(client.get(f"{QUEUE}inspect/{record.pk}/"))

    items = [item.get_text(" ", strip=True) for item in page.select("main ol > li")]
    [item] = [text for text in items if "Mock interview" in text]
    assert "Delivery: Sent" in item and "See you on Tuesday" in item and "Priya Shah" in item


def test_an_email_without_a_subject_comes_back_with_what_was_typed(client, caseworker):
    record = SupportRequestFactory()

    response = client.post(email_url(record), {"email-subject": "", "email-body": "A long message I typed"})

    assert response.status_code == 400
    assert "A long message I typed</textarea>" in response.content.decode()
    assert EmailDelivery.objects.filter(kind="casework").count() == 0


def test_a_record_without_an_email_address_says_so(client, caseworker):
    record = SupportRequestFactory(email="")

    response = client.post(email_url(record), {"email-subject": "Hello", "email-body": "Typed"})

    assert response.status_code == 400
    assert "no email address" in response.content.decode()
    assert EmailDelivery.objects.count() == 0


def test_staff_outside_the_team_cannot_email_from_a_record(client, registration_page):
    client.force_login(UserFactory(role=roles.EDITORS))
    record = SupportRequestFactory()

    response = client.post(email_url(record), {"email-subject": "Hello", "email-body": "Typed"})

    assert response.status_code in (302, 403)
    assert EmailDelivery.objects.count() == 0


def test_fill_in_with_an_unknown_template_keeps_what_was_typed(client, caseworker):
    record = SupportRequestFactory()

    response = client.post(
        email_url(record),
        {
            "email-template": "not-a-template",
            "email-subject": "Typed subject",
            "email-body": "",
            "email-fill": "",
        },
    )

    assert response.status_code == 200
    assert soup(response).select_one("#id_email-subject")["value"] == "Typed subject"
    assert EmailDelivery.objects.count() == 0
