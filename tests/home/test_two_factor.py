import re

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from home import roles
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
    assert response["Location"] == "/admin/two-factor/setup/?next=/admin/"


def test_superuser_must_give_a_second_factor_too(client):
    client.force_login(SuperuserFactory())
    assert client.get("/admin/pages/").status_code == 302


@pytest.mark.parametrize("role", [roles.EDITORS, roles.MODERATORS])
def test_content_roles_without_personal_data_sign_in_with_a_password_only(client, role):
    client.force_login(UserFactory(role=role))
    assert client.get("/admin/").status_code == 200


def test_setting_up_an_authenticator_app_opens_the_admin(client):
    user = UserFactory(role=roles.DIVERSITY_TEAM)
    client.force_login(user)

    page = client.get("/admin/two-factor/setup/?next=/admin/")
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    response = client.post("/admin/two-factor/setup/", {"token": current_code(device), "next": "/admin/"})

    assert "<svg" in page.content.decode()
    assert re.search(r"[A-Z2-7]{16,}", page.content.decode())
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    assert TOTPDevice.objects.get(user=user).confirmed


def test_wrong_code_keeps_the_admin_closed(client):
    user = UserFactory(role=roles.DIVERSITY_LEADS)
    client.force_login(user)
    client.get("/admin/two-factor/setup/")

    response = client.post("/admin/two-factor/setup/", {"token": "000000"})

    assert response.status_code == 200
    assert "not right or has expired" in response.content.decode()
    assert client.get("/admin/").status_code == 302


@pytest.mark.parametrize("token", ["", "12345", "abcdef", "1234567", "<script>", "1" * 10000])
def test_malformed_codes_are_refused_with_a_message(client, token):
    client.force_login(UserFactory(role=roles.DIVERSITY_TEAM))
    client.get("/admin/two-factor/setup/")

    response = client.post("/admin/two-factor/setup/", {"token": token})

    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("</form>")[0].split("<form")[1]


def test_returning_user_verifies_with_their_confirmed_device(client):
    user = UserFactory(role=roles.DIVERSITY_TEAM)
    device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
    client.force_login(user)

    assert client.get("/admin/")["Location"] == "/admin/two-factor/verify/?next=/admin/"
    assert client.get("/admin/two-factor/setup/")["Location"] == "/admin/two-factor/verify/"

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
