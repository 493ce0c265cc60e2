"""The registration journey in a real browser: register, see the reference, the email goes out, the
diversity team finds the record in the queue and an Editor cannot."""

import re
from unittest import mock

import pytest
from django.core import mail
from django.db import OperationalError

from home import roles
from positive_action.models import EmailDelivery, SupportRequest
from positive_action.submissions import SubmissionFlow
from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import sign_in_to_admin
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

FORM = "/register-for-support/"


def fill_in_registration(page):
    page.get_by_label("Full name").fill("Amina Okafor")
    page.get_by_label("Email address").fill("amina.journey@example.org")
    page.get_by_label("Phone number (optional)").fill("07700 900982")
    page.check("#id_preferred_contact_0")
    page.get_by_label("Where do you live?").select_option("outside")
    page.check("#id_role_of_interest_0")
    page.check("#id_application_progress_0")
    page.check("#id_support_wanted_1")
    page.check("#id_heard_about_1")
    page.check("#id_equality_sex_0")
    page.check("#id_consent")


def choose_whatsapp_in_the_evening_in_bengali_with_an_interpreter(page, shots):
    """The contact questions as a person with JavaScript sees them: the call time appears with WhatsApp."""
    call_time = page.get_by_role("group", name="When is a good time to call you?")
    assert call_time.is_hidden()  # email is chosen
    page.get_by_label("WhatsApp").check()
    call_time.get_by_label("Evening (5pm to 8pm)").check()
    page.get_by_role("group", name="Which language would you like us to use?").get_by_label("Bengali").check()
    page.get_by_role("group", name="Would you like an interpreter").get_by_label("Yes").check()
    page.locator(".registration-form").screenshot(path=shots / "contact-preferences.png")


def test_register_then_team_finds_record_and_editor_cannot(live_demo_site, new_page, tmp_path):
    SupportRequest.objects.all().delete()
    mail.outbox = []
    person = new_page()
    person.goto(live_demo_site + FORM)
    fill_in_registration(person)
    choose_whatsapp_in_the_evening_in_bengali_with_an_interpreter(person, tmp_path)
    person.get_by_role("button", name="Register for support").click()

    person.get_by_role("heading", name="Registration received").wait_for()
    reference = person.locator(".reference").inner_text()
    assert re.fullmatch(r"PA-[A-Z0-9]{6}", reference)
    assert_no_axe_violations(person)
    record = SupportRequest.objects.get(reference=reference)
    assert EmailDelivery.objects.get(reference=reference, kind="confirmation").status == "sent"
    assert any(reference in message.body for message in mail.outbox)

    team = new_page()
    sign_in_to_admin(team, live_demo_site, UserFactory(role=roles.DIVERSITY_TEAM))
    team.goto(f"{live_demo_site}/admin/support-queue/?q={reference}")
    team.get_by_role("link", name=reference).click()
    team.get_by_text("Amina Okafor").first.wait_for()
    assert "Registered" in team.content()
    summary = team.locator(".support-record-summary").inner_text()
    assert "WhatsApp · good time to call: Evening (5pm to 8pm)" in summary
    assert "Bengali – বাংলা" in summary and "Interpreter wanted: Yes" in summary
    team.locator(".support-record-summary").screenshot(path=tmp_path / "record-summary.png")
    assert (record.contact_language, record.interpreter, record.language) == ("bn", "yes", "en-gb")

    editor = new_page()
    sign_in_to_admin(editor, live_demo_site, UserFactory(role=roles.EDITORS))
    response = editor.goto(f"{live_demo_site}/admin/support-queue/inspect/{record.pk}/")
    assert response.status == 403
    assert "Amina" not in editor.content()
    assert editor.locator("#wagtail-sidebar").get_by_text("Support queue").count() == 0


def filled_in_registration(live_demo_site, new_page):
    """A visitor's page with the registration form filled in, not yet sent, and no registration stored."""
    SupportRequest.objects.all().delete()
    person = new_page()
    person.goto(live_demo_site + FORM)
    fill_in_registration(person)
    return person


