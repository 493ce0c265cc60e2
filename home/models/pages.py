from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import PageManager, PageQuerySet
from wagtail.search import index

from home.blocks import CONTENT_BLOCKS, RecruitmentTimelineBlock, StatisticBlock
from home.caching import RememberedRoutesMixin

from .base import BasePage
from .events import EventPage

UPCOMING_EVENTS_ON_HOME = 3

INTRODUCTION_FEATURES = ["bold", "italic", "link"]


class HomePage(RememberedRoutesMixin, BasePage):
    """The site's front page: why join, the force's ambition and the figures behind it."""

    template = "pages/home_page.html"
    max_count_per_parent = 1
    parent_page_types = ["wagtailcore.Page"]

    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown beside the introduction. Its description is used as the alternative text."),
    )
    introduction = RichTextField(_("introduction"), features=INTRODUCTION_FEATURES)
    figures = StreamField(
        [("statistic", StatisticBlock())],
        verbose_name=_("headline figures"),
        blank=True,
        max_num=6,
    )
    body = StreamField(CONTENT_BLOCKS, verbose_name=_("body"), blank=True)

    content_panels = BasePage.content_panels + [
        MultiFieldPanel([FieldPanel("introduction"), FieldPanel("hero_image")], heading=_("Hero")),
        FieldPanel("figures"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("introduction"), index.SearchField("body")]

    class Meta:
        verbose_name = _("home page")

    def upcoming_events(self):
        """The next few events in this home page's language (each event has a copy per language); lazy,
        so a cached home page asks nothing."""
        events = EventPage.objects.published().filter(locale_id=self.locale_id)
        return events.upcoming().for_listing()[:UPCOMING_EVENTS_ON_HOME]


class StandardPage(BasePage):
    """A plain page of text, such as the privacy notice or the accessibility statement."""

    template = "pages/standard_page.html"
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    introduction = models.TextField(_("introduction"), blank=True, max_length=500)
    body = RichTextField(
        _("body"),
        features=["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"],
    )

    content_panels = BasePage.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("introduction"), index.SearchField("body")]

    class Meta:
        verbose_name = _("standard page")


class RecruitmentTimelinePageQuerySet(PageQuerySet):
    def for_site(self, site):
        """The live, public timeline pages a visitor of ``site`` can reach, first in the tree first."""
        pages = self.live().public().order_by("path")
        return pages.descendant_of(site.root_page, inclusive=True) if site else pages


class RecruitmentTimelinePage(BasePage):
    """ "What happens next": the recruitment process stage by stage, with the support at each. The
    registration confirmation page and email link to the site's first one."""

    template = "pages/recruitment_timeline_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = []

    introduction = models.TextField(_("introduction"), blank=True, max_length=500)
    timeline = StreamField(
        [("recruitment_timeline", RecruitmentTimelineBlock())],
        verbose_name=_("timeline"),
        min_num=1,
        max_num=1,
    )
    body = StreamField(
        CONTENT_BLOCKS,
        verbose_name=_("after the timeline"),
        blank=True,
        help_text=_("For example a call to action to register for support"),
    )

    objects = PageManager.from_queryset(RecruitmentTimelinePageQuerySet)()

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("timeline"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("timeline"),
    ]

    class Meta:
        verbose_name = _("recruitment timeline page")
