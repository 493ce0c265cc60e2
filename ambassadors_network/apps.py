from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AmbassadorsNetworkConfig(AppConfig):
    name = "ambassadors_network"
    verbose_name = _("Community Ambassadors Network")
