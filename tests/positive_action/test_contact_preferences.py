"""How, when and in which language the person would like to be contacted (issues 18 and 19): the form's
questions, the phone number they need, the language recorded, the emails' languages and the queue."""

import csv
import io
import uuid

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.formats import date_format

from home import roles
from positive_action.models import EmailDelivery, SupportRequest, SupportSettings
from positive_action.outbox import deliver
from positive_action.registration import SupportRegistrationFlow
from recruitment_site.core.contact import active_site_language
from tests.helpers import soup
from tests.home.translation_factories import translate

from .factories import SupportRequestFactory
from .test_queue import QUEUE, signed_in

pytestmark = pytest.mark.django_db


def post(client, page, data, **extra):
    return client.post(page.url, {**data, "submission_token": str(uuid.uuid4())}, follow=True, **extra)


def in_language(page, code):
    """The page's translation into ``code``, its ancestors translated first, so Wagtail serves it under the
    language's URL prefix (/ur/...), which is how LocaleMiddleware makes a language active."""
    for ancestor in page.get_ancestors()[1:]:
        translate(ancestor, code)
    return translate(page, code)[code]


def whatsapp_in_bengali(valid_data, **overrides):
    return {
        **valid_data,
        "preferred_contact": "whatsapp",
        "callback_time": "morning",
        "contact_language": "bn",
        "interpreter": "yes",
        **overrides,
    }


@pytest.mark.parametrize(
    ("active", "expected"), [("ur", "ur"), ("ur-pk", "ur"), ("en-us", "en-gb"), ("fr", "en-gb"), ("pl", "pl")]
)
def test_the_active_language_is_read_as_one_of_the_sites_languages(active, expected):
    with translation.override(active):
        assert active_site_language() == expected


def test_form_asks_how_when_and_in_which_language_with_each_language_in_its_own_script(
    client, registration_page
):
    document = soup(client.get(registration_page.url))
    in_bengali = soup(client.get(in_language(registration_page, "bn").url))

    legends = [legend.get_text(" ", strip=True) for legend in document.find_all("legend")]
    assert "How would you like us to contact you?" in legends
    assert "When is a good time to call you? (optional)" in legends
    assert (
        document.find(id="id_callback_time-hint").get_text() == "Only if you chose a phone call or WhatsApp"
    )
    methods = [label.get_text() for label in document.select("label[for^=id_preferred_contact_]")]
    assert methods == ["Email", "Phone call", "WhatsApp", "Text message (SMS)"]
    urdu = document.find("label", attrs={"for": "id_contact_language_2"})
    assert urdu.find("span", attrs={"lang": "ur", "dir": "rtl"}).get_text() == "اردو"
    # Unless they choose otherwise, the language they are reading the form in.
    assert document.find("input", attrs={"name": "contact_language", "checked": True})["value"] == "en-gb"
    assert in_bengali.find("input", attrs={"name": "contact_language", "checked": True})["value"] == "bn"


def test_whatsapp_call_time_language_interpreter_and_the_forms_language_are_stored(
    client, registration_page, valid_data
):
    post(client, in_language(registration_page, "ur"), whatsapp_in_bengali(valid_data))

    record = SupportRequest.objects.get()
    assert (record.preferred_contact, record.callback_time) == ("whatsapp", "morning")
    assert (record.contact_language, record.interpreter, record.language) == ("bn", "yes", "ur")


def test_a_call_time_is_not_kept_for_an_email_and_an_unanswered_language_is_the_forms(
    client, registration_page, valid_data
):
    data = {**valid_data, "preferred_contact": "email", "callback_time": "evening"}
    post(client, in_language(registration_page, "pl"), data)

    record = SupportRequest.objects.get()
    assert (record.callback_time, record.contact_language, record.language) == ("", "pl", "pl")
    assert record.interpreter == ""


@pytest.mark.parametrize(
    ("method", "message"),
    [
        ("phone", "Enter a phone number, as you asked us to phone you"),
        ("whatsapp", "Enter the phone number you use for WhatsApp, as you asked us to use it"),
        ("sms", "Enter a mobile phone number, as you asked us to send text messages"),
    ],
)
def test_a_method_that_needs_a_number_without_one_is_refused_beside_the_phone_field_keeping_every_answer(
    client, registration_page, valid_data, method, message
):
    response = post(
        client, registration_page, whatsapp_in_bengali(valid_data, preferred_contact=method, phone="")
    )

    document = soup(response)
    assert not SupportRequest.objects.exists()
    assert document.find(id="id_phone-error").get_text(" ", strip=True) == f"Error: {message}"
    summary = {link["href"]: link.get_text() for link in document.select(".error-summary a")}
    assert summary == {"#id_phone": message}
    assert document.find("input", attrs={"name": "name"})["value"] == "Amina Okafor"
    checked = {field["name"]: field["value"] for field in document.select("input[type=radio][checked]")}
    assert checked == {
        "preferred_contact": method,
        "callback_time": "morning",
        "contact_language": "bn",
        "interpreter": "yes",
        "role_of_interest": "constable",
        "application_progress": "not_applied",
        "heard_about": "event",
    }


