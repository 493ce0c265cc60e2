"""The shared StreamField block library used by every page type."""

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
