"""Guards on the cost of registering: the form page and a registration may not quietly grow queries, task
rows or session writes (docs/performance.md, "Registration")."""

import uuid

import pytest
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client
from wagtail.models import ReferenceIndex

from home.models import Borough
from positive_action.models import EmailDelivery, SubmissionReceipt, SupportRequest
from tests.helpers import soup

pytestmark = pytest.mark.django_db

# Counted in the test environment, where a request's transaction is a savepoint inside the test's own.
# Anonymous visitors' routes and the shared page furniture (site settings, navigation, the blank form's
# questions) come from the cache after the first request, as they do in production.
# Since i18n (LocaleMiddleware, i18n_patterns) one more: Wagtail's lookup of the active language's Locale
# row (language_code = 'en-gb'), once per request, when the page is served for that locale.
FORM_PAGE_QUERIES = 3
# PostgreSQL adds one statement: the person's lock, taken before looking for their open record so that
# two simultaneous posts from one email make one record (lock_person in positive_action/submissions.py).
# SQLite takes none: its transactions already run one after another.
PERSON_LOCK_QUERIES = 1 if connection.vendor == "postgresql" else 0
# Of these, one is the Locale lookup per request (as for the form page). The "what happens next" link in the
# confirmation email costs four queries the first time and then comes from the cache until content changes
# (home/templatetags/timeline_tags.py), so the budget is counted on a second registration. One more reads the
# site for the email's full links.
REGISTRATION_QUERIES = 13 + PERSON_LOCK_QUERIES


def registration(valid_data, **changes):
    return {**valid_data, "submission_token": str(uuid.uuid4()), **changes}


def email_inserts(queries):
    return [
        query for query in queries if query["sql"].startswith('INSERT INTO "positive_action_emaildelivery"')
    ]


def test_form_page_stays_within_its_query_budget(client, registration_page, django_assert_max_num_queries):
    client.get(registration_page.url)

    with django_assert_max_num_queries(FORM_PAGE_QUERIES):
        response = client.get(registration_page.url)

    assert response.status_code == 200


def test_registration_stays_within_its_query_budget(
    client, registration_page, team_email, valid_data, django_assert_max_num_queries
):
    client.get(registration_page.url)
    Client().post(registration_page.url, registration(valid_data, email="first@example.com"))

    with django_assert_max_num_queries(REGISTRATION_QUERIES) as queries:
        response = client.post(registration_page.url, registration(valid_data))

    assert response.status_code == 302
    assert SupportRequest.objects.count() == 2
    assert len(email_inserts(queries.captured_queries)) == 1
    assert EmailDelivery.objects.count() == 4


def test_both_emails_of_a_registration_are_handed_to_the_queue_as_one_task(
    client, registration_page, team_email, valid_data, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        client.post(registration_page.url, registration(valid_data))

    assert len(callbacks) == 1
    assert sorted(message.to[0] for message in mailoutbox) == ["amina@example.org", "team@example.org"]
    assert set(EmailDelivery.objects.values_list("status", flat=True)) == {"sent"}


def test_new_registration_writes_its_receipt_once(client, registration_page, valid_data):
    with pytest.MonkeyPatch.context() as patch:
        saves = []
        patch.setattr(SubmissionReceipt, "save", lambda self, *a, **k: saves.append(self))
        client.post(registration_page.url, registration(valid_data))

    receipt = SubmissionReceipt.objects.get()
    assert saves == []
    assert receipt.reference == receipt.record_reference == SupportRequest.objects.get().reference


def test_registration_adds_nothing_to_wagtails_reference_index(client, registration_page, valid_data):
    borough = Borough.objects.active().first()

    client.post(registration_page.url, registration(valid_data, borough=borough.slug))

    assert SupportRequest.objects.get().borough == borough
    support_type = ContentType.objects.get_for_model(SupportRequest)
    assert not ReferenceIndex.objects.filter(content_type=support_type).exists()


def test_anonymous_visitor_registering_gets_no_session(client, registration_page, valid_data):
    client.get(registration_page.url)
    response = client.post(registration_page.url, registration(valid_data), follow=True)

    assert "registration received" in response.content.decode().lower()
    assert "sessionid" not in client.cookies
    assert not Session.objects.exists()


def test_borough_added_by_an_editor_is_offered_at_once(client, registration_page):
    client.get(registration_page.url)

    Borough.objects.create(name="Ashcombe Vale", slug="ashcombe-vale")

    assert 'value="ashcombe-vale"' in client.get(registration_page.url).content.decode()


def test_borough_made_inactive_is_no_longer_offered(client, registration_page):
    borough = Borough.objects.active().first()
    assert f'value="{borough.slug}"' in client.get(registration_page.url).content.decode()

    borough.is_active = False
    borough.save()

    assert f'value="{borough.slug}"' not in client.get(registration_page.url).content.decode()


def hidden_value(response, name):
    return soup(response).find("input", attrs={"name": name})["value"]


def questions(response):
    form = soup(response).find("form", class_="registration-form")
    for hidden in form.find_all("input", type="hidden"):
        hidden.decompose()
    return str(form)


def test_kept_form_questions_come_with_fresh_tokens_for_every_visitor(client, registration_page, settings):
    settings.FRAGMENT_CACHE_SECONDS = 300
    first = client.get(registration_page.url)
    second = Client().get(registration_page.url)

    assert questions(first) == questions(second)
    assert hidden_value(first, "submission_token") != hidden_value(second, "submission_token")
    assert hidden_value(first, "csrfmiddlewaretoken") and hidden_value(second, "csrfmiddlewaretoken")


def test_rejected_registration_shows_the_visitors_answers_not_the_kept_blank_form(
    client, registration_page, valid_data, settings
):
    settings.FRAGMENT_CACHE_SECONDS = 300
    client.get(registration_page.url)

    response = client.post(
        registration_page.url, registration(valid_data, name="Ada <b>Lovelace</b>", email="not-an-email")
    )

    assert response.status_code == 200
    assert soup(response).find("input", attrs={"name": "name"})["value"] == "Ada <b>Lovelace</b>"
    assert b"<b>Lovelace</b>" not in response.content
    assert soup(response).find(class_="error-summary") is not None
    assert SupportRequest.objects.count() == 0


def test_edited_privacy_summary_shows_on_the_form_at_once(client, registration_page, settings):
    settings.FRAGMENT_CACHE_SECONDS = 300
    client.get(registration_page.url)

    registration_page.privacy_summary = "<p>We now keep your answers for one year.</p>"
    registration_page.save_revision().publish()

    assert "for one year" in questions(client.get(registration_page.url))


def test_new_borough_is_offered_on_the_form_at_once(client, registration_page, settings):
    settings.FRAGMENT_CACHE_SECONDS = 300
    client.get(registration_page.url)

    Borough.objects.create(name="Newly Added Borough", slug="newly-added")

    options = soup(client.get(registration_page.url)).select("select[name=borough] option")
    assert "Newly Added Borough" in [option.get_text(strip=True) for option in options]
