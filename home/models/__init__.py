from .content import CampaignIndexPage, CampaignPage, Myth, MythsFactsPage, OfficerStory
from .events import EventIndexPage, EventPage
from .pages import HomePage, RecruitmentTimelinePage, StandardPage
from .site_settings import SiteSettings
from .snippets import Borough, Community
from .translations import TranslationReviewFlag

__all__ = [
    "Borough",
    "CampaignIndexPage",
    "CampaignPage",
    "Community",
    "EventIndexPage",
    "EventPage",
    "HomePage",
    "Myth",
    "MythsFactsPage",
    "OfficerStory",
    "RecruitmentTimelinePage",
    "SiteSettings",
    "StandardPage",
    "TranslationReviewFlag",
]
