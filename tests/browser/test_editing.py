"""Comms staff editing in a real browser: an editor changes a campaign page, sees the change in the
preview panel and submits it for moderation; an editor builds a new campaign from several blocks; a
moderator approves and publishes from their dashboard and schedules a change to an event."""

import re
from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone

from home import roles
from home.models import CampaignIndexPage, CampaignPage, EventPage
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
    editor.locator("#id_question").fill("Can officers have beards?")
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


CAMPAIGN = "Special Constables in Newham"


def insert_block(page, label):
    """The last "Insert a block" button in the page body, and the block named ``label`` from its menu."""
    page.locator("[data-contentpath=body]").get_by_role("button", name="Insert a block").last.click()
    page.get_by_role("option", name=label, exact=True).click()


def test_editor_builds_a_campaign_from_several_blocks_and_sees_it_in_the_preview(
    live_demo_site, browser_page
):
    page = browser_page
    index = CampaignIndexPage.objects.live().first()
    sign_in_to_admin(page, live_demo_site, UserFactory(role=roles.EDITORS))
    page.goto(f"{live_demo_site}/admin/pages/{index.pk}/")
    page.get_by_role("link", name="Add child page").first.click()
    page.locator("#id_title").fill(CAMPAIGN)
    page.locator("#id_summary").fill("Volunteer a few hours a month and police the streets you know.")

    body = page.locator("[data-contentpath=body]")
    insert_block(page, "Rich text")
    body.locator(".Draftail-Editor [contenteditable=true]").last.click()
    page.keyboard.type("Specials have the same powers as regular officers.")
    insert_block(page, "Statistic")
    body.get_by_label(re.compile("^Figure")).fill("1 in 4")
    body.get_by_label(re.compile("^What the figure measures")).fill("of our specials joined the regulars")
    insert_block(page, "Call to action")
    body.get_by_label(re.compile("^Heading")).fill("Thinking of volunteering?")
    body.get_by_label("Or another web address").fill("https://example.org/specials/")
    body.get_by_label("Label", exact=True).fill("Find out more")
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-contentpath=body] input[type=hidden]')]"
        ".some((input) => input.value.includes('same powers'))"
    )

    # Checked before the preview panel opens: beside it, Wagtail's own block controls squeeze below 24px.
    # Checked from the top of the form: scrolled to the last block, the block headers above are stuck
    # under the editor's sticky header, where axe counts their controls as obscured targets.
    page.locator("main").evaluate("(main) => main.scrollTo({top: 0, behavior: 'instant'})")
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Toggle preview").click()
    preview = page.frame_locator("#w-preview-iframe")
    preview.get_by_role("heading", level=1, name=CAMPAIGN).wait_for(timeout=15_000)
    preview.get_by_text("1 in 4").wait_for()
    preview.get_by_role("link", name="Find out more").wait_for()

    # Submitting without a search description is refused, with the reason beside the field.
    page.get_by_role("button", name="More actions").click()
    with page.expect_navigation(timeout=60_000):
        page.get_by_role("button", name="Submit to Moderators approval").click()
    page.get_by_role("tab", name=re.compile("Promote")).click()
    page.get_by_text("Write a meta description before publishing").wait_for()
    page.locator("#id_search_description").fill("Become a special constable in Newham: a few hours a month.")
    page.get_by_role("button", name="More actions").click()
    with page.expect_navigation(timeout=60_000):
        page.get_by_role("button", name="Submit to Moderators approval").click()
    messages = page.locator(".messages").all_inner_texts()
    # Wagtail words it "created and submitted", or "has been submitted" once the editor has saved a draft.
    submitted = re.compile(f"Page '{CAMPAIGN}' (created and|has been) submitted for moderation")
    assert any(submitted.search(text) for text in messages), messages

    campaign = CampaignPage.objects.get(title=CAMPAIGN)
    assert not campaign.live
    blocks = campaign.get_latest_revision_as_object().body
    assert [block.block_type for block in blocks] == ["rich_text", "statistic", "call_to_action"]
    assert blocks[1].value["figure"] == "1 in 4"


def test_moderator_schedules_a_change_to_an_event_to_go_live_tomorrow_morning(live_demo_site, browser_page):
    page = browser_page
    event = EventPage.objects.live().first()
    old_title = event.title
    tomorrow_nine = timezone.make_aware(
        datetime.combine(timezone.localdate() + timedelta(days=1), time(9, 0))
    )
    sign_in_to_admin(page, live_demo_site, UserFactory(role=roles.MODERATORS))
    page.goto(f"{live_demo_site}/admin/pages/{event.get_parent().pk}/")
    page.get_by_role("link", name=event.title, exact=True).first.click()
    page.locator("#id_title").fill(f"{old_title} (new venue)")

    page.get_by_role("button", name="Toggle status").click()
    page.locator("[data-side-panel=status]").get_by_role("button", name="Set schedule").click()
    dialog = page.get_by_role("dialog").filter(has_text="Set publishing schedule")
    dialog.get_by_label("Go live date/time").fill(tomorrow_nine.strftime("%Y-%m-%d %H:%M"))
    # The field's date picker stays open over the dialog's button, so save from the keyboard.
    dialog.get_by_role("button", name="Save schedule").press("Enter")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Schedule to publish").click()
    page.get_by_text("has been scheduled for publishing").first.wait_for()
    assert_no_axe_violations(page)

    event.refresh_from_db()
    assert event.title == old_title  # the public still sees the event as it is
    revision = event.scheduled_revision
    assert revision.approved_go_live_at == tomorrow_nine
    assert revision.as_object().title == f"{old_title} (new venue)"
