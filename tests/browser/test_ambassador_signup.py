"""The ambassador sign-up journey in a real browser, and the team seeing the result in the admin."""

import pytest

from ambassadors_network.models import Ambassador, AmbassadorProgrammePage, Status
from home import roles
from positive_action.models import EmailDelivery
from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import sign_in_to_admin
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

NEW_EMAIL = "browser.ambassador@example.org"


def fill_sign_up_form(page):
    page.get_by_label("Full name").fill("Browser Ambassador")
    page.get_by_label("Email address").fill(NEW_EMAIL)
    page.get_by_label("Phone number").fill("07700 900982")
    page.get_by_label("Email", exact=True).check()
    page.get_by_label("Youth worker").check()
    page.get_by_label("Newham").check()
    page.get_by_label("Somali", exact=True).check()
    page.get_by_label("Languages you speak").fill("English, Somali")
    page.get_by_label("Sports clubs").check()
    page.get_by_label("A few hours a month").check()
    page.get_by_label("Why do you want to be an ambassador?").fill(
        "Young people at my club ask me about policing."
    )
    page.get_by_label("I agree to be contacted").check()


def programme_url(base):
    return base + AmbassadorProgrammePage.objects.get().url


def test_sign_up_journey_shows_a_reference_and_the_team_finds_the_record(live_demo_site, browser_page):
    browser_page.goto(programme_url(live_demo_site))
    fill_sign_up_form(browser_page)
    browser_page.get_by_role("button", name="Send my application").click()

    reference = browser_page.locator(".reference").inner_text()
    assert reference.startswith("CA-")
    assert browser_page.locator("h1").count() == 1
    assert_no_axe_violations(browser_page)
    ambassador = Ambassador.objects.get(reference=reference)
    assert ambassador.status == Status.APPLIED
    assert EmailDelivery.objects.filter(reference=reference, recipient=NEW_EMAIL).exists()

    browser_page.reload()  # a refresh of the confirmation never posts again
    assert Ambassador.objects.filter(email=NEW_EMAIL).count() == 1

    sign_in_to_admin(browser_page, live_demo_site, UserFactory(role=roles.DIVERSITY_TEAM))
    browser_page.goto(live_demo_site + f"/admin/ambassadors/?q={reference}")
    browser_page.get_by_role("link", name="Browser Ambassador").click()
    browser_page.wait_for_url("**/admin/ambassadors/inspect/**")
    assert "Young people at my club ask me about policing." in browser_page.locator("main").inner_text()


def test_errors_are_summarised_focused_and_accessible(live_demo_site, browser_page):
    browser_page.goto(programme_url(live_demo_site))
    browser_page.get_by_role("button", name="Send my application").click()

    summary = browser_page.locator(".error-summary")
    assert summary.is_visible()
    assert browser_page.evaluate("document.activeElement.classList.contains('error-summary')")
    assert browser_page.title().startswith("Error:")
    assert browser_page.locator("h1").count() == 1
    assert_no_axe_violations(browser_page)
    summary.get_by_role("link", name="Enter your full name").click()
    assert browser_page.evaluate("document.activeElement.id") == "id_name"


def test_sign_up_works_with_javascript_off_and_at_320px(live_demo_site, chromium):
    context = chromium.new_context(java_script_enabled=False, viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(programme_url(live_demo_site))
    fill_sign_up_form(page)
    page.get_by_role("button", name="Send my application").click()

    assert page.locator(".reference").inner_text().startswith("CA-")
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    context.close()
