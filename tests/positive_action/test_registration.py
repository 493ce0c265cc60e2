import uuid
from unittest import mock

import pytest
from django.core import mail
from django.db import OperationalError

from positive_action import registration, submissions
from positive_action.models import EmailDelivery, EqualityMonitoring, SupportRequest, SupportRequestEvent
from tests.helpers import h1_texts, inline_code, soup

pytestmark = pytest.mark.django_db


def submit(client, page, data, follow=True, **extra):
    return client.post(page.url, data, follow=follow, **extra)


def with_token(data, token=None):
    return {**data, "submission_token": str(token or uuid.uuid4())}


def test_form_page_shows_every_question_with_labels_and_is_never_cached(client, registration_page):
    response = client.get(registration_page.url)

    assert response.status_code == 200
    assert h1_texts(response) == ["Register for support"]
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    document = soup(response)
    legends = [legend.get_text(" ", strip=True) for legend in document.find_all("legend")]
    assert "What support would you like?" in legends
    assert "What is your ethnic group? (optional)" in legends
    for field in document.select("input[type=text], input[type=email], input[type=tel], select, textarea"):
        if field.get("name") != "website":
            assert document.find("label", attrs={"for": field["id"]}), field
    assert document.find("input", attrs={"name": "email"})["autocomplete"] == "email"
    assert not inline_code(response)


def test_referral_code_from_link_is_kept_in_hidden_field_and_stored(
    client, registration_page, valid_data, django_capture_on_commit_callbacks
):
    response = client.get(registration_page.url + "?ref=AMB-42x")
    hidden = soup(response).find("input", attrs={"name": "referral_code"})
    assert hidden["type"] == "hidden" and hidden["value"] == "AMB-42x"

    with django_capture_on_commit_callbacks(execute=True):
        submit(client, registration_page, with_token({**valid_data, "referral_code": "AMB-42x"}))

    assert SupportRequest.objects.get().referral_code == "AMB-42x"


