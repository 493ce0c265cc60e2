"""The fixed answers the sign-up form offers and the record's statuses, in one place."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CommunityRole(models.TextChoices):
    FAITH_LEADER = "faith_leader", _("Faith leader")
    COMMUNITY_ORGANISER = "community_organiser", _("Community organiser")
    YOUTH_WORKER = "youth_worker", _("Youth worker")
    BUSINESS_OWNER = "business_owner", _("Business owner")
    EDUCATOR = "educator", _("Educator")
    OTHER = "other", _("Other")


class NetworkType(models.TextChoices):
    FAITH_GROUPS = "faith_groups", _("Faith groups")
    SCHOOLS = "schools", _("Schools and colleges")
    THIRD_SECTOR = "third_sector", _("Third-sector organisations")
    PROFESSIONAL = "professional", _("Professional networks")
    SPORTS_CLUBS = "sports_clubs", _("Sports clubs")
    ONLINE = "online", _("Online communities")


class TimeCommitment(models.TextChoices):
    FEW_HOURS_YEAR = "few_hours_year", _("A few hours a year, for events")
    FEW_HOURS_MONTH = "few_hours_month", _("A few hours a month")
    FEW_HOURS_WEEK = "few_hours_week", _("A few hours a week")
    NOT_SURE = "not_sure", _("Not sure yet")


class Status(models.TextChoices):
    APPLIED = "applied", _("Applied")
    IN_REVIEW = "in_review", _("In review")
    APPROVED = "approved", _("Approved")
    DECLINED = "declined", _("Declined")
    TRAINED = "trained", _("Trained")
    ACTIVE = "active", _("Active")
    PAUSED = "paused", _("Paused")
    LEFT = "left", _("Left")


class ContactType(models.TextChoices):
    CALL = "call", _("Phone call")
    EMAIL = "email", _("Email")
    MEETING = "meeting", _("Meeting")
    EVENT_ATTENDED = "event_attended", _("Event attended")
    TRAINING = "training", _("Training session")


class EntryKind(models.TextChoices):
    SIGNED_UP = "signed_up", _("Signed up")
    STATUS_CHANGE = "status_change", _("Status change")
    CONTACT = "contact", _("Contact")
    NOTE = "note", _("Note")
    EMAIL = "email", _("Email")
    DUPLICATE = "duplicate", _("Signed up again")
    REFERRAL_CODE = "referral_code", _("Referral code issued")
