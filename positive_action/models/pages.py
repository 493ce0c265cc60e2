from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from home.models.base import BasePage
from positive_action.registration import SupportRegistrationFlow

COPY_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link"]


class SupportRegistrationPage(BasePage):
    """The public registration form for positive-action support. Editors write the words around it;
    the questions are fixed in code because the diversity team's queue depends on them."""

    template = "pages/support_registration_page.html"
    thanks_template = "pages/support_registration_thanks.html"
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = []

    introduction = RichTextField(_("introduction"), features=COPY_FEATURES)
    what_happens_next = RichTextField(
        _("what happens next"),
        features=COPY_FEATURES,
        help_text=_("Shown beside the form and on the confirmation"),
    )
    privacy_summary = RichTextField(
        _("privacy summary"), features=COPY_FEATURES, help_text=_("Shown above the consent question")
    )
    equality_introduction = RichTextField(
        _("equality monitoring introduction"),
        features=COPY_FEATURES,
        blank=True,
        help_text=_("Why the optional equality questions are asked and who sees the answers"),
    )
    thank_you_text = RichTextField(_("thank-you text"), features=COPY_FEATURES)
    submit_label = models.CharField(_("button text"), max_length=40, default="Register for support")

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("what_happens_next"),
        MultiFieldPanel(
            [FieldPanel("privacy_summary"), FieldPanel("equality_introduction"), FieldPanel("submit_label")],
            heading=_("Form"),
        ),
        FieldPanel("thank_you_text"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("introduction")]

    class Meta:
        verbose_name = _("support registration page")

    def serve(self, request, *args, **kwargs):
        return SupportRegistrationFlow(self, request).serve()

    def serve_preview(self, request, mode_name):
        # The preview shows the empty form exactly as visitors will see it.
        return SupportRegistrationFlow(self, request).handle_get()
