import uuid

import pytest
from django.db import transaction

from positive_action.models import SubmissionReceipt
from positive_action.submissions import claim_submission, token_from

pytestmark = pytest.mark.django_db


def test_first_claim_is_new_and_repeat_finds_it():
    token = uuid.uuid4()
    with transaction.atomic():
        receipt, is_new = claim_submission(token, "form")
        receipt.reference = "PA-7KQ4M2"
        receipt.save()

    again, is_new_again = claim_submission(token, "form")

    assert is_new and not is_new_again
    assert again.reference == "PA-7KQ4M2"
    assert SubmissionReceipt.objects.count() == 1


@pytest.mark.parametrize("posted", ["", "not-a-uuid", "<script>", "x" * 10_000])
def test_missing_or_malformed_token_gets_a_fresh_one(posted):
    assert isinstance(token_from({"submission_token": posted}), uuid.UUID)
    assert token_from({"submission_token": posted}) != token_from({"submission_token": posted})
