"""A visitor searches from the header: results come grouped by kind, and each kind's result leads
somewhere useful (a myth to its place on the myths page, a story to the page it appears on)."""

import re

import pytest

from home.models import Myth
from tests.browser.axe import assert_no_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def search_from_the_header(page, words):
    page.get_by_role("search").first.get_by_label("Search this site").fill(words)
    page.get_by_role("search").first.get_by_role("button", name="Search").click()
    page.locator("#results-summary").wait_for()


def test_visitor_finds_a_myth_and_a_story_and_follows_them(live_demo_site, browser_page):
    page = browser_page
    myth = Myth.objects.get(question="Can I join the police if I have a tattoo?")
    page.goto(live_demo_site + "/")

    search_from_the_header(page, "tattoo")
    assert page.get_by_role("heading", level=2, name="Myths and facts (1)").is_visible()
    assert_no_axe_violations(page)
    page.get_by_role("link", name=myth.question).click()
    page.wait_for_url(re.compile(rf"/myths-and-facts/#myth-{myth.pk}$"))
    targeted = page.locator(f"#myth-{myth.pk}")
    assert targeted.evaluate("(element) => element.matches(':target')")
    targeted.get_by_text(myth.question).click()
    targeted.get_by_text("Most tattoos are fine").wait_for()

    search_from_the_header(page, "pass mark")
    stories = page.locator("section").filter(
        has=page.get_by_role("heading", name=re.compile("^Officer stories"))
    )
    stories.get_by_role("link", name="Sergeant, Ealing").click()
    page.get_by_text("I missed the pass mark on my first attempt").wait_for()
