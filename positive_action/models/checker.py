from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Site
from wagtail.search import index

from home.models import RecruitmentTimelinePage
from home.models.base import BasePage
from positive_action.blocks import CheckerStepsBlock
from positive_action.checker import CheckerFlow

from .pages import COPY_FEATURES, SupportRegistrationPage


class EligibilityCheckerPage(BasePage):
    """The "Can I join?" checker: a start page, then one question per page and an outcome with a link to
    register for support. Visitors' answers live only in the address (positive_action/checker.py)."""

    template = "pages/eligibility_checker_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = []

    introduction = RichTextField(
        _("introduction"),
        features=COPY_FEATURES,
        help_text=_("Shown on the start page: what the checker asks, and that the criteria are examples"),
    )
    steps = StreamField(
        CheckerStepsBlock(),
        verbose_name=_("questions and outcomes"),
        help_text=_(
            "Questions are asked in this order unless an answer names where to go; every path must end "
            "at an outcome"
        ),
    )
    registration_page = models.ForeignKey(
        "positive_action.SupportRegistrationPage",
        verbose_name=_("registration page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Outcomes link here; when empty, the site's registration page"),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("steps"),
        PageChooserPanel("registration_page"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("introduction")]

    class Meta:
        verbose_name = _("eligibility checker page")

    def serve(self, request, *args, **kwargs):
        return CheckerFlow(self, request).serve()

    def registration_page_for(self, request):
        chosen = self.registration_page
        if chosen is not None and chosen.live:
            return chosen
        site = Site.find_for_request(request)
        pages = SupportRegistrationPage.objects.live().public()
        return (pages.descendant_of(site.root_page) if site else pages).first()

    def timeline_url(self, request):
        page = RecruitmentTimelinePage.objects.for_site(Site.find_for_request(request)).first()
        return page.get_url(request) if page else ""
