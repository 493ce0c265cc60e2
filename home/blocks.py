"""The shared StreamField block library used by every page type."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks


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
