import re
import time
from datetime import timedelta

import pytest
from django.core import signing
from django.core.management import call_command
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from home import roles
from home.two_factor_enrolment import issue_link
from tests.factories import SuperuserFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def two_factor_required(settings):
    settings.STAFF_TWO_FACTOR_REQUIRED = True


def current_code(device):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


@pytest.mark.parametrize("role", roles.PERSONAL_DATA_ROLES)
def test_personal_data_roles_must_set_up_a_second_factor_before_any_admin_page(client, role):
    client.force_login(UserFactory(role=role))

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"] == "/admin/two-factor/?next=/admin/"


def test_a_password_alone_offers_no_setup_and_creates_no_device(client):
    user = UserFactory(role=roles.DIVERSITY_TEAM)
    client.force_login(user)

    page = client.get("/admin/two-factor/?next=/admin/")

    assert "Ask an administrator for your enrolment link" in page.content.decode()
    assert "<svg" not in page.content.decode() and "<form" not in page.content.decode()
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert client.get("/admin/two-factor/verify/")["Location"] == "/admin/two-factor/"


def test_superuser_must_give_a_second_factor_too(client):
    client.force_login(SuperuserFactory())
    assert client.get("/admin/pages/").status_code == 302


@pytest.mark.parametrize("role", [roles.EDITORS, roles.MODERATORS])
def test_content_roles_without_personal_data_sign_in_with_a_password_only(client, role):
    client.force_login(UserFactory(role=role))
    assert client.get("/admin/").status_code == 200


def enrol_page(client, link):
    page = client.get(link + "?next=/admin/")
    return page, TOTPDevice.objects.filter(confirmed=False).last()


def test_setting_up_an_authenticator_app_through_an_enrolment_link_opens_the_admin(client):
    user = UserFactory(role=roles.DIVERSITY_TEAM)
    link = issue_link(user, issued_by=SuperuserFactory())
    client.force_login(user)

    page, device = enrol_page(client, link)
    response = client.post(link, {"token": current_code(device), "next": "/admin/"})

    assert "<svg" in page.content.decode()
    assert re.search(r"[A-Z2-7]{16,}", page.content.decode())
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    assert TOTPDevice.objects.get(user=user).confirmed
    actions = ModelLogEntry.objects.filter(object_id=str(user.pk)).values_list("action", flat=True)
    assert {"recruitment.two_factor_link_issued", "recruitment.two_factor_setup"} <= set(actions)


def test_an_enrolment_link_stops_working_once_the_device_is_confirmed(client):
    user = UserFactory(role=roles.DIVERSITY_TEAM)
    link = issue_link(user)
    client.force_login(user)
    _page, device = enrol_page(client, link)
    client.post(link, {"token": current_code(device)})

    response = client.get(link)

    assert response.status_code == 400
    assert "does not work" in response.content.decode()
    assert TOTPDevice.objects.filter(user=user).count() == 1


def test_an_old_link_stays_dead_after_a_lost_device_is_removed(client):
    user = UserFactory(role=roles.DIVERSITY_TEAM)
    link = issue_link(user)
    client.force_login(user)
    _page, device = enrol_page(client, link)
    client.post(link, {"token": current_code(device)})
    TOTPDevice.objects.filter(user=user).delete()

    assert client.get(link).status_code == 400


def test_an_expired_link_is_refused(client, monkeypatch):
    user = UserFactory(role=roles.DIVERSITY_TEAM)
    issued_at = time.time() - timedelta(hours=49).total_seconds()
    with monkeypatch.context() as patch:  # the signature's timestamp comes from time.time()
        patch.setattr(time, "time", lambda: issued_at)
        link = issue_link(user)
    client.force_login(user)

    assert client.get(link).status_code == 400
    assert not TOTPDevice.objects.filter(user=user).exists()


def test_a_tampered_link_is_refused(client):
    user = UserFactory(role=roles.DIVERSITY_TEAM)
    link = issue_link(user)
    client.force_login(user)
    token = link.rstrip("/").rsplit("/", 1)[1]
    payload = signing.loads(token, salt="home.two_factor_enrolment")
    forged = signing.dumps(payload, salt="home.two_factor_enrolment", key="not-the-site-key")

    assert client.get(f"/admin/two-factor/enrol/{forged}/").status_code == 400
    assert client.get(link.replace(token, token[:-2] + "xx")).status_code == 400
    assert not TOTPDevice.objects.filter(user=user).exists()


def test_a_link_for_one_person_is_refused_to_another(client):
    intended = UserFactory(role=roles.DIVERSITY_TEAM)
    other = UserFactory(role=roles.DIVERSITY_TEAM)
    link = issue_link(intended)
    client.force_login(other)

    response = client.get(link)

    assert response.status_code == 400
    assert client.post(link, {"token": "123456"}).status_code == 400
    assert not TOTPDevice.objects.exists()
    refused = ModelLogEntry.objects.filter(action="recruitment.two_factor_link_refused")
    assert {entry.object_id for entry in refused} == {str(other.pk)}


def test_a_newer_link_replaces_the_older_one_and_its_key(client):
    user = UserFactory(role=roles.DIVERSITY_TEAM)
    first = issue_link(user)
    client.force_login(user)
    _page, first_device = enrol_page(client, first)

    second = issue_link(user)

    assert client.get(first).status_code == 400
    assert not TOTPDevice.objects.filter(pk=first_device.pk).exists()
    assert client.get(second).status_code == 200


