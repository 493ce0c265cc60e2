"""The public Community Ambassador Programme page, whose copy editors control and which carries the sign-up."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from ambassadors_network.signup import AmbassadorSignupFlow
from home.models.base import BasePage

COPY_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link"]
SHORT_FEATURES = ["bold", "italic", "link"]


class AmbassadorProgrammePage(BasePage):
    """What ambassadors do, what they get and what it asks of them, followed by the sign-up form.

    The form's fields are fixed in code because the team's records depend on them; editors control the
    words around it. After a sign-up the browser is redirected to a signed confirmation address, so a refresh
    never posts again.
    """

    template = "pages/ambassador_programme_page.html"
    thanks_template = "pages/ambassador_signup_thanks.html"
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = []
    max_count = 1

    introduction = models.TextField(_("introduction"), max_length=500)
    what_ambassadors_do = RichTextField(_("what ambassadors do"), features=COPY_FEATURES)
    what_ambassadors_get = RichTextField(_("what ambassadors get"), features=COPY_FEATURES)
    commitment = RichTextField(_("the commitment"), features=COPY_FEATURES)
    form_introduction = RichTextField(
        _("form introduction"),
        features=SHORT_FEATURES,
        blank=True,
        help_text=_("Shown above the sign-up form"),
    )
    privacy_summary = RichTextField(
        _("privacy summary"),
        features=SHORT_FEATURES,
        help_text=_("Shown beside the consent question; link to the full privacy notice"),
    )
    thank_you_text = RichTextField(
        _("what happens next"),
        features=COPY_FEATURES,
        help_text=_("Shown on the confirmation page under the reference"),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("what_ambassadors_do"),
        FieldPanel("what_ambassadors_get"),
        FieldPanel("commitment"),
        MultiFieldPanel(
            [FieldPanel("form_introduction"), FieldPanel("privacy_summary"), FieldPanel("thank_you_text")],
            heading=_("Sign-up form"),
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("what_ambassadors_do"),
        index.SearchField("what_ambassadors_get"),
        index.SearchField("commitment"),
    ]

    class Meta:
        verbose_name = _("ambassador programme page")

    def serve(self, request, *args, **kwargs):
        return AmbassadorSignupFlow(self, request).serve()

    def serve_preview(self, request, mode_name):
        # A preview shows the page as a visitor first sees it: the copy and an empty form.
        return AmbassadorSignupFlow(self, request).handle_get()
