"""The abstract base every public page type inherits: sharing metadata and listing fields."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, PageViewRestriction

from home.blocks import CallToActionBlock
from home.caching import kept_until_content_changes
from home.next_steps import AMBASSADOR, EVENTS, SUPPORT


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


class NextStepsFields(models.Model):
    """Where a visitor goes from the end of the page (home/next_steps.py). Page types set
    ``next_step_keys`` to the usual steps for them; editors may replace those on one page."""

    next_step_keys = (SUPPORT, AMBASSADOR, EVENTS)

    next_steps = StreamField(
        [("step", CallToActionBlock())],
        verbose_name=_("next steps"),
        blank=True,
        max_num=3,
        help_text=_(
            "Shown at the end of the page. Leave empty for the usual next steps: register for support, "
            "become a community ambassador, see upcoming events."
        ),
    )

    next_steps_panels = [FieldPanel("next_steps")]

    class Meta:
        abstract = True


class BasePage(SocialFields, Page):
    """Every public page type inherits this, so sharing metadata works the same everywhere."""

    promote_panels = Page.promote_panels + SocialFields.promote_panels

    class Meta:
        abstract = True

    def get_view_restrictions(self):
        """Wagtail's restrictions for this page and its ancestors, remembered by id until content changes.

        Wagtail's serve hook asks on every request (two queries). Restrictions and the page tree are
        content, so any change to either moves the content version and the next request asks again.
        """
        if self.pk is None:
            return super().get_view_restrictions()
        restriction_ids = kept_until_content_changes(
            f"view-restrictions:{self.pk}",
            lambda: list(Page.get_view_restrictions(self).values_list("pk", flat=True)),
        )
        if not restriction_ids:
            return PageViewRestriction.objects.none()
        return PageViewRestriction.objects.filter(pk__in=restriction_ids)

    def get_social_text(self):
        return self.social_text or self.search_description
