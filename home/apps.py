from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Public site")

    def ready(self):
        # Connects the receiver that gives Translators each new language's page tree.
        from home import translation  # noqa: F401
