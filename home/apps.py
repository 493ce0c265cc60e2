from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Public site")

    def ready(self):
        # Connects the page cache's invalidation to content saves in every process, including management
        # commands such as publish_scheduled, not only in processes that serve requests.
        from home import caching  # noqa: F401
