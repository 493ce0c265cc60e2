"""Ways to get in touch in the footer of every page, from site settings."""

import pytest
from django.core.exceptions import ValidationError

from home.models import SiteSettings
from tests.helpers import soup

pytestmark = pytest.mark.django_db


def contact_links(response):
    section = soup(response).select_one(".site-footer .footer-contact")
    if section is None:
        return {}
    return {link.get_text(strip=True): link["href"] for link in section.find_all("a")}


def update_settings(**fields):
    site_settings = SiteSettings.objects.get()
    for name, value in fields.items():
        setattr(site_settings, name, value)
    site_settings.full_clean()
    site_settings.save()


def test_every_way_to_get_in_touch_is_a_link_phones_can_follow_on_every_page(client, demo_site):
    update_settings(
        contact_phone="020 7946 0123",
        text_number="07700 900461",
        whatsapp_number="07700 900462",
        contact_email="join@example.org",
        opening_hours="Monday to Friday, 9am to 5pm",
    )

    for path in ("/", "/privacy-notice/", "/events/", "/register-for-support/"):
        response = client.get(path)
        assert contact_links(response) == {
            "020 7946 0123": "tel:02079460123",
            "07700 900461": "sms:07700900461",
            "07700 900462": "https://wa.me/447700900462",
            "join@example.org": "mailto:join@example.org",
        }, path
        assert "Monday to Friday, 9am to 5pm" in soup(response).select_one(".footer-contact").get_text()


def test_an_international_whatsapp_number_keeps_its_country_code(client, demo_site):
    update_settings(whatsapp_number="+353 85 123 4567", text_number="+44 7700 900461")

    links = contact_links(client.get("/"))

    assert links["+353 85 123 4567"] == "https://wa.me/353851234567"
    assert links["+44 7700 900461"] == "sms:+447700900461"


def test_unset_ways_to_get_in_touch_are_left_out_not_linked_to_nothing(client, demo_site):
    update_settings(contact_phone="", text_number="", whatsapp_number="", contact_email="join@example.org")

    response = client.get("/")
    footer = str(soup(response).select_one(".site-footer"))

    assert contact_links(response) == {"join@example.org": "mailto:join@example.org"}
    assert "tel:" not in footer and "sms:" not in footer and "wa.me" not in footer


def test_footer_has_no_contact_section_when_no_way_to_get_in_touch_is_set(client, demo_site):
    update_settings(
        contact_phone="", text_number="", whatsapp_number="", contact_email="", opening_hours="9 to 5"
    )

    response = client.get("/")

    assert soup(response).select_one(".footer-contact") is None
    assert "9 to 5" not in response.content.decode()


@pytest.mark.parametrize("field", ["contact_phone", "text_number", "whatsapp_number"])
def test_site_settings_refuse_a_number_no_phone_could_dial(demo_site, field):
    site_settings = SiteSettings.objects.get()
    setattr(site_settings, field, "call reception")

    with pytest.raises(ValidationError) as error:
        site_settings.full_clean()

    assert field in error.value.message_dict
