"""A translator's walk in a real browser (issue 18): the translation status report shows an Urdu page
whose English source changed, the translator opens its translation editor, translates a string and
submits the translation for moderation; the live Urdu page waits for a moderator. axe checks each admin
screen on the way."""

import pytest
from wagtail.models import Locale

from home import roles
from home.models import StandardPage
from recruitment_site.devtools.demo import accessibility
from recruitment_site.devtools.demo.translations import load_translations
from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import sign_in_to_admin
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SHOTS = "/tmp/shots-l10n"
NEW_INTRODUCTION = "How accessible this website is, and how to tell us about a problem."
SYNCED_INTRODUCTION = accessibility.INTRODUCTION
URDU_INTRODUCTION = "یہ ویب سائٹ کتنی قابلِ رسائی ہے، اور ہمیں کسی مسئلے کے بارے میں کیسے بتائیں۔"


def test_translator_finds_an_out_of_date_translation_edits_it_and_submits_it(live_demo_site, browser_page):
    load_translations(["ur"])
    english = StandardPage.objects.get(slug="accessibility-statement", locale=Locale.get_default())
    english.introduction = NEW_INTRODUCTION
    english.save_revision().publish()
    urdu = StandardPage.objects.get(slug="accessibility-statement", locale__language_code="ur")
    page = browser_page
    sign_in_to_admin(page, live_demo_site, UserFactory(role=roles.TRANSLATORS))

    page.get_by_role("button", name="Reports").click()
    page.get_by_role("link", name="Translation status").click()
    page.get_by_role("link", name="Show only translations that are out of date").click()
    row = page.get_by_role("row").filter(has_text=urdu.title)
    row.get_by_text("Out of date").wait_for()
    page.screenshot(path=f"{SHOTS}/translation-status.png", full_page=True)
    assert_no_axe_violations(page)

    row.get_by_role("link", name=urdu.title).click()
    page.get_by_text("Needs review by a native speaker before publishing.").wait_for()
    page.get_by_text("Out of date.").wait_for()
    page.screenshot(path=f"{SHOTS}/translation-editor.png")
    assert_no_axe_violations(page)

    # The translation still shows the English it was made from: syncing is a moderator's or editor's step.
    introduction = page.locator("li").filter(has_text=SYNCED_INTRODUCTION).last
    introduction.get_by_role("button", name="Edit").click()
    introduction.get_by_role("textbox").fill(URDU_INTRODUCTION)
    introduction.get_by_role("button", name="Save").click()
    introduction.get_by_text(URDU_INTRODUCTION).wait_for()

    page.get_by_role("button", name="Submit translation for moderation").click()
    page.get_by_text("Translation submitted for moderation.").wait_for()
    page.screenshot(path=f"{SHOTS}/translation-submitted.png")
    assert_no_axe_violations(page)

    urdu.refresh_from_db()
    assert urdu.workflow_in_progress
    assert urdu.introduction != URDU_INTRODUCTION  # live only once a moderator approves
    assert urdu.get_latest_revision_as_object().introduction == URDU_INTRODUCTION
