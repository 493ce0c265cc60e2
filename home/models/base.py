"""The abstract base every public page type inherits: sharing metadata and listing fields."""

from html import unescape

from django.db import models
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.rich_text import expand_db_html

from home.blocks import CallToActionBlock
from home.caching import kept_until_content_changes
from home.next_steps import AMBASSADOR, EVENTS, SUPPORT

# Search engines show about this many characters of a description; a longer fallback is cut at a word.
META_DESCRIPTION_LENGTH = 160


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


class BasePageForm(WagtailAdminPageForm):
    """The search description is required to submit or publish a page (every page's meta description and
    sharing text), but not to save a draft: Wagtail defers required fields on "Save draft"."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("search_description")
        if field is not None:
            field.required = True
            field.error_messages["required"] = _(
                "Write a meta description before publishing: one or two sentences that search engines "
                "and shared links show under the title."
            )


class BasePage(SocialFields, Page):
    """Every public page type inherits this, so sharing metadata works the same everywhere."""

    base_form_class = BasePageForm
    promote_panels = Page.promote_panels + SocialFields.promote_panels
    # Where the meta description comes from when an editor has not written a search description (pages
    # published before it was required, demo content); rich text is reduced to its words.
    description_fallback_field = "introduction"

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

    @property
    def meta_description(self):
        """The search description, or the start of the page's introduction or summary."""
        if self.search_description.strip():
            return self.search_description.strip()
        fallback = getattr(self, self.description_fallback_field, "") or ""
        words = " ".join(unescape(strip_tags(expand_db_html(str(fallback)))).split())
        if len(words) <= META_DESCRIPTION_LENGTH:
            return words
        return words[:META_DESCRIPTION_LENGTH].rsplit(" ", 1)[0].rstrip(",;:") + "…"

    def get_social_text(self):
        return self.social_text or self.meta_description
