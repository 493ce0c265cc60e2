"""The ambassador sign-up asks the same contact questions as the support registration (issue 19), and the
team sees and filters on the answers."""

import csv
import io

import pytest

from ambassadors_network.models import Ambassador
from home import roles
from tests.helpers import soup
from tests.home.translation_factories import translate

from .factories import AmbassadorFactory
from .test_admin import signed_in
from .test_signup import sign_up

pytestmark = pytest.mark.django_db

LIST = "/admin/ambassadors/"


def test_sign_up_stores_sms_language_interpreter_and_the_forms_language(client, programme_page):
    # The language is the one the URL prefix (/tr/...) makes active, as LocaleMiddleware does.
    translate(programme_page.get_parent(), "tr")
    turkish_page = translate(programme_page, "tr")["tr"]
    sign_up(
        client,
        turkish_page,
        preferred_contact="sms",
        callback_time="morning",
        contact_language="ku",
        interpreter="not_sure",
    )

    ambassador = Ambassador.objects.get()
    # A text message is not a call, so no call time is kept.
    assert (ambassador.preferred_contact, ambassador.callback_time) == ("sms", "")
    assert (ambassador.contact_language, ambassador.interpreter, ambassador.language) == (
        "ku",
        "not_sure",
        "tr",
    )


def test_sign_up_without_a_contact_method_is_refused_with_the_question_in_the_summary(client, programme_page):
    response = sign_up(client, programme_page, preferred_contact="")

    assert not Ambassador.objects.exists()
    summary = {link["href"]: link.get_text() for link in soup(response).select(".error-summary a")}
    assert summary == {"#id_preferred_contact_0": "Select how we should contact you"}


def test_list_filters_and_shows_language_and_record_states_the_preferences(client):
    tamil = AmbassadorFactory(
        contact_language="ta", interpreter="yes", preferred_contact="phone", callback_time="any"
    )
    english = AmbassadorFactory(contact_language="en-gb", interpreter="no")
    signed_in(client, roles.DIVERSITY_TEAM)

    by_language = client.get(f"{LIST}?contact_language=ta").content.decode()
    by_interpreter = client.get(f"{LIST}?interpreter_wanted=false").content.decode()
    cells = [cell.get_text(strip=True) for cell in soup(client.get(LIST)).select("tbody td")]
    record = soup(client.get(f"{LIST}inspect/{tamil.pk}/")).get_text(" ", strip=True)

    assert tamil.reference in by_language and english.reference not in by_language
    assert english.reference in by_interpreter and tamil.reference not in by_interpreter
    assert "Tamil, interpreter wanted" in cells
    assert "Phone call · good time to call: Any time" in record
    assert "Tamil – தமிழ்" in record and "Interpreter wanted: Yes" in record


def test_export_carries_the_contact_preferences(client):
    AmbassadorFactory(contact_language="so", interpreter="yes", preferred_contact="whatsapp")
    signed_in(client, roles.DIVERSITY_LEADS)

    rows = list(csv.DictReader(io.StringIO(client.get(f"{LIST}export/").content.decode())))

    assert (rows[0]["Preferred language"], rows[0]["Interpreter wanted"]) == ("Somali", "Yes")
    assert rows[0]["Preferred contact"] == "WhatsApp"
