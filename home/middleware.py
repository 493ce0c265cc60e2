"""Turns a database outage during a view into an honest 503 (see home.views.server_error for the rest)."""

import logging

from home.views import database_is_unavailable, database_unavailable_response

logger = logging.getLogger(__name__)


class DatabaseUnavailableMiddleware:
    """A view that loses the database mid-request (a form being saved, a page being read) answers 503
    "try again shortly", never a 500 or a page that looks like success. Failures outside views reach the
    500 handler, which makes the same distinction."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not database_is_unavailable(exception):
            return None
        logger.error("Database unavailable: %s", type(exception).__name__)
        return database_unavailable_response(request)
