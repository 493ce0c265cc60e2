"""A database outage answers 503 with a "please try again shortly" page instead of a 500 or, worse, a
page that looks like success. The page is rendered without touching the database."""

import logging

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.template import loader

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 60


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, (OperationalError, InterfaceError)):
            return None
        logger.error("Database unavailable: %s", type(exception).__name__)
        return database_unavailable_response(request)


def database_unavailable_response(request):
    from django.http import HttpResponse

    body = loader.get_template("503.html").render({"force_name": settings.WAGTAIL_SITE_NAME})
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response