def test_successful_registration_shows_reference_and_sends_emails(
    client, registration_page, valid_data, team_email, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(client, registration_page, with_token(valid_data))

    record = SupportRequest.objects.get()
    assert response.status_code == 200
    assert h1_texts(response) == ["Registration received"]
    assert record.reference in response.content.decode()
    assert record.stage == "new" and not record.needs_spam_review
    assert record.support_wanted_list == ["mock_interview", "mentoring"]
    assert record.borough is None
    assert record.referral_code is None
    assert sorted(message.to[0] for message in mail.outbox) == ["amina@example.org", "team@example.org"]
    team_message = next(message for message in mail.outbox if message.to == ["team@example.org"])
    assert "Amina" not in team_message.body and "amina@" not in team_message.body
    assert f"/admin/support-queue/inspect/{record.pk}/" in team_message.body
    assert record.reference in next(m for m in mail.outbox if m.to == ["amina@example.org"]).body
    assert SupportRequestEvent.objects.filter(record=record, kind="registered").exists()


def test_confirmation_link_cannot_be_forged(client, registration_page):
    response = client.get(registration_page.url + "?done=PA-7KQ4M2")

    assert h1_texts(response) == ["Register for support"]


def test_equality_answers_are_stored_apart(
    client, registration_page, valid_data, django_capture_on_commit_callbacks
):
    data = with_token(
        {**valid_data, "equality_ethnicity": "black_african", "equality_religion": "prefer_not_to_say"}
    )
    submit(client, registration_page, data)

    answers = EqualityMonitoring.objects.get()
    assert answers.support_request == SupportRequest.objects.get()
    assert (answers.ethnicity, answers.religion, answers.sex) == ("black_african", "prefer_not_to_say", "")


def test_no_equality_row_when_no_answers(client, registration_page, valid_data):
    submit(client, registration_page, with_token(valid_data))

    assert not EqualityMonitoring.objects.exists()


def test_missing_answers_give_summary_and_inline_errors(client, registration_page):
    response = submit(client, registration_page, {"submission_token": str(uuid.uuid4())})

    assert response.status_code == 200
    document = soup(response)
    summary = document.find(class_="error-summary")
    links = {link["href"]: link.get_text() for link in summary.find_all("a")}
    assert links["#id_name"] == "Enter your full name"
    assert links["#id_support_wanted_0"] == "Select at least one kind of support"
    assert "#id_consent" in links
    assert document.find(id="id_name-error")
    assert document.title.get_text().startswith("Error:")
    assert not SupportRequest.objects.exists()


def test_phone_required_when_person_asks_to_be_phoned(client, registration_page, valid_data):
    response = submit(
        client, registration_page, with_token({**valid_data, "preferred_contact": "phone", "phone": ""})
    )

    assert "Enter a phone number, as you asked us to phone you" in response.content.decode()
    assert not SupportRequest.objects.exists()


@pytest.mark.parametrize(
    "phone,valid",
    [
        ("020 7946 0123", True),
        ("07700 900982", True),
        ("+44 7700 900982", True),
        ("+33 6 12 34 56 78", True),
        ("12345", False),
        ("0800", False),
        ("'; DROP TABLE positive_action_supportrequest; --", False),
        ("+1" + "2" * 30, False),
    ],
)
def test_phone_numbers_are_validated(client, registration_page, valid_data, phone, valid):
    submit(client, registration_page, with_token({**valid_data, "phone": phone}))

    assert SupportRequest.objects.exists() == valid


def test_same_token_twice_creates_one_record(
    client, registration_page, valid_data, django_capture_on_commit_callbacks
):
    data = with_token(valid_data)
    with django_capture_on_commit_callbacks(execute=True):
        first = submit(client, registration_page, data)
        second = submit(client, registration_page, data)

    assert SupportRequest.objects.count() == 1
    reference = SupportRequest.objects.get().reference
    assert reference in first.content.decode() and reference in second.content.decode()
    assert len(mail.outbox) == 1


def test_same_email_again_joins_open_record_and_hides_that_it_was_known(
    client, registration_page, valid_data, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, registration_page, with_token(valid_data))
        again = submit(
            client,
            registration_page,
            with_token(
                {
                    **valid_data,
                    "email": "AMINA@example.org",
                    "application_progress": "submitted",
                    "access_needs": "Step-free access",
                }
            ),
        )

    record = SupportRequest.objects.get()
    assert h1_texts(again) == ["Registration received"]
    shown = soup(again).find(class_="reference").get_text()
    assert shown != record.reference
    assert shown in record.other_references
    event = SupportRequestEvent.objects.get(record=record, kind="registered_again")
    assert event.data["application_progress"] == "submitted"
    assert event.text == "Step-free access"
    assert SupportRequest.objects.filter(other_references__contains=shown).exists()


def test_same_email_after_record_closed_starts_a_new_record(client, registration_page, valid_data):
    submit(client, registration_page, with_token(valid_data))
    SupportRequest.objects.update(stage="closed")

    submit(client, registration_page, with_token(valid_data))

    assert SupportRequest.objects.count() == 2


def test_honeypot_rejects_with_clear_message(client, registration_page, valid_data):
    response = submit(client, registration_page, with_token({**valid_data, "website": "http://buy.example"}))

    assert response.status_code == 400
    assert "We could not accept this form" in response.content.decode()
    assert not SupportRequest.objects.exists()


def test_rate_limit_rejects_with_429(client, registration_page, valid_data, settings):
    settings.PUBLIC_FORM_RATE_LIMIT = 2
    for _ in range(2):
        submit(client, registration_page, with_token(valid_data), follow=False)

    response = submit(client, registration_page, with_token(valid_data), follow=False)

    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
    assert SupportRequest.objects.count() == 1  # the second joined the first: same email


@pytest.fixture
def recaptcha_keys(settings):
    settings.RECAPTCHA_PUBLIC_KEY = "site-key"
    settings.RECAPTCHA_PRIVATE_KEY = "secret-key"


def test_page_loads_recaptcha_script_and_widens_csp_only_when_keys_are_set(
    client, registration_page, recaptcha_keys
):
    response = client.get(registration_page.url)

    assert soup(response).find("form", class_="registration-form")["data-recaptcha-site-key"] == "site-key"
    assert "https://www.google.com/recaptcha/" in response["Content-Security-Policy"]


@pytest.mark.parametrize(
    "patch",
    [
        {"return_value": mock.Mock(is_valid=True, extra_data={"score": 0.1}, error_codes=[])},
        {"side_effect": TimeoutError("timed out")},
        {"return_value": mock.Mock(is_valid=False, extra_data={}, error_codes=["invalid-input-response"])},
    ],
    ids=["low-score", "timeout", "invalid"],
)
def test_doubtful_recaptcha_stores_for_spam_review_without_emailing(
    client, registration_page, valid_data, recaptcha_keys, patch, django_capture_on_commit_callbacks
):
    with (
        mock.patch("recruitment_site.core.spam.recaptcha_client.submit", **patch),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = submit(
            client, registration_page, with_token({**valid_data, "g-recaptcha-response": "token"})
        )

    record = SupportRequest.objects.get()
    assert record.needs_spam_review
    assert h1_texts(response) == ["Registration received"]
    assert not SupportRequest.objects.in_queue().exists()
    assert mail.outbox == []


def test_missing_recaptcha_token_stores_for_spam_review(
    client, registration_page, valid_data, recaptcha_keys
):
    submit(client, registration_page, with_token(valid_data))

    assert SupportRequest.objects.get().needs_spam_review


def test_smtp_down_still_registers_and_email_follows_later(
    client, registration_page, valid_data, django_capture_on_commit_callbacks
):
    from datetime import timedelta

    from django.utils import timezone

    from positive_action.outbox import retry_due_emails

    failing = mock.patch(
        "django.core.mail.backends.locmem.EmailBackend.send_messages", side_effect=ConnectionRefusedError()
    )
    with failing, django_capture_on_commit_callbacks(execute=True):
        response = submit(client, registration_page, with_token(valid_data))

    assert h1_texts(response) == ["Registration received"]
    delivery = EmailDelivery.objects.get()
    assert delivery.status == "queued" and delivery.attempts == 1
    later = timezone.now() + timedelta(hours=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        retry_due_emails(now=later)
        retry_due_emails(now=later)
    assert len(mail.outbox) == 1
    assert EmailDelivery.objects.get().status == "sent"


def test_database_down_gives_503_not_fake_success(client, registration_page, valid_data):
    with mock.patch.object(
        submissions, "claim_submission", side_effect=OperationalError("could not connect")
    ):
        response = submit(client, registration_page, with_token(valid_data), follow=False)

    assert response.status_code == 503
    assert "could not save your form" in response.content.decode()
    assert "Nothing has been sent" in response.content.decode()
    assert not SupportRequest.objects.exists()


def test_failure_halfway_leaves_nothing_half_stored(client, registration_page, valid_data):
    with mock.patch.object(registration, "save_equality_answers", side_effect=OperationalError("gone")):
        submit(client, registration_page, with_token({**valid_data, "equality_sex": "female"}), follow=False)

    assert not SupportRequest.objects.exists()
    assert not EmailDelivery.objects.exists()
    assert not SupportRequestEvent.objects.exists()


def test_post_without_csrf_token_is_refused(registration_page, valid_data):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(registration_page.url, with_token(valid_data))

    assert response.status_code == 403
    assert not SupportRequest.objects.exists()
