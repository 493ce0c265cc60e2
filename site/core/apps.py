from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The shared layer, installed so that its template tags (report charts) can be loaded."""

    name = "recruitment_site.core"
    label = "core"
    verbose_name = "Shared"
