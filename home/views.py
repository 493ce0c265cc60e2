from django.conf import settings
from django.http import HttpResponseServerError
from django.template import loader


def server_error(request):
    """Render the 500 page without touching the database, which may be the thing that failed."""
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({"force_name": settings.WAGTAIL_SITE_NAME}))
