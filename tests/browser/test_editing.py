"""Comms staff editing in a real browser: an editor changes a campaign page, sees the change in the
preview panel and submits it for moderation; a moderator approves and publishes it from their dashboard."""

import pytest

from home import roles
from home.models import CampaignPage
from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import sign_in_to_admin
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

NEW_TITLE = "Policing the city you know"


def open_campaign_editor(page, base_url, campaign):
    """From the page explorer listing of the campaigns section to the campaign's edit form."""
    page.goto(f"{base_url}/admin/pages/{campaign.get_parent().pk}/")
    page.get_by_role("link", name=campaign.title, exact=True).first.click()
    page.locator("#id_title").wait_for()


def test_editor_sees_the_change_in_the_preview_panel_and_submits_it(live_demo_site, browser_page):
    page = browser_page
    campaign = CampaignPage.objects.live().first()
    sign_in_to_admin(page, live_demo_site, UserFactory(role=roles.EDITORS))
    open_campaign_editor(page, live_demo_site, campaign)

    page.locator("#id_title").fill(NEW_TITLE)
    page.get_by_role("button", name="Toggle preview").click()
    preview = page.frame_locator("#w-preview-iframe")
    preview.get_by_role("heading", level=1, name=NEW_TITLE).wait_for(timeout=15_000)

    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Submit to Moderators approval").click()
    page.get_by_text("has been submitted for moderation").first.wait_for()

    campaign.refresh_from_db()
    assert campaign.title != NEW_TITLE  # not live until a moderator publishes it
    assert campaign.get_latest_revision_as_object().title == NEW_TITLE


def test_moderator_approves_and_publishes_from_the_dashboard(live_demo_site, browser_page, new_page):
    campaign = CampaignPage.objects.live().first()
    editor = new_page()
    sign_in_to_admin(editor, live_demo_site, UserFactory(role=roles.EDITORS))
    open_campaign_editor(editor, live_demo_site, campaign)
    editor.locator("#id_title").fill(NEW_TITLE)
    editor.get_by_role("button", name="More actions").click()
    editor.get_by_role("button", name="Submit to Moderators approval").click()
    editor.get_by_text("has been submitted for moderation").first.wait_for()

    page = browser_page
    sign_in_to_admin(page, live_demo_site, UserFactory(role=roles.MODERATORS))
    awaiting = page.locator("section").filter(has_text="Awaiting your review")
    row = awaiting.get_by_role("row").filter(has_text=NEW_TITLE)
    assert_no_axe_violations(page)
    row.get_by_role("button", name="Actions").click()
    row.get_by_role("button", name="Approve", exact=True).click()
    # Approving the only task publishes the page and takes it off the moderator's list.
    row.wait_for(state="detached")

    campaign.refresh_from_db()
    assert campaign.title == NEW_TITLE and campaign.live


MYTH = "Officers cannot have beards."


def test_an_editors_new_myth_is_public_only_once_a_moderator_approves_it(
    live_demo_site, browser_page, new_page
):
    editor = new_page()
    sign_in_to_admin(editor, live_demo_site, UserFactory(role=roles.EDITORS))
    editor.locator("#wagtail-sidebar").get_by_role("button", name="Content library").click()
    editor.locator("#wagtail-sidebar").get_by_role("link", name="Myths").click()
    editor.get_by_role("link", name="Add myth").first.click()
    editor.locator("#id_myth").fill(MYTH)
    editor.locator(".Draftail-Editor [contenteditable=true]").click()
    editor.keyboard.type("They can, if they are kept neat.")
    # Draftail writes what was typed into the form's hidden field a moment later; submit only after it has.
    editor.wait_for_function("() => document.querySelector('#id_fact').value.includes('kept neat')")
    editor.locator("#id_topic").select_option(label="Who can join")
    editor.get_by_role("button", name="More actions").click()
    editor.get_by_role("button", name="Submit to Moderators approval").click()
    editor.get_by_role("heading", name="Myths").wait_for()
    listed = editor.get_by_role("row").filter(has_text=MYTH)
    assert "in moderation" in listed.inner_text().lower()

    visitor = new_page()
    visitor.goto(live_demo_site + "/myths-and-facts/")
    assert MYTH not in visitor.content()

    page = browser_page
    sign_in_to_admin(page, live_demo_site, UserFactory(role=roles.MODERATORS))
    row = (
        page.locator("section")
        .filter(has_text="Awaiting your review")
        .get_by_role("row")
        .filter(has_text=MYTH)
    )
    row.get_by_role("button", name="Actions").click()
    row.get_by_role("button", name="Approve", exact=True).click()
    row.wait_for(state="detached")

    visitor.goto(live_demo_site + "/myths-and-facts/")
    visitor.get_by_text(MYTH).first.wait_for()
