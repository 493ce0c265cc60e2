"""The shared StreamField block library used by every page type."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock


class RichTextBlock(blocks.RichTextBlock):
    """Body text with a restricted set of features so pages stay consistent and accessible."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"])
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "components/streamfield/blocks/rich_text_block.html"
        preview_value = (
            "<h2>Why join us</h2><p>Policing is a career where no two days are the same, "
            "and where you serve the communities you come from.</p>"
        )
        description = _("Paragraphs, headings, lists and links")


class StatisticBlock(blocks.StructBlock):
    """A headline figure with what it measures and where it comes from."""

    figure = blocks.CharBlock(max_length=20, label=_("Figure"), help_text=_("For example 40% or 2,438"))
    label = blocks.CharBlock(max_length=200, label=_("What the figure measures"))
    source_text = blocks.CharBlock(max_length=200, required=False, label=_("Source"))
    source_url = blocks.URLBlock(required=False, label=_("Source link"))

    class Meta:
        icon = "table"
        template = "components/streamfield/blocks/statistic_block.html"
        preview_value = {
            "figure": "40%",
            "label": "of Londoners describe themselves as Black, Asian or minority ethnic",
            "source_text": "2011 Census",
            "source_url": "https://www.ons.gov.uk/census",
        }
        description = _("A headline figure with its source")
        label = _("Statistic")


class LinkStructValue(blocks.StructValue):
    def url(self):
        page = self.get("page")
        return page.url if page else self.get("url")

    def text(self):
        page = self.get("page")
        return self.get("label") or (page.title if page else self.get("url"))


class LinkBlock(blocks.StructBlock):
    """A link to a page on this site or to another address: exactly one of the two."""

    label = blocks.CharBlock(
        max_length=60, required=False, label=_("Label"), help_text=_("Defaults to the page title")
    )
    page = blocks.PageChooserBlock(required=False, label=_("Page on this site"))
    url = blocks.URLBlock(required=False, label=_("Or another web address"))

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            message = _("Choose a page or enter a web address, not both.")
            if not value.get("page"):
                message = _("Choose a page or enter a web address.")
            raise blocks.StructBlockValidationError(block_errors={"page": ValidationError(message)})
        if value.get("url") and not value.get("label"):
            raise blocks.StructBlockValidationError(
                block_errors={"label": ValidationError(_("Give a label for a web address."))}
            )
        return value

    class Meta:
        icon = "link"
        template = "components/streamfield/blocks/link_block.html"
        value_class = LinkStructValue
        preview_value = {"label": "Privacy notice", "url": "https://example.org/privacy-notice/"}
        description = _("A link to a page or web address")
        label = _("Link")


class SocialLinkBlock(blocks.StructBlock):
    """A link to one of the force's social media accounts."""

    network = blocks.ChoiceBlock(
        choices=[
            ("facebook", "Facebook"),
            ("instagram", "Instagram"),
            ("x", "X (Twitter)"),
            ("youtube", "YouTube"),
            ("linkedin", "LinkedIn"),
            ("tiktok", "TikTok"),
        ],
        label=_("Network"),
    )
    url = blocks.URLBlock(label=_("Address of the account"))

    class Meta:
        icon = "globe"
        template = "components/streamfield/blocks/social_link_block.html"
        preview_value = {"network": "instagram", "url": "https://www.instagram.com/example"}
        description = _("A social media account")
        label = _("Social media link")


def event_type_choices():
    # Imported when the block is built, not when this module loads: the page models import this module.
    from home.models.events import EventType

    return EventType.choices


class UpcomingEventsBlock(blocks.StructBlock):
    """The next few live events, optionally only those in a borough, for a community or of one type."""

    heading = blocks.CharBlock(max_length=80, default=_("Upcoming events"), label=_("Heading"))
    event_type = blocks.ChoiceBlock(choices=event_type_choices, required=False, label=_("Only this type"))
    borough = SnippetChooserBlock("home.Borough", required=False, label=_("Only in this borough"))
    community = SnippetChooserBlock("home.Community", required=False, label=_("Only for this community"))
    limit = blocks.IntegerBlock(min_value=1, max_value=12, default=3, label=_("How many to show"))

    def upcoming_events(self, value):
        from home.models import EventPage

        events = EventPage.objects.published().upcoming().select_related("borough")
        if value.get("event_type"):
            events = events.of_type(value["event_type"])
        if value.get("borough"):
            events = events.filter(borough=value["borough"])
        if value.get("community"):
            events = events.filter(communities=value["community"]).distinct()
        return events[: value.get("limit") or 3]

    def get_context(self, value, parent_context=None):
        from home.models import EventIndexPage

        context = super().get_context(value, parent_context=parent_context)
        context["events"] = self.upcoming_events(value)
        context["index_page"] = EventIndexPage.objects.live().public().first()
        return context

    class Meta:
        icon = "date"
        template = "components/streamfield/blocks/upcoming_events_block.html"
        preview_value = {"heading": "Upcoming events", "limit": 3}
        description = _("The next few events, filtered by borough, community or type")
        label = _("Upcoming events")