def test_the_enrolment_link_is_not_exempt_from_signing_in(client):
    link = issue_link(UserFactory(role=roles.DIVERSITY_TEAM))

    assert client.get(link)["Location"].startswith("/admin/login/")


def test_wrong_code_keeps_the_admin_closed(client):
    user = UserFactory(role=roles.DIVERSITY_LEADS)
    link = issue_link(user)
    client.force_login(user)
    client.get(link)

    response = client.post(link, {"token": "000000"})

    assert response.status_code == 200
    assert "not right or has expired" in response.content.decode()
    assert client.get("/admin/").status_code == 302


@pytest.mark.parametrize("token", ["", "12345", "abcdef", "1234567", "<script>", "1" * 10000])
def test_malformed_codes_are_refused_with_a_message(client, token):
    user = UserFactory(role=roles.DIVERSITY_TEAM)
    link = issue_link(user)
    client.force_login(user)
    client.get(link)

    response = client.post(link, {"token": token})

    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("</form>")[0].split("<form")[1]


def test_a_throttled_device_says_so_even_for_the_right_code(client):
    user = UserFactory(role=roles.DIVERSITY_TEAM)
    device = TOTPDevice.objects.create(
        user=user,
        name="Authenticator app",
        confirmed=True,
        throttling_failure_count=5,
        throttling_failure_timestamp=timezone.now(),
    )
    client.force_login(user)

    response = client.post("/admin/two-factor/verify/", {"token": current_code(device)})

    page = response.content.decode()
    assert re.search(r"Too many attempts: wait 1[56] seconds and try again", page)
    assert "not right" not in page
    assert client.get("/admin/").status_code == 302


def test_an_administrator_issues_a_link_from_the_users_list(client):
    admin = SuperuserFactory()
    TOTPDevice.objects.create(user=admin, name="Authenticator app", confirmed=True)
    staff = UserFactory(role=roles.DIVERSITY_TEAM)
    client.force_login(admin)
    session = client.session
    session["otp_device_id"] = TOTPDevice.objects.get(user=admin).persistent_id
    session.save()

    listing = client.get("/admin/users/")
    issue_url = f"/admin/two-factor/issue/{staff.pk}/"
    confirm = client.get(issue_url)
    issued_on_get = ModelLogEntry.objects.filter(action="recruitment.two_factor_link_issued").exists()
    issued = client.post(issue_url)

    assert issue_url in listing.content.decode()
    assert "/two-factor/enrol/" not in confirm.content.decode() and not issued_on_get
    link = re.search(r'value="(http://testserver/admin/two-factor/enrol/[^"]+/)"', issued.content.decode())[1]
    entry = ModelLogEntry.objects.get(action="recruitment.two_factor_link_issued")
    assert entry.object_id == str(staff.pk) and entry.user_id == admin.pk
    staff_client = type(client)()
    staff_client.force_login(staff)
    assert staff_client.get(link.removeprefix("http://testserver")).status_code == 200


@pytest.mark.parametrize(
    "role", [roles.EDITORS, roles.MODERATORS, roles.DIVERSITY_TEAM, roles.DIVERSITY_LEADS]
)
def test_only_user_administrators_issue_links(client, role):
    staff = UserFactory(role=roles.DIVERSITY_TEAM)
    issuer = UserFactory(role=role)
    TOTPDevice.objects.create(user=issuer, name="Authenticator app", confirmed=True)
    client.force_login(issuer)
    session = client.session
    session["otp_device_id"] = TOTPDevice.objects.get(user=issuer).persistent_id
    session.save()

    response = client.post(f"/admin/two-factor/issue/{staff.pk}/")

    assert response.status_code == 403
    assert not ModelLogEntry.objects.filter(action="recruitment.two_factor_link_issued").exists()


def test_the_shell_command_prints_a_working_link(client, capsys):
    user = UserFactory(role=roles.DIVERSITY_LEADS)

    call_command("issue_enrolment_link", user.username)

    link = capsys.readouterr().out.strip()
    client.force_login(user)
    assert link.startswith("http://testserver/admin/two-factor/enrol/")
    assert client.get(link.removeprefix("http://testserver")).status_code == 200


def test_returning_user_verifies_with_their_confirmed_device(client):
    user = UserFactory(role=roles.DIVERSITY_TEAM)
    device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
    client.force_login(user)

    assert client.get("/admin/")["Location"] == "/admin/two-factor/verify/?next=/admin/"
    assert client.get("/admin/two-factor/")["Location"] == "/admin/two-factor/verify/"

    response = client.post("/admin/two-factor/verify/", {"token": current_code(device), "next": "/admin/"})
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_next_address_cannot_send_staff_to_another_site(client):
    user = UserFactory(role=roles.DIVERSITY_TEAM)
    device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
    client.force_login(user)

    response = client.post(
        "/admin/two-factor/verify/", {"token": current_code(device), "next": "https://evil.example.com/"}
    )

    assert response["Location"] == "/admin/"


def test_public_pages_never_ask_for_a_second_factor(client, demo_site):
    client.force_login(UserFactory(role=roles.DIVERSITY_TEAM))
    assert client.get("/").status_code == 200


def test_the_two_step_pages_get_the_icons_and_translations_they_load(client):
    client.force_login(UserFactory(role=roles.DIVERSITY_TEAM))

    assert client.get("/admin/sprite/").status_code == 200
    assert client.get("/admin/jsi18n/").status_code == 200
