"""The "Can I join?" checker in a real browser: a visitor on a 320px phone with JavaScript off answers it
and lands on the registration form with the support ticked; the steps and the timeline pass axe."""

from pathlib import Path

import pytest

from tests.browser.axe import assert_no_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SHOTS = Path("/tmp/shots-checker")
# The demo's questions and the answer a fit-to-apply visitor who wants fitness help gives to each.
WALK = [
    ("How old are you?", "18 or over"),
    ("What is your nationality or immigration status?", "British or Irish citizen"),
    ("Have you lived in the UK for the last three years?", "Yes"),
    ("Have you lived, worked or studied in the city for at least three of the last six years?", "Yes"),
    ("Do you have any tattoos?", "No"),
    ("Have you ever been convicted of an offence, or received a caution, reprimand or warning?", "No"),
    ("Do you have a county court judgment, a bankruptcy or an individual voluntary arrangement?", "No"),
    ("Do you have a health condition or disability that you think could affect the job?", "No"),
    ("Can you see clearly, wearing glasses or contact lenses if you use them?", "Yes, I think so"),
    ("Could you pass the fitness test today?", "Not yet: I would like help to get ready"),
]


def shot(page, name):
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=SHOTS / f"{name}.png", full_page=True)


def fits_the_screen(page):
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0


def continue_with(page, question, choice):
    page.get_by_role("heading", level=1, name=question).wait_for()
    page.get_by_label(choice, exact=True).check()
    page.get_by_role("button", name="Continue").click()


@pytest.fixture
def phone_without_javascript(chromium):
    context = chromium.new_context(
        viewport={"width": 320, "height": 640}, locale="en-GB", is_mobile=True, java_script_enabled=False
    )
    yield context.new_page()
    context.close()


def test_phone_visitor_without_javascript_answers_and_registers_with_the_support_ticked(
    live_demo_site, phone_without_javascript
):
    page = phone_without_javascript
    page.goto(live_demo_site + "/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Can I join?").click()
    page.get_by_role("link", name="Start now").click()

    page.get_by_role("button", name="Continue").click()  # nothing chosen
    page.locator(".error-summary").get_by_role("link", name="Select an answer").wait_for()
    assert page.title().startswith("Error:")
    assert fits_the_screen(page)
    shot(page, "question-error-320")

    continue_with(page, *WALK[0])
    continue_with(page, *WALK[1])
    page.get_by_role("link", name="Back").click()  # back to the nationality question, answer kept
    assert page.get_by_label(WALK[1][1], exact=True).is_checked()
    shot(page, "question-back-320")
    for question, choice in WALK[1:]:
        continue_with(page, question, choice)

    page.get_by_role("heading", level=1, name="You can apply, and we can help you get ready").wait_for()
    assert fits_the_screen(page)
    shot(page, "outcome-320")
    page.get_by_role("main").get_by_role("link", name="Register for support").click()

    page.get_by_role("heading", level=1, name="Register for support").wait_for()
    assert page.get_by_label("Fitness-test preparation").is_checked()
    assert not page.get_by_label("Mock interview").is_checked()
    shot(page, "registration-prefilled-320")


def test_checker_steps_and_timeline_have_one_h1_and_no_axe_violations(
    live_demo_site, browser_page, phone_page
):
    checker = live_demo_site + "/can-i-join/"
    addresses = [
        checker,
        checker + "?answers=",
        checker + "?answers=1&question=nationality",  # the error summary
        checker + "?answers=3",  # an outcome
        checker + "?answers=9",  # please start again
        live_demo_site + "/what-happens-next/",
    ]
    for address in addresses:
        browser_page.goto(address)
        assert browser_page.locator("h1").count() == 1, address
        assert_no_axe_violations(browser_page)

    phone_page.goto(live_demo_site + "/what-happens-next/")
    assert fits_the_screen(phone_page)
    assert_no_axe_violations(phone_page)
    shot(phone_page, "timeline-320")
    browser_page.goto(checker + "?answers=1.1.1.1.1.1.1.1.1.1.1")
    shot(browser_page, "outcome-desktop")
