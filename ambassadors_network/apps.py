from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class AmbassadorsNetworkConfig(AppConfig):
    name = "ambassadors_network"
    verbose_name = _("Community Ambassadors Network")

    def ready(self):
        from positive_action.models import SupportRequest

        from .referrals import attribute_registration

        # A support registration that arrives with an ambassador's code is attributed when it is stored.
        post_save.connect(attribute_registration, sender=SupportRequest, dispatch_uid="ambassador_referral")
