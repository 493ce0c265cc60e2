import datetime

import pytest
from axes.models import AccessAttempt
from django.contrib.sessions.models import Session
from django.db.models import F
from django.utils import timezone

from home import roles
from tests.factories import STAFF_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

PRODUCTION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]


@pytest.fixture
def throttled_login(settings):
    settings.AUTHENTICATION_BACKENDS = PRODUCTION_BACKENDS
    settings.AXES_ENABLED = True


def sign_in(client, username, password, address="198.51.100.7"):
    return client.post("/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=address)


def test_tenth_failed_sign_in_locks_out_even_the_right_password(client, throttled_login):
    user = UserFactory(role=roles.DIVERSITY_TEAM)
    for _ in range(9):
        assert sign_in(client, user.username, "wrong-password").status_code == 200
    assert sign_in(client, user.username, "wrong-password").status_code == 429

    response = sign_in(client, user.username, STAFF_PASSWORD)

    assert response.status_code == 429
    assert client.get("/admin/").status_code == 302


def test_nine_failed_sign_ins_still_allow_the_right_password(client, throttled_login):
    user = UserFactory(role=roles.DIVERSITY_TEAM)
    for _ in range(9):
        sign_in(client, user.username, "wrong-password")

    assert sign_in(client, user.username, STAFF_PASSWORD).status_code == 302
    assert client.get("/admin/").status_code == 200


def test_lockout_ends_after_five_minutes(client, throttled_login):
    user = UserFactory(role=roles.EDITORS)
    for _ in range(10):
        sign_in(client, user.username, "wrong-password")
    assert sign_in(client, user.username, STAFF_PASSWORD).status_code == 429

    AccessAttempt.objects.update(attempt_time=F("attempt_time") - datetime.timedelta(minutes=5, seconds=1))

    assert sign_in(client, user.username, STAFF_PASSWORD).status_code == 302


def test_permissions_policy_switches_off_unused_browser_features(client):
    policy = client.get("/robots.txt").headers["Permissions-Policy"]

    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in policy


def test_staff_session_expires_after_thirty_idle_minutes(client):
    user = UserFactory(role=roles.DIVERSITY_TEAM)
    sign_in(client, user.username, STAFF_PASSWORD)
    assert client.session.get_expiry_age() == 30 * 60

    Session.objects.update(expire_date=timezone.now() - datetime.timedelta(seconds=1))

    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_session_cookie_is_http_only_and_not_readable_by_scripts(client):
    user = UserFactory(role=roles.DIVERSITY_TEAM)
    response = sign_in(client, user.username, STAFF_PASSWORD)

    cookie = response.cookies["sessionid"]
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"


def test_admin_pages_have_their_own_content_security_policy(client):
    policy = client.get("/admin/login/")["Content-Security-Policy"]
    directives = dict(
        (part.split()[0], part.split()[1:]) for part in (item.strip() for item in policy.split(";")) if part
    )

    assert directives["script-src"] == ["'self'", "'unsafe-inline'"]  # no nonce, which would void it
    assert directives["frame-ancestors"] == ["'self'"] and directives["object-src"] == ["'none'"]
    assert {"data:", "blob:"} <= set(directives["img-src"])
    assert "'unsafe-eval'" not in policy


def test_public_pages_keep_the_strict_policy(client):
    policy = client.get("/robots.txt")["Content-Security-Policy"]

    assert "script-src 'self';" in policy + ";" and "'unsafe-inline'" not in policy
    assert "frame-ancestors 'none'" in policy
