"""The reader's languages on the public pages (issue 18): which language a page is in, which translations
of it exist, and where the language switcher's links go.

A page's translations share its ``translation_key`` (Wagtail's internationalisation, managed in the admin
by wagtail-localize). The switcher links each language to this page's live translation and, where there
is none, to that language's home page, so that following it never ends on "page not found". Languages
whose home page is not published yet are left out of the switcher.

What the lookups find depends only on content, so it is kept as a shared fragment (home/caching.py) and
an uncached page pays for it once per content change, not once per request.
"""

from django.urls import translate_url
from django.utils import translation
from wagtail.models import Site

from home.caching import shared
from recruitment_site.core.languages import DEFAULT_LANGUAGE_CODE, LANGUAGES, get_language

# Open Graph's og:locale is language_TERRITORY. The territory is where most of the force's readers of that
# language have their roots (Bangladeshi Bengali, Pakistani Urdu, Sri Lankan Tamil), as the brief's
# priority communities are.
OG_LOCALES = {
    "en-gb": "en_GB",
    "bn": "bn_BD",
    "ur": "ur_PK",
    "so": "so_SO",
    "tr": "tr_TR",
    "ku": "ku_TR",
    "ta": "ta_LK",
    "pl": "pl_PL",
}


def bcp47(code):
    """The tag for HTML's lang and hreflang attributes: Django's "en-gb" is "en-GB" there."""
    language, _, region = code.partition("-")
    return f"{language}-{region.upper()}" if region else language


def language_context(code=None):
    """What a template needs about a language: the active one unless a code is given."""
    language = get_language(code or translation.get_language())
    return {
        "code": language.code,
        "lang": bcp47(language.code),
        "direction": language.direction,
        "name_local": language.name_local,
        "english_name": language.english_name,
        "og_locale": OG_LOCALES.get(language.code, OG_LOCALES[DEFAULT_LANGUAGE_CODE]),
    }


def page_address(page, request):
    """(path, full URL) of a page, or None when it has no address on any site."""
    parts = page.get_url_parts(request)
    if parts is None:
        return None
    _, root_url, path = parts
    return {"url": path, "full_url": f"{root_url}{path}"}


def live_translations(page, request):
    """{language code: address} of the page and its live, public translations."""
    translations = page.get_translations(inclusive=True).live().public().select_related("locale")
    found = {}
    for translated in translations.defer_streamfields():
        if address := page_address(translated, request):
            found[translated.locale.language_code] = address
    return found


def page_translations(request, page):
    """live_translations() kept until content changes; by translation key, which every translation shares."""
    if page.pk is None:
        return {}
    return shared(
        request, "page-translations", [page.translation_key], lambda: live_translations(page, request)
    )


def home_pages(request):
    """{language code: address} of the site's home page in each language it is published in."""
    site = Site.find_for_request(request)
    if site is None:
        return {}
    return shared(request, "home-translations", [site.pk], lambda: live_translations(site.root_page, request))


def same_view_in_each_language(request):
    """{language code: address} of this Django view (search) in each language; None for anything else,
    such as a page not found, whose address would be as missing in another language."""
    match = request.resolver_match
    if match is None or match.url_name == "wagtail_serve":
        return None
    path = request.get_full_path()
    return {language.code: {"url": translate_url(path, language.code)} for language in LANGUAGES}


def switcher_links(request, page=None):
    """One link per language for the language switcher, in the order of LANGUAGES.

    On a page: its translation, else that language's home page. On another view (search): the same view
    in each language. Anywhere else (page not found): each language's home page. A language with no
    published home page is left out.
    """
    if page is not None:
        targets = {**home_pages(request), **page_translations(request, page)}
    else:
        targets = same_view_in_each_language(request) or home_pages(request)
    active = get_language(translation.get_language()).code
    return [
        {
            **language_context(language.code),
            "url": targets[language.code]["url"],
            "current": language.code == active,
        }
        for language in LANGUAGES
        if language.code in targets
    ]


def alternate_links(request, page):
    """hreflang alternates: each live translation of the page by full URL, and x-default for English."""
    translations = page_translations(request, page)
    links = [
        {"hreflang": bcp47(language.code), "href": translations[language.code]["full_url"]}
        for language in LANGUAGES
        if language.code in translations
    ]
    if DEFAULT_LANGUAGE_CODE in translations:
        links.append({"hreflang": "x-default", "href": translations[DEFAULT_LANGUAGE_CODE]["full_url"]})
    return links
