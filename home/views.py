import re

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from wagtail.models import Page, Site

SEARCH_MAX_LENGTH = 100
SEARCH_RESULTS_PER_PAGE = 10


def server_error(request):
    """Render the 500 page without touching the database, which may be the thing that failed."""
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({"force_name": settings.WAGTAIL_SITE_NAME}))


def search_terms(query):
    """Words only: the full-text engines (SQLite FTS5, PostgreSQL tsquery) have their own operator
    syntax, and punctuation typed by a visitor must not reach them as operators."""
    return " ".join(re.findall(r"\w+", query))


def search_pages(request, query):
    pages = Page.objects.live().public()
    site = Site.find_for_request(request)
    if site:
        pages = pages.descendant_of(site.root_page, inclusive=True)
    return pages.specific().search(search_terms(query), operator="and")


def results_page(results, number):
    paginator = Paginator(results, SEARCH_RESULTS_PER_PAGE)
    try:
        return paginator.page(number)
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)


@require_GET
def search(request):
    query = request.GET.get("query", "").strip()
    context = {"query": query, "search_max_length": SEARCH_MAX_LENGTH, "results": None, "error": ""}
    status = 200
    if len(query) > SEARCH_MAX_LENGTH:
        context["error"] = _("Search terms must be %(max)s characters or fewer.") % {"max": SEARCH_MAX_LENGTH}
        context["query"] = query[:SEARCH_MAX_LENGTH]
        status = 400
    elif search_terms(query):
        context["results"] = results_page(search_pages(request, query), request.GET.get("page"))
    return render(request, "pages/search.html", context, status=status)


def robots_txt(request):
    return render(request, "robots.txt", content_type="text/plain")
