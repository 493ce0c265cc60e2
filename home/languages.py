"""The reader's languages on the public pages (issue 18): which language a page is in, which translations
of it exist, and where the language switcher's links go.

A page's translations share its ``translation_key`` (Wagtail's internationalisation, managed in the admin
by wagtail-localize). The switcher links each language to this page's live translation and, where there
is none, to that language's home page, so that following it never ends on "page not found". Languages
whose home page is not published yet are left out of the switcher.

What the lookups find depends only on content, so it is kept as a shared fragment (home/caching.py) and
an uncached page pays for it once per content change, not once per request.
"""

from django.db.models import Exists, OuterRef, Q
from django.middleware.locale import LocaleMiddleware
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Page, Site

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


def live_translations(request, site, translation_key):
    """{"page": {code: address}, "home": {code: address}}: the live, public translations of the page with
    ``translation_key`` (None for no page) and of the site's home page, in one query."""
    home_key = Page.objects.filter(pk=site.root_page_id).values("translation_key")
    pages = (
        Page.objects.filter(Q(translation_key=translation_key) | Q(translation_key__in=home_key))
        .annotate(is_home=Exists(home_key.filter(translation_key=OuterRef("translation_key"))))
        .live()
        .public()
        .select_related("locale")
    )
    found = {"page": {}, "home": {}}
    for translated in pages:
        address = page_address(translated, request)
        if address is None:
            continue
        code = translated.locale.language_code
        if translated.translation_key == translation_key:
            found["page"][code] = address
        if translated.is_home:
            found["home"][code] = address
    return found


def translations(request, page=None):
    """live_translations() for this page, kept until content changes (by translation key, which all of a
    page's translations share) and worked out once per request: the head, the header and the switcher
    all ask."""
    site = Site.find_for_request(request)
    if site is None:
        return {"page": {}, "home": {}}
    key = page.translation_key if page is not None else None
    memo = request.__dict__.setdefault("_live_translations", {})
    if key not in memo:
        memo[key] = shared(request, "live-translations", [key], lambda: live_translations(request, site, key))
    return memo[key]


def page_translations(request, page):
    return translations(request, page)["page"]


def home_pages(request, page=None):
    """{language code: address} of the site's home page in each language it is published in."""
    return translations(request, page)["home"]


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
        found = translations(request, page)
        targets = {**found["home"], **found["page"]}
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


class LanguageFromAddressMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware without its ``Vary: Accept-Language``.

    Every address names its language: a prefix, or none for English, which ``prefix_default_language=False``
    makes Django choose whatever the browser asks for. The browser's Accept-Language therefore never
    changes a response, and the header would only make a CDN keep a copy of each page per browser language.
    """

    def process_response(self, request, response):
        response = super().process_response(request, response)
        vary = [value.strip() for value in response.get("Vary", "").split(",") if value.strip()]
        kept = [value for value in vary if value.lower() != "accept-language"]
        if kept:
            response["Vary"] = ", ".join(kept)
        elif "Vary" in response:
            del response["Vary"]
        return response
