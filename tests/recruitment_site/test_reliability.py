"""The site under faults: a lost database gives an honest 503 and the site recovers by itself."""

import re
from unittest import mock

import pytest
from django.db import InterfaceError, OperationalError
from django.test import Client

from positive_action.models import SupportRegistrationPage, SupportRequest
from tests.helpers import h1_texts


@pytest.fixture
def visitor():
    # A real server turns exceptions into the error handler's page; the test client re-raises by default.
    return Client(raise_request_exception=False)


@pytest.mark.parametrize("error", [OperationalError, InterfaceError])
def test_a_lost_database_answers_503_with_retry_after_and_no_fake_page(visitor, demo_site, error):
    with mock.patch("wagtail.models.Site.find_for_request", side_effect=error("connection refused")):
        response = visitor.get("/")

    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    assert h1_texts(response) == ["Sorry, the service is unavailable"]
    assert "nothing you sent has been saved" in response.content.decode()


def test_the_site_recovers_without_a_restart_when_the_database_returns(visitor, demo_site):
    with mock.patch("wagtail.models.Site.find_for_request", side_effect=OperationalError("gone")):
        assert visitor.get("/").status_code == 503

    response = visitor.get("/")

    assert response.status_code == 200
    assert h1_texts(response) != ["Sorry, the service is unavailable"]


def test_a_programming_error_is_still_a_500_not_an_outage(visitor, demo_site):
    with mock.patch("wagtail.models.Site.find_for_request", side_effect=ValueError("bug")):
        response = visitor.get("/")

    assert response.status_code == 500
    assert "Retry-After" not in response


@pytest.mark.parametrize("charset", ["latin-1", "utf-16"])
def test_a_form_posted_in_another_character_set_gets_the_friendly_400_page(demo_site, charset):
    # A browser posts the form with its CSRF cookie and token; Django refuses a body that is not UTF-8.
    # Its own 400 view then read the body again and the visitor got a 500.
    browser = Client(enforce_csrf_checks=True, raise_request_exception=False)
    page = SupportRegistrationPage.objects.live().first()
    form = browser.get(page.url)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.content.decode()).group(1)
    body = f"csrfmiddlewaretoken={token}&name=Zo%E9".encode()
    records = SupportRequest.objects.count()

    response = browser.post(
        page.url, data=body, content_type=f"application/x-www-form-urlencoded; charset={charset}"
    )

    assert response.status_code == 400
    assert h1_texts(response) == ["Sorry, we could not read what was sent"]
    assert SupportRequest.objects.count() == records
