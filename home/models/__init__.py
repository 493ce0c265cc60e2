from .events import EventIndexPage, EventPage
from .pages import HomePage, StandardPage
from .site_settings import SiteSettings
from .snippets import Borough, Community

__all__ = ["Borough", "Community", "EventIndexPage", "EventPage", "HomePage", "SiteSettings", "StandardPage"]