def test_confirmation_is_in_the_chosen_language_whatever_language_the_request_or_worker_is_in(
    client, registration_page, valid_data, team_email
):
    # Django's own catalogue translates month names, so the date in the email shows its language.
    post(client, in_language(registration_page, "ur"), whatsapp_in_bengali(valid_data, contact_language="pl"))
    record = SupportRequest.objects.get()
    confirmation = EmailDelivery.objects.get(kind="confirmation")

    with translation.override("tr"):
        deliver(confirmation.pk)
        deliver(EmailDelivery.objects.get(kind="team notification").pk)

    with translation.override("pl"):
        polish_day = date_format(record.created, "j E Y")
    with translation.override("en-gb"):
        english_day = date_format(record.created, "j E Y")
    assert polish_day != english_day
    sent = {message.to[0]: message for message in mail.outbox}
    assert polish_day in sent["amina@example.org"].body
    team = sent["team@example.org"].body
    assert "Preferred contact: WhatsApp (good time to call: Morning (9am to 12pm))" in team
    assert "Preferred language: Polish" in team and "Interpreter wanted: Yes" in team
    assert "Form sent in: Urdu" in team


def test_releasing_a_held_registration_writes_in_the_persons_language_not_the_staff_members(
    registration_page,
):
    record = SupportRequestFactory(contact_language="pl", needs_spam_review=True)
    service = SupportSettings.objects.get()

    with translation.override("en-gb"):
        SupportRegistrationFlow.queue_emails(record, record.reference, service)

    with translation.override("pl"):
        polish_day = date_format(record.created, "j E Y")
    assert polish_day in EmailDelivery.objects.get(kind="confirmation").body


def test_staff_cannot_save_a_method_that_needs_a_number_without_one_and_a_call_time_goes_with_email(
    registration_page,
):
    record = SupportRequestFactory(preferred_contact="sms", phone="")
    with pytest.raises(ValidationError) as error:
        record.full_clean()
    assert "phone" in error.value.message_dict

    record.preferred_contact, record.callback_time = "email", "morning"
    record.full_clean()
    assert record.callback_time == ""


@pytest.fixture
def languages_in_queue(registration_page):
    return {
        "bengali": SupportRequestFactory(contact_language="bn", interpreter="yes", phone="07700 900001"),
        "somali": SupportRequestFactory(contact_language="so", interpreter="not_sure"),
        "english": SupportRequestFactory(contact_language="en-gb", interpreter="no"),
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("contact_language=bn", {"bengali"}),
        ("interpreter_wanted=true", {"bengali", "somali"}),
        ("interpreter_wanted=false", {"english"}),
    ],
)
def test_queue_filters_by_preferred_language_and_interpreter(client, languages_in_queue, query, expected):
    signed_in(client, roles.DIVERSITY_TEAM)

    html = client.get(f"{QUEUE}?{query}").content.decode()

    shown = {name for name, record in languages_in_queue.items() if record.reference in html}
    assert shown == expected


def test_queue_column_and_record_summary_show_language_interpreter_and_call_time(client, languages_in_queue):
    signed_in(client, roles.DIVERSITY_TEAM)
    bengali = languages_in_queue["bengali"]
    SupportRequest.objects.filter(pk=bengali.pk).update(
        preferred_contact="whatsapp", callback_time="evening", language="en-gb"
    )

    cells = [cell.get_text(strip=True) for cell in soup(client.get(QUEUE)).select("tbody td")]
    record_page = soup(client.get(f"{QUEUE}inspect/{bengali.pk}/"))

    assert {"Bengali, interpreter wanted", "Somali, interpreter: not sure", "English"} <= set(cells)
    summary = {
        item.dt.get_text(strip=True): item.dd
        for item in record_page.select(".support-record-summary dl > div")
    }
    assert "WhatsApp · good time to call: Evening (5pm to 8pm)" in summary["Preferred contact"].get_text()
    language = summary["Preferred language"]
    assert language.find("span", attrs={"lang": "bn"}).get_text() == "বাংলা"
    assert "Interpreter wanted: Yes" in language.get_text()
    assert "Form sent in English" in language.get_text()


def test_leads_export_carries_the_contact_preferences(client, languages_in_queue):
    signed_in(client, roles.DIVERSITY_LEADS)

    response = client.get(QUEUE + "?export=csv&contact_language=bn")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))

    assert len(rows) == 1
    assert (rows[0]["Preferred language"], rows[0]["Interpreter wanted"]) == ("Bengali", "Yes")
    assert rows[0]["Preferred contact"] == "Email" and rows[0]["Form sent in"] == "English"
