"""A database outage while someone sends a public form loses nothing they typed.

When the record cannot be saved, the form comes back (503, Retry-After) with every answer and a message
that nothing was saved; when even the page cannot be drawn, the 503 page carries the answers in a form
that sends them again. A resend after the outage is stored once, like any other post."""

import re
from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.db import OperationalError
from django.test import Client

from ambassadors_network.models import Ambassador
from home.views import database_unavailable_response
from positive_action.models import SupportRequest
from positive_action.submissions import SubmissionFlow

from .public_forms import REGISTRATION, SIGN_UP, post_form

pytestmark = pytest.mark.django_db


def database_down_while_saving():
    return mock.patch.object(
        SubmissionFlow, "store", side_effect=OperationalError("server closed the connection")
    )


def database_down_while_routing():
    return mock.patch(
        "wagtail.models.Site.find_for_request", side_effect=OperationalError("connection refused")
    )


def field_values(html, name):
    soup = BeautifulSoup(html, "html.parser")
    return [field.get("value") for field in soup.find_all(attrs={"name": name})]


@pytest.mark.parametrize(
    ("form", "answers", "model"),
    [("registration", REGISTRATION, SupportRequest), ("sign_up", SIGN_UP, Ambassador)],
)
def test_a_form_that_cannot_be_saved_comes_back_with_every_answer_and_says_nothing_was_saved(
    client, pages, form, answers, model
):
    with database_down_while_saving():
        response = post_form(client, pages[form], answers)

    assert response.status_code == 503
    assert response["Retry-After"]
    html = response.content.decode()
    assert "could not save your form" in html and "your answers are still here" in html
    assert field_values(html, "name") == [answers["name"]]
    assert field_values(html, "email") == [answers["email"]]
    assert model.objects.count() == 0


def test_the_form_sent_again_after_the_outage_is_stored_once(client, pages):
    token = "5d1f4c39-0f6b-4f0e-9a55-0d6a4c1e2b7a"
    with database_down_while_saving():
        failed = client.post(pages["registration"].url, {**REGISTRATION, "submission_token": token})
    assert field_values(failed.content.decode(), "submission_token") == [token], "the same post, recognised"

    first = client.post(pages["registration"].url, {**REGISTRATION, "submission_token": token})
    again = client.post(pages["registration"].url, {**REGISTRATION, "submission_token": token})

    assert first.status_code == again.status_code == 302
    assert SupportRequest.objects.count() == 1


def test_when_the_page_cannot_be_drawn_the_503_page_can_send_the_same_answers_again(pages):
    browser = Client(enforce_csrf_checks=True)
    form_page = browser.get(pages["registration"].url).content.decode()
    csrf = field_values(form_page, "csrfmiddlewaretoken")[0]
    token = field_values(form_page, "submission_token")[0]
    posted = {**REGISTRATION, "csrfmiddlewaretoken": csrf, "submission_token": token}

    with database_down_while_routing():
        outage = browser.post(pages["registration"].url, posted)

    assert outage.status_code == 503
    html = outage.content.decode()
    soup = BeautifulSoup(html, "html.parser")
    resend = soup.find("form")
    assert resend["action"] == pages["registration"].url and resend["method"] == "post"
    carried = [(field["name"], field["value"]) for field in resend.find_all("input", type="hidden")]
    assert sorted(carried) == sorted(
        (name, value)
        for name, values in posted.items()
        for value in (values if isinstance(values, list) else [values])
    )

    # The outage is over; pressing "Send my answers again" posts exactly what the page carries.
    assert browser.post(resend["action"], dict_of_lists(carried)).status_code == 302
    assert SupportRequest.objects.get().email == REGISTRATION["email"]


def dict_of_lists(pairs):
    data = {}
    for name, value in pairs:
        data.setdefault(name, []).append(value)
    return data


def test_the_503_page_never_carries_admin_posts_or_passwords(client, pages, rf):
    sign_in = rf.post("/admin/login/", {"username": "editor", "password": "secret-password"})
    admin = database_unavailable_response(sign_in)
    assert admin.status_code == 503
    assert "secret-password" not in admin.content.decode() and "<form" not in admin.content.decode()

    with database_down_while_routing():
        public = client.post(pages["registration"].url, {**REGISTRATION, "new_password": "hunter2-hunter2"})
    assert "hunter2" not in public.content.decode()
    assert re.search(r'name="email" value="amina@example.org"', public.content.decode())
