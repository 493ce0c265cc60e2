"""Removing a record from the queue in a real browser, by clicking: a lead erases a person from their
record page, and a caseworker deletes a held registration as spam. Both leave no email behind; every
screen visited has no axe violations."""

import pytest

from home import roles
from positive_action.models import EmailDelivery, SupportRequest
from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import sign_in_to_admin
from tests.factories import UserFactory
from tests.positive_action.data_protection.factories import support_person
from tests.positive_action.data_protection.search import rows_mentioning

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def open_record(page, base_url, record):
    held = "true" if record.needs_spam_review else ""
    page.goto(f"{base_url}/admin/support-queue/?q={record.reference}&needs_spam_review={held}")
    page.get_by_role("row").filter(has_text=record.name).get_by_role("link").first.click()
    page.get_by_role("heading", name="Summary").wait_for(state="attached")


def test_a_lead_erases_a_person_from_their_record_page(live_demo_site, browser_page):
    page = browser_page
    lead = UserFactory(role=roles.DIVERSITY_LEADS)
    record = support_person(
        name="Farida Eraseme-Hussain", email="farida.eraseme@example.org", phone="07700 900771"
    )
    sign_in_to_admin(page, live_demo_site, lead)

    open_record(page, live_demo_site, record)
    assert page.get_by_role("link", name="Delete").count() == 0  # Wagtail's generic delete is gone
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Erase this person's data").click()
    page.get_by_label("Type the reference to confirm").fill(record.reference)
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Erase permanently").click()
    page.get_by_text(f"Erased: {record.reference}.").wait_for()
    assert_no_axe_violations(page)

    assert not SupportRequest.objects.filter(pk=record.pk).exists()
    assert not EmailDelivery.objects.filter(reference=record.reference).exists()
    assert rows_mentioning(record.name, record.email, record.phone) == []


def test_a_caseworker_deletes_a_held_registration_as_spam(live_demo_site, browser_page):
    page = browser_page
    caseworker = UserFactory(role=roles.DIVERSITY_TEAM)
    held = support_person(
        name="Spammy Botname", email="bot.spammy@example.org", phone="07700 900772", needs_spam_review=True
    )
    sign_in_to_admin(page, live_demo_site, caseworker)

    open_record(page, live_demo_site, held)
    assert page.get_by_role("link", name="Erase this person's data").count() == 0  # leads only
    page.get_by_role("button", name="Delete as spam").click()
    page.get_by_text(f"Deleted as spam: {held.reference}.").wait_for()
    assert_no_axe_violations(page)

    assert rows_mentioning(held.name, held.email, held.phone) == []
