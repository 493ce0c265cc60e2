import logging
from unittest import mock

import pytest
from django.test import RequestFactory
from django_recaptcha.client import RecaptchaResponse

from recruitment_site.core import spam


@pytest.fixture
def keys(settings):
    settings.RECAPTCHA_PUBLIC_KEY = "site-key"
    settings.RECAPTCHA_PRIVATE_KEY = "secret-key"
    settings.RECAPTCHA_REQUIRED_SCORE = 0.5


def post(data=None, **meta):
    return RequestFactory().post("/register/", data or {}, **meta)


def google_says(valid=True, score=0.9):
    return mock.patch.object(
        spam.recaptcha_client, "submit", return_value=RecaptchaResponse(valid, extra_data={"score": score})
    )


def test_good_score_passes(keys):
    with google_says(score=0.9):
        verdict = spam.recaptcha_verdict(post({spam.RECAPTCHA_FIELD: "token"}))

    assert not verdict.needs_review
    assert verdict.score == 0.9


def test_low_score_needs_review_not_rejection(keys):
    with google_says(score=0.1):
        verdict = spam.recaptcha_verdict(post({spam.RECAPTCHA_FIELD: "token"}))

    assert verdict.needs_review
    assert "low" in verdict.reason


def test_invalid_token_needs_review(keys):
    with google_says(valid=False, score=None):
        verdict = spam.recaptcha_verdict(post({spam.RECAPTCHA_FIELD: "token"}))

    assert verdict.needs_review


def test_missing_token_needs_review_without_asking_google(keys):
    with mock.patch.object(spam.recaptcha_client, "submit") as submit:
        verdict = spam.recaptcha_verdict(post({}))

    assert verdict.needs_review
    submit.assert_not_called()


@pytest.mark.parametrize("error", [TimeoutError("timed out"), OSError("unreachable"), ValueError("bad json")])
def test_google_unreachable_needs_review(keys, error):
    with mock.patch.object(spam.recaptcha_client, "submit", side_effect=error):
        verdict = spam.recaptcha_verdict(post({spam.RECAPTCHA_FIELD: "token"}))

    assert verdict.needs_review
    assert "reached" in verdict.reason


def test_without_keys_check_is_off_and_logged_once(settings, caplog, monkeypatch):
    settings.RECAPTCHA_PUBLIC_KEY = ""
    settings.RECAPTCHA_PRIVATE_KEY = ""
    monkeypatch.setattr(spam, "_disabled_warning_logged", False)

    with caplog.at_level(logging.WARNING, logger="recruitment_site.core.spam"):
        first = spam.recaptcha_verdict(post({}))
        second = spam.recaptcha_verdict(post({}))

    assert not first.needs_review and not second.needs_review
    assert len([r for r in caplog.records if "reCAPTCHA keys are not set" in r.getMessage()]) == 1


def test_honeypot_detects_bots():
    assert spam.honeypot_filled({"website": "http://spam.example"})
    assert not spam.honeypot_filled({"website": "  "})
    assert not spam.honeypot_filled({})


def test_rate_limit_counts_per_address(settings):
    settings.PUBLIC_FORM_RATE_LIMIT = 2
    first = post(REMOTE_ADDR="203.0.113.1")
    other = post(REMOTE_ADDR="203.0.113.2")

    results = [spam.rate_limited(first, "form") for _ in range(3)]

    assert results == [False, False, True]
    assert not spam.rate_limited(other, "form")


def test_rate_limit_uses_address_seen_by_trusted_proxy(settings):
    settings.AXES_IPWARE_PROXY_COUNT = 1
    request = post(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.7, 203.0.113.9")

    assert spam.client_ip(request) == "203.0.113.9"


def test_rate_limited_response_is_a_clear_429(db):
    response = spam.rate_limited_response(post())

    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert b"Too many attempts" in response.content
