"""Twenty people registering at the same moment on the embedded default database (SQLite, which `make run`
uses): every one of them is stored and confirmed, none is answered "database unavailable".

The posts go over HTTP to a threaded server in this process (pytest-django's live server, like
`runserver`), each thread with its own database connection, released together by a barrier.
"""

import uuid

import pytest
from django.db import connection

from positive_action.models import SupportRequest

from .public_forms import REGISTRATION, post_together

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "sqlite", reason="the embedded default is SQLite"),
]

PEOPLE = 20


def test_twenty_simultaneous_registrations_are_all_stored_and_confirmed(live_server, pages):
    crowd = [
        {
            **REGISTRATION,
            "email": f"crowd.{number}@example.org",
            "name": f"Crowd Person {number}",
            "submission_token": str(uuid.uuid4()),
        }
        for number in range(PEOPLE)
    ]

    answers = post_together(live_server.url, pages["registration"].url, crowd)

    confirmed = [
        number for number, (status, location) in enumerate(answers) if status == 302 and "done=" in location
    ]
    assert confirmed == list(range(PEOPLE)), answers
    assert SupportRequest.objects.filter(email__startswith="crowd.").count() == PEOPLE
