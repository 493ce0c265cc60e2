"""A registration for support in Urdu and in Bengali, end to end in the browser (issue 18): from the
translated home page to the form, through its errors, to the confirmation page, the confirmation email and
the stored record, all in the reader's language. Screenshots at 320px go to /tmp/shots-l10n/."""

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.core import mail
from wagtail.models import Locale

from positive_action.models import EmailDelivery, SupportRegistrationPage, SupportRequest
from recruitment_site.devtools.demo.translations import load_translations
from tests.browser.translated import assert_reads_in, english_left_in
from tests.browser.translated import in_language as say

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SHOTS = Path("/tmp/shots-l10n")


@dataclass(frozen=True)
class Reader:
    code: str
    name: str  # typed in the reader's own script
    email: str

    @property
    def mistyped_email(self):
        return self.email.replace("@", " at ")


READERS = [
    pytest.param(Reader("ur", "عائشہ خان", "aisha.urdu@example.org"), id="urdu"),
    pytest.param(Reader("bn", "আয়েশা খাতুন", "ayesha.bengali@example.org"), id="bengali"),
]

# English interface text a reader of the translated form, its errors and its confirmation would see if a
# string were missing from the catalogue or drawn outside the reader's language.
FORM_ENGLISH = [
    "There is a problem",
    "Enter an email address in the correct format",
    "Select how we should contact you",
    "Confirm that you agree to be contacted",
    "Full name",
    "Email address",
    "Which language would you like us to use?",
    "Somali",
    "Kurdish (Kurmanji)",
    "(optional)",
    "Error:",
]
CONFIRMATION_ENGLISH = [
    "Registration received",
    "Your reference is",
    "We have sent a confirmation",
    "What happens next",
    "Go to the home page",
]
EMAIL_ENGLISH = [
    "Your registration for support",
    "Dear ",
    "Thank you for registering",
    "Your reference is",
    "What happens next",
    "Please quote your reference",
    "If you did not register",
]


@pytest.fixture
def translated_site(live_demo_site, reader):
    """The live demo site with the reader's language's demo translations; returns its base URL."""
    SHOTS.mkdir(exist_ok=True)
    load_translations([reader.code])
    return live_demo_site


@pytest.fixture
def phone(new_page):
    return new_page(viewport={"width": 320, "height": 640}, is_mobile=True)


def text_of(page):
    return page.title() + "\n" + page.locator("main").inner_text()


def fill_in_with_a_mistake(page, reader):
    """Name and a malformed email, one kind of support; no way of contact, no consent."""
    page.get_by_label(say(reader.code, "Full name")).fill(reader.name)
    page.get_by_label(say(reader.code, "Email address")).fill(reader.mistyped_email)
    support = page.get_by_role("group", name=say(reader.code, "What support would you like?"))
    support.get_by_label(say(reader.code, "Mock interview")).check()


def correct_and_complete(page, reader):
    page.get_by_label(say(reader.code, "Email address")).fill(reader.email)
    contact = page.get_by_role("group", name=say(reader.code, "How would you like us to contact you?"))
    contact.get_by_label(say(reader.code, "Email"), exact=True).check()
    page.get_by_label(say(reader.code, "Where do you live?")).select_option(
        label=say(reader.code, "Outside the force area")
    )
    role = page.get_by_role("group", name=say(reader.code, "Which role interests you?"))
    role.get_by_label(say(reader.code, "Police constable"), exact=True).check()
    progress = page.get_by_role("group", name=say(reader.code, "Where are you in the application process?"))
    progress.get_by_label(say(reader.code, "I have not applied yet")).check()
    heard = page.get_by_role("group", name=say(reader.code, "How did you hear about us?"))
    heard.get_by_label(say(reader.code, "An event")).check()
    page.get_by_label(
        say(reader.code, "I agree to be contacted about support and I have read the privacy notice")
    ).check()


