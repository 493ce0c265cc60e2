import pytest

from home import roles
from tests.factories import STAFF_PASSWORD, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.mark.parametrize(
    ("role", "sees_pages"),
    [
        (roles.EDITORS, True),
        (roles.MODERATORS, True),
        (roles.DIVERSITY_TEAM, False),
        (roles.DIVERSITY_LEADS, False),
    ],
)
def test_staff_sign_in_through_the_admin_login_form(live_demo_site, browser_page, role, sees_pages):
    user = UserFactory(role=role)

    browser_page.goto(live_demo_site + "/admin/login/")
    browser_page.fill("#id_username", user.username)
    browser_page.fill("#id_password", STAFF_PASSWORD)
    browser_page.click("button[type=submit]")
    browser_page.wait_for_url(live_demo_site + "/admin/")

    browser_page.locator("#wagtail-sidebar").get_by_role("button", name="Help").wait_for()
    assert (browser_page.get_by_role("button", name="Pages").count() > 0) is sees_pages