def test_an_outage_while_sending_keeps_every_answer_and_sending_again_registers(
    live_demo_site, new_page, tmp_path
):
    SupportRequest.objects.all().delete()
    person = new_page()
    person.goto(live_demo_site + FORM)
    fill_in_registration(person)
    with mock.patch.object(
        SubmissionFlow, "store", side_effect=OperationalError("server closed the connection")
    ):
        person.get_by_role("button", name="Register for support").click()
        person.locator(".error-summary").get_by_text("could not save your form").wait_for()

    assert person.get_by_label("Full name").input_value() == "Amina Okafor"
    assert person.get_by_label("Email address").input_value() == "amina.journey@example.org"
    assert person.is_checked("#id_support_wanted_1") and person.is_checked("#id_consent")
    person.screenshot(path=tmp_path / "outage-form.png", full_page=True)
    assert_no_axe_violations(person)
    assert SupportRequest.objects.count() == 0

    person.get_by_role("button", name="Register for support").click()
    person.get_by_role("heading", name="Registration received").wait_for()
    assert SupportRequest.objects.get().email == "amina.journey@example.org"


def test_an_outage_that_takes_the_page_down_too_offers_to_send_the_same_answers_again(
    live_demo_site, new_page, tmp_path
):
    SupportRequest.objects.all().delete()
    person = new_page()
    person.goto(live_demo_site + FORM)
    fill_in_registration(person)
    with mock.patch(
        "wagtail.models.Site.find_for_request", side_effect=OperationalError("connection refused")
    ):
        person.get_by_role("button", name="Register for support").click()
        person.get_by_role("heading", name="Sorry, the service is unavailable").wait_for()
    person.screenshot(path=tmp_path / "outage-resend.png", full_page=True)
    assert_no_axe_violations(person)

    person.get_by_role("button", name="Send my answers again").click()
    person.get_by_role("heading", name="Registration received").wait_for()
    assert SupportRequest.objects.get().name == "Amina Okafor"


def test_errors_move_focus_to_the_summary_and_pass_axe(live_demo_site, browser_page):
    browser_page.goto(live_demo_site + FORM)
    browser_page.get_by_role("button", name="Register for support").click()

    browser_page.locator(".error-summary").wait_for()
    assert browser_page.evaluate("document.activeElement.classList.contains('error-summary')")
    browser_page.locator(".error-summary a", has_text="Enter your full name").click()
    assert browser_page.evaluate("document.activeElement.id") == "id_name"
    assert_no_axe_violations(browser_page)


@pytest.fixture
def register_without_javascript(live_demo_site, chromium):
    """Fills in and sends the form in a browser with JavaScript off; returns the page it lands on."""
    context = chromium.new_context(java_script_enabled=False)

    def register():
        SupportRequest.objects.all().delete()
        page = context.new_page()
        page.goto(live_demo_site + FORM)
        # Without the script the call-time question is always there, its hint saying when to answer it.
        assert page.get_by_text("Only if you chose a phone call or WhatsApp").is_visible()
        fill_in_registration(page)
        page.get_by_role("button", name="Register for support").click()
        page.get_by_role("heading", name="Registration received").wait_for()
        return page

    yield register
    context.close()


def test_registration_works_with_javascript_off(register_without_javascript):
    page = register_without_javascript()

    assert SupportRequest.objects.count() == 1
    assert "We have sent a confirmation" in page.locator("main").inner_text()


def test_without_javascript_a_held_registration_says_it_will_be_checked_not_emailed(
    register_without_javascript, settings
):
    # With reCAPTCHA on, a browser without JavaScript sends no token: the registration is kept for a
    # person to check, and the page must not claim a confirmation email has gone.
    settings.RECAPTCHA_PUBLIC_KEY, settings.RECAPTCHA_PRIVATE_KEY = "test-public-key", "test-private-key"
    page = register_without_javascript()

    text = page.locator("main").inner_text()
    assert "We will check it and contact you within one working day" in text
    assert "We have sent a confirmation" not in text
    assert SupportRequest.objects.get().needs_spam_review
    assert not EmailDelivery.objects.filter(reference=page.locator(".reference").inner_text()).exists()


def test_form_is_usable_on_a_320px_phone(live_demo_site, phone_page):
    phone_page.goto(live_demo_site + FORM)

    assert phone_page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    assert_no_axe_violations(phone_page)
