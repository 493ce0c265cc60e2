import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.urls import translate_url
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from home import site_search
from recruitment_site.core import spam
from recruitment_site.core.languages import CODES

SEARCH_MAX_LENGTH = 100


# Seconds a client is asked to wait before retrying while the database is unreachable.
DATABASE_RETRY_AFTER = 30


def database_is_unavailable(exception):
    """Connection-level failures (server down, restarting, out of connections) rather than bugs."""
    return isinstance(exception, OperationalError | InterfaceError)


def server_error(request):
    """Render the error page without touching the database, which may be the thing that failed.

    Django calls this handler while the exception is being handled, so sys.exc_info() names it. A lost
    database is a temporary outage, not a fault in the page: it answers 503 with Retry-After so people
    and crawlers come back, and no form can appear to have succeeded. Django reconnects on the next
    request, so the site recovers without a restart.
    """
    if database_is_unavailable(sys.exc_info()[1]):
        return database_unavailable_response(request)
    context = {"force_name": settings.WAGTAIL_SITE_NAME}
    return HttpResponseServerError(loader.render_to_string("500.html", context))


def bad_request(request, exception):
    """The friendly page for a request Django could not read, such as a form posted in a character set
    other than UTF-8. Django's own 400 view sets up a CSRF token, which reads the form data again, and a
    body that could not be decoded then raises a second time, so the visitor got a 500."""
    context = {"force_name": settings.WAGTAIL_SITE_NAME}
    return HttpResponseBadRequest(loader.render_to_string("400.html", context))


# Fields never written back into the page: what a staff sign-in form carries.
NEVER_RESENT = ("password",)


def answers_to_resend(request):
    """What a visitor posted to a public form, as (name, value) pairs the 503 page puts back into a form
    that sends them again: the page that failed cannot be drawn without the database, but nothing the
    person typed is lost. The admin's forms are left out; the CSRF token goes back as it came, so the
    resend passes the same check."""
    if request is None or request.method != "POST" or request.path.startswith("/admin/"):
        return []
    try:
        return [
            (name, value)
            for name, values in request.POST.lists()
            if not any(word in name.lower() for word in NEVER_RESENT)
            for value in values
        ]
    except Exception:  # noqa: BLE001 - an unreadable body has nothing to give back
        return []


def database_unavailable_response(request=None):
    context = {"force_name": settings.WAGTAIL_SITE_NAME}
    if answers := answers_to_resend(request):
        context.update(resend_answers=answers, resend_action=request.get_full_path())
    response = HttpResponse(loader.render_to_string("503.html", context), status=503)
    response["Retry-After"] = str(DATABASE_RETRY_AFTER)
    response["Cache-Control"] = "no-store"
    return response


@require_GET
def search(request):
    # Each search is several full-text queries against the database, so one address cannot make
    # unlimited ones.
    window = settings.SEARCH_RATE_WINDOW_SECONDS
    if spam.rate_limited(request, "search", limit=settings.SEARCH_RATE_LIMIT, window=window):
        return spam.rate_limited_response(request, window=window, searching=True)
    query = request.GET.get("query", "").strip()
    kind = request.GET.get("kind", "")
    context = {
        "query": query,
        "search_max_length": SEARCH_MAX_LENGTH,
        "groups": None,
        "kind": kind if kind in site_search.KINDS_BY_SLUG else "",
        "error": "",
    }
    status = 200
    if len(query) > SEARCH_MAX_LENGTH:
        context["error"] = _("Search terms must be %(max)s characters or fewer.") % {"max": SEARCH_MAX_LENGTH}
        context["query"] = query[:SEARCH_MAX_LENGTH]
        status = 400
    elif site_search.search_terms(query):
        groups = site_search.grouped_results(request, query, context["kind"], request.GET.get("page"))
        context.update(groups=groups, total=sum(group.count for group in groups))
    return render(request, "pages/search.html", context, status=status)


def robots_txt(request):
    # Each language's search results live under its prefix (/ur/search/); English has none.
    prefixes = [translate_url("/search/", code) for code in CODES]
    return render(request, "robots.txt", {"search_paths": prefixes}, content_type="text/plain")
