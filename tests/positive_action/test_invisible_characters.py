"""The support registration form removes bidirectional and zero-width characters but keeps the joiners
that spell a Bengali name (recruitment_site.core.text.plain_text)."""

import uuid

import pytest
from django.core.exceptions import ValidationError

from positive_action.models import SupportRequest
from tests.positive_action.factories import SupportRequestFactory
from tests.recruitment_site.test_plain_text import BENGALI_ZWNJ, PDF, RLO, ZWJ

pytestmark = pytest.mark.django_db


def registration(valid_data, **overrides):
    return {**valid_data, "submission_token": str(uuid.uuid4()), **overrides}


def test_support_registration_keeps_a_bengali_name_and_drops_an_override(
    client, registration_page, valid_data
):
    name = f"{BENGALI_ZWNJ} {RLO}Rahman{PDF}"
    note = f"Step-free access{RLO} please\u200b"

    response = client.post(registration_page.url, registration(valid_data, name=name, access_needs=note))

    assert response.status_code == 302
    record = SupportRequest.objects.get()
    assert record.name == f"{BENGALI_ZWNJ} Rahman"
    assert record.access_needs == "Step-free access please"


def test_a_name_of_invisible_characters_only_is_refused_as_empty(client, registration_page, valid_data):
    response = client.post(registration_page.url, registration(valid_data, name=f"{RLO}{ZWJ}\u200b"))

    assert response.status_code == 200 and not SupportRequest.objects.exists()


def test_staff_edits_lose_invisible_characters_too(registration_page):
    record = SupportRequestFactory()
    record.name = f"{BENGALI_ZWNJ} {RLO}Rahman{PDF}"
    record.access_needs = f"Quiet room\u200b{RLO}"

    record.full_clean()

    assert (record.name, record.access_needs) == (f"{BENGALI_ZWNJ} Rahman", "Quiet room")
    record.name = f"{RLO}{ZWJ}"
    with pytest.raises(ValidationError):
        record.full_clean()
