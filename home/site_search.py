"""The site search: pages, events, myths and facts and officer stories, each kind searched on its own and
shown in its own group with a count. Only what the public may see is searched: live, public pages under
this site, and published myths and stories (a snippet saved as a draft or awaiting review is not live).

The overview shows the first results of every kind with a link to the rest; `?kind=` shows one kind,
page by page.
"""

import unicodedata
from typing import NamedTuple

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, ReferenceIndex, Site

from home.models import EventPage, Myth, MythsFactsPage, OfficerStory

RESULTS_PER_PAGE = 10


def is_word_character(character):
    # Letters, digits and combining marks: Bengali and Tamil vowel signs are marks, and a word split at
    # each of them (as the regular expression \w does) is no longer a word PostgreSQL can stem.
    return unicodedata.category(character)[0] in "LNM"


def search_terms(query):
    """Words only: the full-text engines (SQLite FTS5, PostgreSQL tsquery) have their own operator
    syntax, and punctuation typed by a visitor must not reach them as operators."""
    return " ".join("".join(c if is_word_character(c) else " " for c in query).split())


class Kind(NamedTuple):
    slug: str
    heading: str
    search: object  # (request, terms) -> search results
    describe: object  # (request, results) -> list of Result


class Result(NamedTuple):
    title: str
    url: str
    text: str
    event: object = None


class Group(NamedTuple):
    kind: Kind
    count: int
    results: list
    page: object  # the Paginator page when one kind is shown, else None


def reader_locale(request):
    """The locale of the address searched from, looked up once per search (each kind filters by it)."""
    if not hasattr(request, "_reader_locale"):
        request._reader_locale = Locale.get_active()
    return request._reader_locale


def public_pages(request):
    """Live, public pages under this request's site. Which pages are private takes a query, so it is
    asked once per search and the queryset reused (QuerySets copy themselves on every filter)."""
    if not hasattr(request, "_public_pages"):
        # Pages in the reader's language only (/ur/search/ finds Urdu pages).
        locale = reader_locale(request)
        pages = Page.objects.live().public().filter(locale=locale)
        site = Site.find_for_request(request)
        if site:
            root = site.root_page.get_translation_or_none(locale) or site.root_page
            pages = pages.descendant_of(root, inclusive=True)
        request._public_pages = pages
    return request._public_pages


def search_pages(request, terms):
    return public_pages(request).not_type(EventPage).specific().search(terms, operator="and")


def search_events(request, terms):
    return EventPage.objects.filter(pk__in=public_pages(request).type(EventPage).values("pk")).search(
        terms, operator="and"
    )


def search_myths(request, terms):
    return Myth.objects.live().filter(locale=reader_locale(request)).search(terms, operator="and")


def search_stories(request, terms):
    return OfficerStory.objects.live().filter(locale=reader_locale(request)).search(terms, operator="and")


def describe_pages(request, pages):
    return [
        Result(page.title, page.get_url(request), getattr(page, "meta_description", "")) for page in pages
    ]


def describe_events(request, events):
    return [Result(event.title, event.get_url(request), event.summary, event=event) for event in events]


def describe_myths(request, myths):
    """Each myth links to its place on the myths and facts page, where its fact opens."""
    myths_page = public_pages(request).type(MythsFactsPage).first()
    base = myths_page.get_url(request) if myths_page else ""
    return [
        Result(myth.faq_question(), f"{base}#myth-{myth.pk}" if base else "", myth.myth) for myth in myths
    ]


def describe_stories(request, stories):
    """Each story links to the first public page it appears on (Wagtail's reference index knows where
    snippets are used); a story not placed on any page is shown without a link."""
    places = ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(OfficerStory),
        to_object_id__in=[str(story.pk) for story in stories],
        base_content_type=ContentType.objects.get_for_model(Page),
    ).values_list("to_object_id", "object_id")
    page_ids = {}
    for story_id, page_id in places:
        page_ids.setdefault(int(story_id), []).append(int(page_id))
    wanted = {page_id for ids in page_ids.values() for page_id in ids}
    urls = {page.pk: page.get_url(request) for page in public_pages(request).filter(pk__in=wanted)}
    results = []
    for story in stories:
        url = next((urls[pk] for pk in sorted(page_ids.get(story.pk, [])) if pk in urls), "")
        results.append(Result(story.name, url, story.quote))
    return results


KINDS = [
    Kind("pages", _("Pages"), search_pages, describe_pages),
    Kind("events", _("Events"), search_events, describe_events),
    Kind("myths", _("Myths and facts"), search_myths, describe_myths),
    Kind("stories", _("Officer stories"), search_stories, describe_stories),
]
KINDS_BY_SLUG = {kind.slug: kind for kind in KINDS}


def page_of(results, number):
    paginator = Paginator(results, RESULTS_PER_PAGE)
    try:
        return paginator.page(number)
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)


def overview(request, terms):
    """The first results of every kind that has any, each with its count."""
    groups = []
    for kind in KINDS:
        found = kind.search(request, terms)
        count = found.count()
        if count:
            groups.append(Group(kind, count, kind.describe(request, list(found[:RESULTS_PER_PAGE])), None))
    return groups


def one_kind(request, terms, kind, number):
    page = page_of(kind.search(request, terms), number)
    return [Group(kind, page.paginator.count, kind.describe(request, list(page)), page)]


def grouped_results(request, query, kind_slug, page_number):
    terms = search_terms(query)
    kind = KINDS_BY_SLUG.get(kind_slug)
    if kind is None:
        return overview(request, terms)
    return one_kind(request, terms, kind, page_number)
