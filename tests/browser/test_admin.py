import pytest

from ambassadors_network.models import Status
from home import roles
from tests.ambassadors_network.factories import AmbassadorFactory
from tests.browser.conftest import sign_in_to_admin
from tests.factories import UserFactory
from tests.positive_action.factories import SupportRequestFactory

from .axe import assert_no_axe_violations

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
    sign_in_to_admin(browser_page, live_demo_site, UserFactory(role=role))

    browser_page.locator("#wagtail-sidebar").get_by_role("button", name="Help").wait_for()
    assert (browser_page.get_by_role("button", name="Pages").count() > 0) is sees_pages


@pytest.fixture
def signed_in_lead(live_demo_site, browser_page):
    sign_in_to_admin(browser_page, live_demo_site, UserFactory(role=roles.DIVERSITY_LEADS))
    return browser_page


def personal_data_admin_paths():
    """Our own admin screens that show a person's data, with a real record behind each."""
    request = SupportRequestFactory(name="Amina Okafor", email="amina@example.org", phone="07700 900982")
    ambassador = AmbassadorFactory(status=Status.APPROVED)
    return [
        "/admin/",  # the dashboard with the queue panel
        "/admin/support-queue/",
        f"/admin/support-queue/inspect/{request.pk}/",
        "/admin/support-queue/equality/",
        "/admin/ambassadors/",
        f"/admin/ambassadors/inspect/{ambassador.pk}/",
        "/admin/ambassador_report/",
        f"/admin/data-protection/support/{request.pk}/",
        f"/admin/data-protection/support/{request.pk}/erase/",
        f"/admin/data-protection/ambassador/{ambassador.pk}/",
        f"/admin/data-protection/ambassador/{ambassador.pk}/erase/",
    ]


def test_diversity_admin_screens_have_no_accessibility_violations(live_demo_site, signed_in_lead):
    failures = []
    for path in personal_data_admin_paths():
        response = signed_in_lead.goto(live_demo_site + path)
        assert response.status == 200, path
        try:
            assert_no_axe_violations(signed_in_lead)
        except AssertionError as violation:
            failures.append(str(violation))

    assert not failures, "\n\n".join(failures)


def test_lead_opens_site_history_from_reports_after_an_export_and_a_list_view(live_demo_site, signed_in_lead):
    """Exports and list views write audit entries about a whole list; Site history must still open."""
    page = signed_in_lead
    SupportRequestFactory(name="Grace Adeyemi")
    # A list view, audited against EqualityMonitoring: a content type leads hold no model permission
    # on, so Wagtail leaves its entry out of their Site history; it must not break the report either.
    page.goto(live_demo_site + "/admin/support-queue/equality/")
    page.goto(live_demo_site + "/admin/support-queue/")
    page.locator("header").get_by_role("button", name="Actions").click()
    with page.expect_download():
        page.get_by_role("link", name="Download CSV").click()

    page.goto(live_demo_site + "/admin/")
    sidebar = page.locator("#wagtail-sidebar")
    sidebar.get_by_role("button", name="Reports").click()
    sidebar.get_by_role("link", name="Site history").click()

    page.get_by_role("heading", name="Site history").first.wait_for()
    assert page.get_by_role("cell", name="Exported personal data").count() >= 1
    assert_no_axe_violations(page)
