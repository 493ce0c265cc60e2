"""The abstract base every public page type inherits: sharing metadata and listing fields."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page


class SocialFields(models.Model):
    """What a link to the page shows when shared (Open Graph and Twitter cards)."""

    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("social sharing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when the page is shared; at least 1200 by 630 pixels"),
    )
    social_text = models.CharField(
        _("social sharing text"),
        max_length=255,
        blank=True,
        help_text=_("Shown when the page is shared; the search description is used when empty"),
    )

    promote_panels = [
        MultiFieldPanel([FieldPanel("social_image"), FieldPanel("social_text")], heading=_("Social sharing"))
    ]

    class Meta:
        abstract = True


class BasePage(SocialFields, Page):
    """Every public page type inherits this, so sharing metadata works the same everywhere."""

    promote_panels = Page.promote_panels + SocialFields.promote_panels

    class Meta:
        abstract = True

    def get_social_text(self):
        return self.social_text or self.search_description
