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


class EventType(models.TextChoices):
    """The kinds of event the recruitment team runs. A constant rather than a snippet: each kind has its
    own wording on the site and in calendars, and adding one is a code change with a migration."""

    INFORMATION_SESSION = "information-session", _("Information session")
    POSITIVE_ACTION_WORKSHOP = "positive-action-workshop", _("Positive-action workshop")
    ASSESSMENT_PREPARATION = "assessment-preparation", _("Assessment-centre preparation")
    MOCK_INTERVIEW = "mock-interview", _("Mock interview")
    FITNESS_TEST_PRACTICE = "fitness-test-practice", _("Fitness-test practice")
    COMMUNITY_EVENT = "community-event", _("Community event")
    AMBASSADOR_MEETING = "ambassador-meeting", _("Ambassador network meeting")


class AttendanceMode(models.TextChoices):
    IN_PERSON = "in-person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("In person and online")


class EventStatus(models.TextChoices):
    # "Scheduled" read as the page's publishing schedule in the editor; this is whether the event happens.
    SCHEDULED = "scheduled", _("Going ahead")
    CANCELLED = "cancelled", _("Cancelled")
    POSTPONED = "postponed", _("Postponed")
    FULL = "full", _("Fully booked")
