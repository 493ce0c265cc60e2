"""Fixed choice lists shared by models and blocks (kept apart so blocks need not import models)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MythTopic(models.TextChoices):
    """Topics the myths-and-facts page groups myths under, in this order. Add a topic here (and a
    migration) when comms need a new one; a fixed list keeps the public page's sections stable."""

    POSITIVE_ACTION = "positive-action", _("What positive action is and is not")
    ELIGIBILITY = "eligibility", _("Who can join")
    SELECTION = "selection", _("Applying and selection")
    LIFE_IN_THE_JOB = "life-in-the-job", _("Life in the job")
