"""The fixed answers the registration form offers. The queue filters on these codes, so they live in
code; changing one needs a data migration for existing records."""

from django.db import models
from django.utils.translation import gettext_lazy as _

# Every kind of record asks how to contact the person, so these live in the shared layer.
from recruitment_site.core.contact import CallbackTime, ContactMethod, Interpreter  # noqa: F401


class RoleOfInterest(models.TextChoices):
    CONSTABLE = "constable", _("Police constable")
    DETECTIVE = "detective", _("Detective constable")
    PCSO = "pcso", _("Police community support officer (PCSO)")
    SPECIAL = "special", _("Special constable")
    STAFF = "staff", _("Police staff")
    CADET_LEADER = "cadet_leader", _("Volunteer cadet leader")
    NOT_SURE = "not_sure", _("Not sure yet")


class ApplicationProgress(models.TextChoices):
    NOT_APPLIED = "not_applied", _("I have not applied yet")
    IN_PROGRESS = "in_progress", _("My application is in progress")
    SUBMITTED = "submitted", _("I have submitted my application")
    ASSESSMENT_BOOKED = "assessment_booked", _("My assessment centre is booked")
    REAPPLYING = "reapplying", _("I was unsuccessful and plan to re-apply")


class SupportType(models.TextChoices):
    APPLICATION_WORKSHOP = "application_workshop", _("Application-form workshop")
    MOCK_INTERVIEW = "mock_interview", _("Mock interview")
    ASSESSMENT_PREP = "assessment_prep", _("Assessment-centre preparation")
    FITNESS_PREP = "fitness_prep", _("Fitness-test preparation")
    LANGUAGE_ACCESS = "language_access", _("English-language or access course")
    MENTORING = "mentoring", _("Mentoring")
    GENERAL_ADVICE = "general_advice", _("General advice")


class HeardAbout(models.TextChoices):
    AMBASSADOR = "ambassador", _("A community ambassador referred me")
    EVENT = "event", _("An event")
    SOCIAL_MEDIA = "social_media", _("Social media")
    FRIEND_FAMILY = "friend_family", _("A friend or family member")
    OTHER = "other", _("Other")


class Stage(models.TextChoices):
    NEW = "new", _("New")
    CONTACTED = "contacted", _("Contacted")
    IN_SUPPORT = "in_support", _("In support")
    APPLICATION_SUBMITTED = "application_submitted", _("Application submitted")
    ASSESSMENT = "assessment", _("Assessment")
    VETTING = "vetting", _("Vetting")
    APPOINTED = "appointed", _("Appointed")
    UNSUCCESSFUL = "unsuccessful", _("Unsuccessful (near miss)")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    CLOSED = "closed", _("Closed")


# A person in one of these stages has finished with us: a new registration starts a new record.
FINISHED_STAGES = (Stage.APPOINTED, Stage.WITHDRAWN, Stage.CLOSED)


class ContactKind(models.TextChoices):
    CALL = "call", _("Phone call")
    EMAIL = "email", _("Email")
    MEETING = "meeting", _("Meeting")
    EVENT = "event", _("Event attended")
    NO_ANSWER = "no_answer", _("No answer")
    # Entries logged before the "Log activity" form, which asks for the outcome of every contact.
    OUTCOME = "outcome", _("Outcome")


# What the "Log activity" form offers: an outcome is part of every entry, not an activity of its own.
ACTIVITY_KINDS = [kind for kind in ContactKind if kind != ContactKind.OUTCOME]


PREFER_NOT_TO_SAY = ("prefer_not_to_say", _("Prefer not to say"))


class Ethnicity(models.TextChoices):
    """ONS 2021 census categories for England and Wales."""

    ASIAN_BANGLADESHI = "asian_bangladeshi", _("Asian or Asian British: Bangladeshi")
    ASIAN_CHINESE = "asian_chinese", _("Asian or Asian British: Chinese")
    ASIAN_INDIAN = "asian_indian", _("Asian or Asian British: Indian")
    ASIAN_PAKISTANI = "asian_pakistani", _("Asian or Asian British: Pakistani")
    ASIAN_OTHER = "asian_other", _("Any other Asian background")
    BLACK_AFRICAN = "black_african", _("Black, Black British, Caribbean or African: African")
    BLACK_CARIBBEAN = "black_caribbean", _("Black, Black British, Caribbean or African: Caribbean")
    BLACK_OTHER = "black_other", _("Any other Black, Black British or Caribbean background")
    MIXED_WHITE_ASIAN = "mixed_white_asian", _("Mixed or multiple ethnic groups: White and Asian")
    MIXED_WHITE_BLACK_AFRICAN = (
        "mixed_white_black_african",
        _("Mixed or multiple ethnic groups: White and Black African"),
    )
    MIXED_WHITE_BLACK_CARIBBEAN = (
        "mixed_white_black_caribbean",
        _("Mixed or multiple ethnic groups: White and Black Caribbean"),
    )
    MIXED_OTHER = "mixed_other", _("Any other mixed or multiple ethnic background")
    WHITE_BRITISH = "white_british", _("White: English, Welsh, Scottish, Northern Irish or British")
    WHITE_IRISH = "white_irish", _("White: Irish")
    WHITE_GYPSY = "white_gypsy", _("White: Gypsy or Irish Traveller")
    WHITE_ROMA = "white_roma", _("White: Roma")
    WHITE_OTHER = "white_other", _("Any other White background")
    ARAB = "arab", _("Other ethnic group: Arab")
    OTHER = "other", _("Any other ethnic group")
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY


class Sex(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY


class GenderIdentity(models.TextChoices):
    SAME = "same", _("Yes, my gender identity is the same as the sex I was registered at birth")
    DIFFERENT = "different", _("No, my gender identity is different")
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY


class SexualOrientation(models.TextChoices):
    STRAIGHT = "straight", _("Straight or heterosexual")
    GAY_LESBIAN = "gay_lesbian", _("Gay or lesbian")
    BISEXUAL = "bisexual", _("Bisexual")
    OTHER = "other", _("Another sexual orientation")
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY


class Religion(models.TextChoices):
    NONE = "none", _("No religion")
    BUDDHIST = "buddhist", _("Buddhist")
    CHRISTIAN = "christian", _("Christian")
    HINDU = "hindu", _("Hindu")
    JEWISH = "jewish", _("Jewish")
    MUSLIM = "muslim", _("Muslim")
    SIKH = "sikh", _("Sikh")
    OTHER = "other", _("Any other religion or belief")
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY


class Disability(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY


class CheckerOutcomeKind(models.TextChoices):
    """What an eligibility checker outcome tells the visitor; the outcome page is styled by it."""

    CAN_APPLY = "can_apply", _("You can apply")
    TALK_TO_US = "talk_to_us", _("You may be able to apply: talk to us")
    NOT_YET = "not_yet", _("Not yet")
