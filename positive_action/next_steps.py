"""The public "next step" this app offers at the end of other pages (home/next_steps.py), kept out of
wagtail_hooks.py because its words are public and translated (``make messages`` leaves staff-only modules
such as wagtail_hooks.py out of the catalogues)."""

from django.utils.translation import gettext_lazy as _

from home.next_steps import SUPPORT, NextStep
from positive_action.models import SupportRegistrationPage


def support_next_step():
    return [
        NextStep(
            key=SUPPORT,
            heading=_("Get free support to apply"),
            text=_(
                "Our diversity team will help you prepare, from the application form to the assessment centre."
            ),
            label=_("Register for support"),
            find_page=lambda: SupportRegistrationPage.objects.live().public().first(),
        )
    ]
