"""The site's URLs plus uploaded media, for the live server browser tests.

Tests keep media in Django's in-memory storage and run with DEBUG off, so nothing else serves image files
(in production the web server or object storage does); without this, every image would be a console 404.
"""

import mimetypes

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.urls import re_path

from recruitment_site import urls


def serve_media(request, path):
    if not default_storage.exists(path):
        raise Http404(path)
    content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
    return FileResponse(default_storage.open(path), content_type=content_type)


urlpatterns = [re_path(r"^media/(?P<path>.+)$", serve_media), *urls.urlpatterns]
handler500 = urls.handler500
