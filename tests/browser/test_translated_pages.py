"""Every page the demo translates, read in Urdu and in Bengali in the browser (issue 18): each declares
its language and direction, has one main heading, passes axe, names its translations for search engines,
keeps its links in the reader's language, shows the footer's phone numbers as they are dialled and draws
its own language's name in the switcher with letters, not boxes.

One test per language, one browser page for all its pages; each page's problems are collected, so one
run names every page that fails and why.
"""

import pytest
from django.apps import apps
from wagtail.models import Locale

from recruitment_site.devtools.demo.translations import TRANSLATED_PAGES, load_translations
from tests.browser.translated import assert_reads_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

LANGUAGES = ("ur", "bn")
# The font a page draws its own language's name in, in the language switcher: the self-hosted one on a
# Bengali page, as some readers' devices (and this test's Chromium) have no Bengali font of their own.
# Urdu's is the system font by design (site/static/css/main.css), so which one depends on the machine.
SWITCHER_FONT = {"bn": "Noto Sans Bengali"}


@pytest.fixture
def translated_site(live_demo_site):
    """The live demo site with its Urdu and Bengali translations: a page's alternates name both."""
    load_translations(LANGUAGES)
    return live_demo_site


def translated_pages(code):
    """(the page in the language, {hreflang: path} its alternates must name) for every page the demo
    translates: each language's translation, and the English page for x-default."""
    english = Locale.get_default()
    for label, slug in TRANSLATED_PAGES:
        pages = apps.get_model(label).objects.filter(locale=english)
        page = pages.get(depth=2) if slug is None else pages.get(slug=slug)
        translations = {
            other: page.get_translation(Locale.objects.get(language_code=other)) for other in LANGUAGES
        }
        paths = {other: translation.url for other, translation in translations.items()}
        yield translations[code], {"en-GB": page.url, "x-default": page.url, **paths}


def alternates(page):
    """{hreflang: path} of the page's <link rel="alternate"> elements."""
    return page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll('link[rel=alternate][hreflang]')]
            .map((link) => [link.hreflang, new URL(link.href).pathname]))"""
    )


def links_out_of_language(page, code):
    """Links in the main content to another of the site's pages that is not in the page's language."""
    return page.evaluate(
        """(code) => [...document.querySelectorAll('main a[href]')]
            .map((link) => new URL(link.href))
            .filter((url) => url.origin === location.origin)
            .filter((url) => !/^\\/(documents|media|static)\\//.test(url.pathname))
            .filter((url) => !url.pathname.startsWith(`/${code}/`))
            .map((url) => url.pathname)""",
        code,
    )


def numbers_shown_out_of_order(page):
    """Phone numbers in the footer whose digit groups appear on screen in another order than written (a
    right-to-left page lays out "020 7946 0123" as "0123 7946 020" unless the number is kept left to right)."""
    return page.evaluate(
        """() => [...document.querySelectorAll('.footer-contact a[href^="tel:"], .footer-contact a[href^="sms:"]')]
            .filter((link) => {
                const text = link.firstChild;
                const groups = [...text.data.matchAll(/\\d+/g)];
                const left = groups.map((group) => {
                    const range = document.createRange();
                    range.setStart(text, group.index);
                    range.setEnd(text, group.index + group[0].length);
                    return range.getBoundingClientRect().left;
                });
                return left.some((x, i) => i > 0 && x <= left[i - 1]);
            })
            .map((link) => link.textContent)"""
    )


def fonts_drawing(page, selector):
    """The fonts Chromium actually drew an element's text with (a font lacking the letters draws boxes)."""
    cdp = page.context.new_cdp_session(page)
    try:
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        document = cdp.send("DOM.getDocument")
        node = cdp.send("DOM.querySelector", {"nodeId": document["root"]["nodeId"], "selector": selector})
        fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node["nodeId"]})["fonts"]
        return {font["familyName"] for font in fonts}
    finally:
        cdp.detach()


def problems_on(page, url, code, expected_alternates):
    problems = []
    response = page.goto(url)
    if response.status != 200:
        return [f"answered {response.status}"]
    try:
        assert_reads_in(page, code)
    except AssertionError as error:
        problems.append(str(error))
    if (found := alternates(page)) != expected_alternates:
        problems.append(f"alternates {found}, not {expected_alternates}")
    if out_of_language := links_out_of_language(page, code):
        problems.append(f"links out of the language to {out_of_language}")
    if reversed_numbers := numbers_shown_out_of_order(page):
        problems.append(f"phone numbers shown out of order: {reversed_numbers}")
    if code in SWITCHER_FONT:
        own_name = fonts_drawing(page, ".language-switcher__link[aria-current]")
        if own_name != {SWITCHER_FONT[code]}:
            problems.append(f"the switcher draws the page's own language in {sorted(own_name)}")
    return problems


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_translated_page_reads_in_its_language_and_passes_axe(translated_site, browser_page, code):
    problems = {}
    for translated, expected_alternates in translated_pages(code):
        assert translated.alias_of_id is None, f"{translated.url} is an alias, not a translation"
        if found := problems_on(browser_page, translated_site + translated.url, code, expected_alternates):
            problems[translated.url] = found

    assert problems == {}, "\n".join(f"{url}: {'; '.join(found)}" for url, found in problems.items())