def check_errors_are_in_the_language_and_answers_kept(page, reader):
    summary = page.locator(".error-summary")
    summary.wait_for()
    assert page.evaluate("document.activeElement.classList.contains('error-summary')")
    assert page.title().startswith(say(reader.code, "Error:", "page title prefix when a form has errors"))
    assert summary.get_by_role("heading").inner_text() == say(reader.code, "There is a problem")
    bad_email = say(reader.code, "Enter an email address in the correct format, like name@example.com")
    no_contact = say(reader.code, "Select how we should contact you")
    no_consent = say(reader.code, "Confirm that you agree to be contacted and have read the privacy notice")
    summary_links = summary.get_by_role("link").all_inner_texts()
    assert {bad_email, no_contact, no_consent} <= set(summary_links)
    assert say(reader.code, "Enter your full name") not in summary_links  # the name was given
    assert bad_email in page.locator("#id_email-error").inner_text()
    assert no_consent in page.locator("#id_consent-error").inner_text()
    assert english_left_in(text_of(page), FORM_ENGLISH) == []

    assert page.get_by_label(say(reader.code, "Full name")).input_value() == reader.name
    assert page.get_by_label(say(reader.code, "Email address")).input_value() == reader.mistyped_email
    assert page.get_by_label(say(reader.code, "Mock interview")).is_checked()
    # Nothing was chosen in the language question: it still offers the language the reader is reading.
    language = page.get_by_role("group", name=say(reader.code, "Which language would you like us to use?"))
    assert language.locator("input:checked").get_attribute("value") == reader.code


def lines_taken_by_the_widest_reference(page):
    """The lines the confirmation panel's reference would take with the widest letters references use
    (W), so the check does not depend on the letters this run's reference happened to get."""
    return page.locator(".reference").evaluate(
        """(element) => {
            const shown = element.textContent;
            element.textContent = shown.replace(/-.*/, "-WWWWWW");
            const range = document.createRange();
            range.selectNodeContents(element);
            const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
            element.textContent = shown;
            return lines;
        }"""
    )


def check_confirmation_email(reader, reference):
    delivery = EmailDelivery.objects.get(reference=reference, kind="confirmation")
    assert delivery.status == "sent"
    (email,) = [message for message in mail.outbox if message.to == [reader.email]]
    assert email.subject == say(reader.code, "Your registration for support: %(reference)s") % {
        "reference": reference
    }
    assert reader.name in email.body and reference in email.body
    assert say(reader.code, "Please quote your reference if you contact us.") in email.body
    assert f"/{reader.code}/what-happens-next/" in email.body  # the timeline in the reader's language
    assert english_left_in(email.subject + "\n" + email.body, EMAIL_ENGLISH) == []


@pytest.mark.parametrize("reader", READERS)
def test_a_reader_registers_for_support_in_their_language_from_the_home_page(translated_site, phone, reader):
    SupportRequest.objects.all().delete()
    mail.outbox = []
    form_page = SupportRegistrationPage.objects.get(locale=Locale.objects.get(language_code=reader.code))
    phone.goto(f"{translated_site}/{reader.code}/")
    assert_reads_in(phone, reader.code)

    phone.get_by_role("link", name=say(reader.code, "Get free support to apply")).click()
    phone.wait_for_url(f"{translated_site}/{reader.code}/register-for-support/")
    assert_reads_in(phone, reader.code)
    fill_in_with_a_mistake(phone, reader)
    phone.get_by_role("button", name=form_page.submit_label).click()

    check_errors_are_in_the_language_and_answers_kept(phone, reader)
    assert_reads_in(phone, reader.code)
    assert phone.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    phone.screenshot(path=SHOTS / f"{reader.code}-registration-errors-320.png", full_page=True)
    assert SupportRequest.objects.count() == 0

    correct_and_complete(phone, reader)
    phone.get_by_role("button", name=form_page.submit_label).click()

    phone.get_by_role("heading", name=say(reader.code, "Registration received")).wait_for()
    assert_reads_in(phone, reader.code)
    reference = phone.locator(".reference").inner_text()
    assert re.fullmatch(r"PA-[A-Z0-9]{6}", reference)
    assert english_left_in(text_of(phone), CONFIRMATION_ENGLISH) == []
    assert lines_taken_by_the_widest_reference(phone) == 1  # never "PA-" on one line, the rest on the next
    phone.screenshot(path=SHOTS / f"{reader.code}-registration-confirmation-320.png", full_page=True)
    check_confirmation_email(reader, reference)
    record = SupportRequest.objects.get(reference=reference)
    assert (record.name, record.email) == (reader.name, reader.email)
    assert (record.language, record.contact_language) == (reader.code, reader.code)

    phone.get_by_role("link", name=say(reader.code, "Go to the home page")).click()
    phone.wait_for_url(f"{translated_site}/{reader.code}/")
    assert_reads_in(phone, reader.code)
