"""The public "next step" this app offers at the end of other pages (home/next_steps.py), kept out of
wagtail_hooks.py because its words are public and translated (``make messages`` leaves staff-only modules
such as wagtail_hooks.py out of the catalogues)."""

from django.utils.translation import gettext_lazy as _

from ambassadors_network.models import AmbassadorProgrammePage
from home.next_steps import AMBASSADOR, NextStep


def ambassador_next_step():
    return [
        NextStep(
            key=AMBASSADOR,
            heading=_("Become a community ambassador"),
            text=_("Help people in your community see policing as a career for them."),
            label=_("Find out about ambassadors"),
            find_page=lambda: AmbassadorProgrammePage.objects.live().public().first(),
        )
    ]
