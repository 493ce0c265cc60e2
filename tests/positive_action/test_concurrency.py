"""Concurrent posts against PostgreSQL: duplicates of one submission make one record, different people
each get exactly one. SQLite serialises writers, so these run on PostgreSQL only."""

import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections
from django.test import Client

from positive_action.models import SubmissionReceipt, SupportRequest, SupportSettings
from recruitment_site.devtools.demo.support import ensure_registration_page

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL (set DATABASE_URL)"),
]


def post_in_thread(url, data):
    try:
        return Client().post(url, data).status_code
    finally:
        connections.close_all()


@pytest.fixture
def page(demo_site, settings):
    settings.PUBLIC_FORM_RATE_LIMIT = 1000
    SupportRequest.objects.all().delete()
    SupportSettings.objects.update(team_email="")
    return ensure_registration_page(demo_site)


def test_concurrent_duplicate_posts_create_one_record(page, valid_data):
    data = {**valid_data, "submission_token": str(uuid.uuid4())}
    with ThreadPoolExecutor(max_workers=10) as pool:
        statuses = list(pool.map(lambda _: post_in_thread(page.url, data), range(10)))

    assert statuses == [302] * 10
    assert SupportRequest.objects.count() == 1
    assert SubmissionReceipt.objects.count() == 1


def test_fifty_people_registering_at_once_are_each_stored_once(page, valid_data):
    def register(number):
        data = {**valid_data, "email": f"person{number}@example.org", "submission_token": str(uuid.uuid4())}
        return post_in_thread(page.url, data)

    with ThreadPoolExecutor(max_workers=10) as pool:
        statuses = list(pool.map(register, range(50)))

    assert statuses == [302] * 50
    assert SupportRequest.objects.count() == 50
    assert SupportRequest.objects.values("email").distinct().count() == 50
