"""Twenty people registering at the same moment on the embedded default database (SQLite, which `make run`
uses): every one of them is stored and confirmed, none is answered "database unavailable".

The posts go over HTTP to a threaded server in this process (pytest-django's live server, like
`runserver`), each thread with its own database connection, released together by a barrier.
"""

import http.client
import re
import threading
import urllib.parse
import uuid

import pytest
from django.db import connection

from positive_action.models import SupportRequest

from .public_forms import REGISTRATION

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "sqlite", reason="the embedded default is SQLite"),
]

PEOPLE = 20


def registration_body(token, number):
    answers = {**REGISTRATION, "email": f"crowd.{number}@example.org", "name": f"Crowd Person {number}"}
    fields = [
        (name, value)
        for name, values in answers.items()
        for value in (values if isinstance(values, list) else [values])
    ]
    fields += [("csrfmiddlewaretoken", token), ("submission_token", str(uuid.uuid4()))]
    return urllib.parse.urlencode(fields)


def register_together(host, port, path, barrier, number, answers):
    server = http.client.HTTPConnection(host, port, timeout=60)
    server.request("GET", path)
    form = server.getresponse()
    page = form.read().decode()
    cookie = re.search(r"csrftoken=([^;]+)", form.getheader("Set-Cookie", "")).group(1)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": f"csrftoken={cookie}",
        "Referer": f"http://{host}:{port}{path}",
    }
    barrier.wait()
    server.request("POST", path, registration_body(token, number), headers)
    answer = server.getresponse()
    answer.read()
    answers[number] = (answer.status, answer.getheader("Location", ""))
    server.close()


def test_twenty_simultaneous_registrations_are_all_stored_and_confirmed(live_server, pages):
    address = urllib.parse.urlsplit(live_server.url)
    path = pages["registration"].url
    barrier = threading.Barrier(PEOPLE)
    answers = {}
    people = [
        threading.Thread(
            target=register_together, args=(address.hostname, address.port, path, barrier, number, answers)
        )
        for number in range(PEOPLE)
    ]
    for person in people:
        person.start()
    for person in people:
        person.join(timeout=120)

    confirmed = [
        number for number, (status, location) in answers.items() if status == 302 and "done=" in location
    ]
    assert sorted(confirmed) == list(range(PEOPLE)), answers
    assert SupportRequest.objects.filter(email__startswith="crowd.").count() == PEOPLE
