"""What the event pages' routes do: the filtered listing and archive, the calendar feed, one event's
calendar file and the event page's extra context. The page models route here (home/models/events.py)."""

from urllib.parse import urlencode

from django.apps import apps
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import HttpResponse, HttpResponseBadRequest
from django.utils.translation import gettext as _
from wagtail.models import Site

from home.caching import force_name
from home.event_calendar import CONTENT_TYPE, calendar_bytes
from home.event_filters import EventFilterSet, month_choices
from home.event_schema import event_data
from home.seo import json_ld, sharing_image

# A feed is a whole calendar in one response; this bounds its size whatever the filters.
FEED_LIMIT = 500


def page_of(events, number, per_page):
    paginator = Paginator(events, per_page)
    try:
        return paginator.page(number)
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)


def events_in_order(keys):
    # The model by name: the event pages import this module.
    by_key = apps.get_model("home", "EventPage").objects.for_listing().in_bulk(keys)
    return [by_key[key] for key in keys if key in by_key]


def with_query(url, params):
    return f"{url}?{urlencode(params)}" if params else url


def feed_links(index, request, params):
    """The feed's https address (download) and webcal address (subscribe)."""
    feed_url = with_query(index.get_full_url(request) + index.reverse_subpage("calendar_feed"), params)
    webcal_url = "webcal://" + feed_url.split("://", 1)[-1]
    return feed_url, webcal_url


def event_listing(index, request, archive):
    listing = index.events().for_listing()
    filters = EventFilterSet(request.GET, listing.past() if archive else listing.upcoming(), archive=archive)
    # Filters that are not valid are left out, and the page says what was not understood.
    filters_valid = filters.is_valid()
    events = filters.qs
    params = filters.active_filters()
    feed_url, webcal_url = feed_links(index, request, params)
    # Only the keys at first: the cards are usually in the cache, keyed by them (home/caching.py).
    listed = page_of(events.values_list("pk", flat=True), request.GET.get("page"), index.events_per_page)
    event_keys = list(listed)
    response = index.render(
        request,
        context_overrides={
            "form": filters.form,
            "archive": archive,
            "events": listed,
            # What the cached parts of the page (home/caching.py) depend on besides content.
            "event_keys": event_keys,
            # Called by the template only when the cards are not in the cache.
            "event_cards": lambda: events_in_order(event_keys),
            "filter_months": month_choices(archive)[0][0],
            "filter_query": urlencode(params),
            "filtered": bool(params),
            "feed_url": feed_url,
            "webcal_url": webcal_url,
            "upcoming_url": index.url,
            "archive_url": index.url + index.reverse_subpage("past_events"),
            "archive_full_url": index.get_full_url(request) + index.reverse_subpage("past_events"),
        },
    )
    if not filters_valid:
        # The page still lists events (with the valid filters), and says what was not understood.
        response.status_code = 400
    return response


def site_hostname(request):
    site = Site.find_for_request(request)
    return site.hostname if site else request.get_host().split(":")[0]


def calendar_response(content, filename):
    response = HttpResponse(content, content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def calendar_feed(index, request):
    filters = EventFilterSet(request.GET, index.events().upcoming())
    if not filters.is_valid():
        messages = [str(error) for errors in filters.errors.values() for error in errors]
        return HttpResponseBadRequest(
            _("This calendar address has a filter we do not recognise: %(errors)s")
            % {"errors": " ".join(messages)},
            content_type="text/plain; charset=utf-8",
        )
    events = filters.qs[:FEED_LIMIT]
    name = _("%(site)s events") % {"site": force_name(request)}
    content = calendar_bytes(events, site_hostname(request), lambda event: event.get_full_url(request), name)
    return calendar_response(content, "events.ics")


def event_calendar_file(event, request):
    content = calendar_bytes([event], site_hostname(request), lambda page: page.get_full_url(request))
    return calendar_response(content, f"{event.slug}.ics")


def event_page_context(event, request):
    site = Site.find_for_request(request)
    page_url = event.get_full_url(request)
    name = force_name(request)
    image = sharing_image(event, request, name)
    data = event_data(event, page_url, name, site.root_url if site else "", image.url)
    return {
        "structured_data": json_ld(data),
        "calendar_url": event.url + event.reverse_subpage("calendar_file"),
        "booking": event.booking_link(),
        "index_page": event.get_parent(),
    }
