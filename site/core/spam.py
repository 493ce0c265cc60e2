"""Spam defences any public form view can use: reCAPTCHA v3, a honeypot field and per-IP rate limiting.

A real person must never be lost to a spam check, so reCAPTCHA never rejects: a low score, a missing token
(JavaScript off) or Google being unreachable gives the verdict NEEDS_REVIEW and the caller stores the
submission flagged for a person to release or delete. Only the honeypot (filled in by bots, invisible to
people) and the rate limit reject outright, each with a clear message.

Typical use in a form view::

    if spam.rate_limited(request, "support-registration"):
        return spam.rate_limited_response(request)
    if spam.honeypot_filled(request.POST):
        return render(..., {"honeypot_error": True}, status=400)
    verdict = spam.recaptcha_verdict(request)
    record.needs_spam_review = verdict.needs_review
"""

import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render
from django_recaptcha import client as recaptcha_client

logger = logging.getLogger(__name__)

HONEYPOT_FIELD = "website"
RECAPTCHA_FIELD = "g-recaptcha-response"
RECAPTCHA_TOKEN_MAX_LENGTH = 4000

_disabled_warning_logged = False


@dataclass(frozen=True)
class Verdict:
    """The outcome of the reCAPTCHA check. ``reason`` is for staff, never shown to the public."""

    needs_review: bool
    reason: str = ""
    score: float | None = None


PASSED_WITHOUT_CHECK = Verdict(needs_review=False, reason="check off (no keys)")


def recaptcha_enabled():
    """True when both keys are set. Without them (development) the check is off and the log says so once."""
    global _disabled_warning_logged
    enabled = bool(settings.RECAPTCHA_PUBLIC_KEY and settings.RECAPTCHA_PRIVATE_KEY)
    if not enabled and not _disabled_warning_logged:
        logger.warning("reCAPTCHA keys are not set: the spam check on public forms is off.")
        _disabled_warning_logged = True
    return enabled


def recaptcha_verdict(request):
    """Ask Google about the token the page's script put in the form; any doubt means NEEDS_REVIEW."""
    if not recaptcha_enabled():
        return PASSED_WITHOUT_CHECK
    token = request.POST.get(RECAPTCHA_FIELD, "").strip()
    if not token or len(token) > RECAPTCHA_TOKEN_MAX_LENGTH:
        return Verdict(needs_review=True, reason="no reCAPTCHA token (JavaScript off or blocked)")
    try:
        answer = recaptcha_client.submit(token, settings.RECAPTCHA_PRIVATE_KEY, client_ip(request))
    except Exception as error:  # noqa: BLE001 - any network or parsing failure is a doubt, not an error page
        logger.warning("reCAPTCHA verification failed: %s", type(error).__name__)
        return Verdict(needs_review=True, reason="reCAPTCHA could not be reached")
    return verdict_from_answer(answer)


def verdict_from_answer(answer):
    score = answer.extra_data.get("score")
    if not answer.is_valid:
        codes = ", ".join(answer.error_codes) or "invalid"
        return Verdict(needs_review=True, reason=f"reCAPTCHA rejected the token ({codes})", score=score)
    if score is None or score < settings.RECAPTCHA_REQUIRED_SCORE:
        return Verdict(needs_review=True, reason="low reCAPTCHA score", score=score)
    return Verdict(needs_review=False, reason="reCAPTCHA passed", score=score)


def honeypot_filled(data, field=HONEYPOT_FIELD):
    """True when the hidden field people never see has been filled in: a bot."""
    return bool(data.get(field, "").strip())


def client_ip(request):
    """The visitor's address. Behind N trusted proxies (AXES_IPWARE_PROXY_COUNT) the Nth address from the
    right of X-Forwarded-For is the one the outermost proxy saw; otherwise REMOTE_ADDR."""
    proxies = getattr(settings, "AXES_IPWARE_PROXY_COUNT", 0)
    forwarded = [
        part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()
    ]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def rate_limited(request, scope, limit=None, window=None):
    """Count this request against the visitor's allowance for ``scope``; True once it is used up."""
    limit = limit or settings.PUBLIC_FORM_RATE_LIMIT
    window = window or settings.PUBLIC_FORM_RATE_WINDOW_SECONDS
    key = f"rate-limit:{scope}:{client_ip(request)}"
    if cache.add(key, 1, timeout=window):
        return limit < 1
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, timeout=window)
        count = 1
    return count > limit


def rate_limited_response(request, window=None, searching=False):
    """A clear 429 page telling the visitor when to try again."""
    window = window or settings.PUBLIC_FORM_RATE_WINDOW_SECONDS
    minutes = max(1, window // 60)
    response = render(request, "429.html", {"minutes": minutes, "searching": searching}, status=429)
    response["Retry-After"] = str(window)
    return response


def recaptcha_csp_update():
    """The extra Content-Security-Policy sources a page with a reCAPTCHA form needs, for ``csp_update``.
    Only pages with a form get them."""
    if not recaptcha_enabled():
        return {}
    return {
        "script-src": ["https://www.google.com/recaptcha/", "https://www.gstatic.com/recaptcha/"],
        "frame-src": ["https://www.google.com/recaptcha/", "https://recaptcha.google.com/recaptcha/"],
        "connect-src": ["https://www.google.com/recaptcha/"],
    }
