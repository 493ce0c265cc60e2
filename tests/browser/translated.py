"""What every page of the Urdu and Bengali site must be, for the browser tests that read it (issue 18)."""

from django.utils import translation
from django.utils.translation import gettext, pgettext

from tests.browser.axe import assert_no_axe_violations

# What the pages must say about their language, written out here rather than read from the site's own
# language list, so that a wrong entry there fails.
DIRECTIONS = {"ur": "rtl", "bn": "ltr"}


def in_language(code, message, context=None):
    """An interface string as the site shows it in a language: the locators and expected texts of the
    tests come from the same catalogue the pages are drawn from."""
    with translation.override(code):
        return pgettext(context, message) if context else gettext(message)


def english_left_in(text, english_strings):
    """The English interface strings still present in a page's (or an email's) text."""
    return [english for english in english_strings if english in text]


def assert_reads_in(page, code):
    """The page declares its language and direction, has one main heading and passes axe."""
    html = page.locator("html")
    assert (html.get_attribute("lang"), html.get_attribute("dir")) == (code, DIRECTIONS[code]), page.url
    assert page.locator("h1").count() == 1, page.url
    assert_no_axe_violations(page)
