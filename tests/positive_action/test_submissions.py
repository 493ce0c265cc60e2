import uuid
from concurrent.futures import ThreadPoolExecutor
from unittest import mock

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection, connections, transaction

from positive_action.models import SubmissionReceipt
from positive_action.submissions import claim_submission, lock_person, person_lock_id, token_from

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


def test_addresses_the_duplicate_check_treats_as_one_share_a_person_lock():
    typed = ["amina@example.org", "Amina@Example.org", " AMINA@EXAMPLE.ORG "]

    assert len({person_lock_id("support-registration", email) for email in typed}) == 1
    assert person_lock_id("support-registration", "amina@example.org") != person_lock_id(
        "support-registration", "amina@example.com"
    )
    assert person_lock_id("support-registration", "amina@example.org") != person_lock_id(
        "ambassador-signup", "amina@example.org"
    )


def lock_free_elsewhere(scope, email):
    """Whether another connection could take the person's lock now (without waiting for it)."""

    def try_lock():
        try:
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute("SELECT pg_try_advisory_xact_lock(%s)", [person_lock_id(scope, email)])
                return cursor.fetchone()[0]
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=1) as other_process:
        return other_process.submit(try_lock).result()


# serialized_rollback: a plain transactional flush re-creates the content types with new ids, and every
# later serialized_rollback test on this process then fails to restore its snapshot (duplicate key).
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's lock; SQLite's transactions already queue whole"
)
def test_person_lock_keeps_the_same_persons_other_posts_waiting_until_the_transaction_ends():
    with transaction.atomic():
        lock_person("support-registration", "amina@example.org")

        assert not lock_free_elsewhere("support-registration", "AMINA@example.org")
        assert lock_free_elsewhere("support-registration", "someone.else@example.org")
        assert lock_free_elsewhere("ambassador-signup", "amina@example.org")

    assert lock_free_elsewhere("support-registration", "amina@example.org")


def test_a_database_without_a_person_lock_is_refused_rather_than_risking_two_records():
    with (
        mock.patch.object(type(connections["default"]), "vendor", "mysql"),
        pytest.raises(ImproperlyConfigured),
    ):
        lock_person("support-registration", "amina@example.org")
