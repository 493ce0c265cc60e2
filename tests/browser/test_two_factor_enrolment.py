"""Two-step sign-in enrolment, clicked through as people do it: an administrator issues a link in the
admin, the member of staff signs in, is offered no setup with their password alone, opens the link, scans
(here: reads the key) and enters a code."""

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from home import roles
from tests.factories import STAFF_PASSWORD, SuperuserFactory, UserFactory

from .axe import assert_no_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

CODE_LABEL = "Six-digit code from your authenticator app"


def current_code(device):
    device.refresh_from_db()
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def sign_in_with_password(page, base_url, user):
    page.goto(base_url + "/admin/login/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(STAFF_PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_staff_enrol_only_through_the_link_an_administrator_issues(
    live_server, settings, browser_page, new_page
):
    settings.STAFF_TWO_FACTOR_REQUIRED = True
    base_url = live_server.url
    admin = SuperuserFactory(username="chief-admin")
    admin_device = TOTPDevice.objects.create(user=admin, name="Authenticator app", confirmed=True)
    staff = UserFactory(username="new-starter", role=roles.DIVERSITY_TEAM)

    admin_page = browser_page
    sign_in_with_password(admin_page, base_url, admin)
    admin_page.get_by_label(CODE_LABEL).fill(current_code(admin_device))
    admin_page.get_by_role("button", name="Continue").click()
    admin_page.wait_for_url(base_url + "/admin/")
    admin_page.goto(base_url + "/admin/users/")
    admin_page.get_by_role("button", name="More options for 'new-starter'").click()
    admin_page.get_by_role("link", name="Issue enrolment link").click()
    admin_page.get_by_role("button", name="Issue enrolment link").click()
    link = admin_page.get_by_label("Enrolment link").input_value()

    staff_page = new_page(locale="en-GB")
    sign_in_with_password(staff_page, base_url, staff)
    staff_page.get_by_role("heading", name="Ask an administrator for your enrolment link").wait_for()
    assert not TOTPDevice.objects.filter(user=staff).exists()

    staff_page.goto(link)
    staff_page.get_by_role("heading", name="Set up two-step sign-in").wait_for()
    assert_no_axe_violations(staff_page)
    device = TOTPDevice.objects.get(user=staff, confirmed=False)
    staff_page.get_by_label(CODE_LABEL).fill(current_code(device))
    staff_page.get_by_role("button", name="Continue").click()
    staff_page.wait_for_url(base_url + "/admin/")

    assert TOTPDevice.objects.get(user=staff).confirmed
    staff_page.goto(link)
    staff_page.get_by_role("heading", name="This enrolment link does not work").wait_for()
