"""Invalid, hostile and oversized input on every field: a 200 with errors or a 4xx, never a 500, nothing
half-stored, and stored text escaped wherever it is shown."""

import uuid

import pytest

from positive_action.models import EmailDelivery, SupportRequest
from tests.helpers import soup

pytestmark = pytest.mark.django_db

HUGE = "x" * 10_000
HOSTILE_VALUES = [
    "",
    HUGE,
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'; DROP TABLE positive_action_supportrequest; --",
    "Ã©Ã¨ mojibake Ã¼",
    "🚓👮🏽‍♀️",
    "مرحبا بالعالم",
    "\u202eevil\u202c",
    "null\x00byte",
    ["many", "values"],
]
FIELDS = [
    "name",
    "email",
    "phone",
    "preferred_contact",
    "callback_time",
    "contact_language",
    "interpreter",
    "borough",
    "role_of_interest",
    "application_progress",
    "support_wanted",
    "access_needs",
    "heard_about",
    "referral_code",
    "consent",
    "equality_ethnicity",
    "equality_disability",
    "submission_token",
]


def check_response(response, field, value):
    assert response.status_code in (200, 302, 400), (field, value, response.status_code)
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "<img src=x onerror" not in html
    if response.status_code == 200:
        assert soup(response).find(class_="error-summary"), f"{field}={value!r} shown again without an error"
        assert not SupportRequest.objects.exists()
        assert not EmailDelivery.objects.exists()
    elif response.status_code == 302:
        record = SupportRequest.objects.get()
        assert len(record.name) <= 150 and len(record.access_needs) <= 2000
        assert "\x00" not in record.name + record.access_needs


@pytest.mark.parametrize("field", FIELDS)
def test_hostile_values_never_break_the_form(client, registration_page, valid_data, field, settings):
    settings.PUBLIC_FORM_RATE_LIMIT = 1000
    for value in HOSTILE_VALUES:
        data = {**valid_data, "submission_token": str(uuid.uuid4()), field: value}

        check_response(client.post(registration_page.url, data), field, value)

        SupportRequest.objects.all().delete()
        EmailDelivery.objects.all().delete()


def test_stored_hostile_text_is_escaped_in_the_queue_and_record(client, registration_page, valid_data):
    from home.roles import DIVERSITY_TEAM
    from tests.factories import UserFactory

    hostile = "<script>alert(1)</script>"
    client.post(
        registration_page.url,
        {**valid_data, "submission_token": str(uuid.uuid4()), "name": hostile, "access_needs": hostile},
    )
    record = SupportRequest.objects.get()
    client.force_login(UserFactory(role=DIVERSITY_TEAM))

    for url in ["/admin/support-queue/", f"/admin/support-queue/inspect/{record.pk}/"]:
        html = client.get(url).content.decode()
        assert hostile not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_oversized_post_body_is_refused_not_crashed(client, registration_page, valid_data, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 50_000
    data = {**valid_data, "access_needs": "y" * 60_000, "submission_token": str(uuid.uuid4())}

    response = client.post(registration_page.url, data)

    assert response.status_code == 400
    assert not SupportRequest.objects.exists()
