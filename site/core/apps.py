from django.apps import AppConfig

from .languages import extend_django_language_info


class CoreConfig(AppConfig):
    """The shared layer, installed so that its template tags (report charts) can be loaded."""

    name = "recruitment_site.core"
    label = "core"
    verbose_name = "Shared"

    def ready(self):
        extend_django_language_info()
