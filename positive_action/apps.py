from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PositiveActionConfig(AppConfig):
    name = "positive_action"
    verbose_name = _("Positive-action support")
