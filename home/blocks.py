"""The shared StreamField block library used by every page type."""

import re
from urllib.parse import parse_qs, urlsplit

from django.apps import apps
from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Locale
from wagtail.snippets.blocks import SnippetChooserBlock

from home.choices import EventType, MythTopic


class RichTextBlock(blocks.RichTextBlock):
    """Body text with a restricted set of features so pages stay consistent and accessible."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"])
        super().__init__(**kwargs)

    @cached_property
    def field(self):
        field = super().field
        # Directly in a stream the editor has no <label> of its own, so screen readers announced an
        # unnamed text box; the block's label names it (Draftail takes ariaLabel from its options).
        field.widget.options = {**field.widget.options, "ariaLabel": str(self.label)}
        return field

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

    period = blocks.CharBlock(
        max_length=40,
        required=False,
        label=_("When"),
        help_text=_(
            "The year or period the figure is for, shown just above it: for example “In 2011” or "
            "“Target set in 2021”. Old figures without a date mislead."
        ),
    )
    figure = blocks.CharBlock(
        max_length=20,
        label=_("Figure"),
        # xgettext:no-python-format
        help_text=_("For example 40% or 2,438"),
    )
    label = blocks.CharBlock(max_length=200, label=_("What the figure measures"))
    source_text = blocks.CharBlock(max_length=200, required=False, label=_("Source"))
    source_url = blocks.URLBlock(required=False, label=_("Source link"))

    class Meta:
        icon = "table"
        template = "components/streamfield/blocks/statistic_block.html"
        preview_value = {
            "period": "In 2011",
            "figure": "40%",
            "label": "of Londoners described themselves as Black, Asian or minority ethnic",
            "source_text": "2011 Census",
            "source_url": "https://www.ons.gov.uk/census",
        }
        description = _("A headline figure with its source")
        label = _("Statistic")


class LinkStructValue(blocks.StructValue):
    """A chosen page is linked in the reader's language where it has a live translation, else as chosen."""

    def localized_page(self):
        page = self.get("page")
        return page.localized if page else None

    def url(self):
        page = self.localized_page()
        return page.url if page else self.get("url")

    def href(self):
        """For templates, where `value.url` finds the raw "url" field before the method above."""
        return self.url()

    def text(self):
        """The label, except on a translation of the chosen page: the label is typed once, in English,
        where links are shared by every language (site settings' menus), and the translated title reads
        in the reader's language."""
        page = self.get("page")
        localized = self.localized_page()
        if localized is not None and localized.pk != page.pk:
            return localized.title
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
    """The event types; a function because the migrations of pages that use this block name it."""
    return EventType.choices


class UpcomingEventsBlock(blocks.StructBlock):
    """The next few live events, optionally only those in a borough, for a community or of one type."""

    heading = blocks.CharBlock(max_length=80, default=_("Upcoming events"), label=_("Heading"))
    event_type = blocks.ChoiceBlock(choices=event_type_choices, required=False, label=_("Only this type"))
    borough = SnippetChooserBlock("home.Borough", required=False, label=_("Only in this borough"))
    community = SnippetChooserBlock("home.Community", required=False, label=_("Only for this community"))
    limit = blocks.IntegerBlock(min_value=1, max_value=12, default=3, label=_("How many to show"))

    def upcoming_events(self, value):
        events = (
            apps.get_model("home", "EventPage")
            .objects.published()
            .in_active_language()
            .upcoming()
            .select_related("borough")
        )
        if value.get("event_type"):
            events = events.of_type(value["event_type"])
        if value.get("borough"):
            events = events.filter(borough=value["borough"])
        if value.get("community"):
            events = events.filter(communities=value["community"]).distinct()
        return events[: value.get("limit") or 3]

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["events"] = self.upcoming_events(value)
        context["index_page"] = (
            apps.get_model("home", "EventIndexPage")
            .objects.live()
            .public()
            .filter(locale=Locale.get_active())
            .first()
        )
        return context

    class Meta:
        icon = "date"
        template = "components/streamfield/blocks/upcoming_events_block.html"
        preview_value = {"heading": "Upcoming events", "limit": 3}
        description = _("The next few events, filtered by borough, community or type")
        label = _("Upcoming events")


def newest_image():
    from wagtail.images import get_image_model

    return get_image_model().objects.order_by("-pk").first()


def image_preview_value():
    """Block previews need a real image, so they use the newest one in the library."""
    image = newest_image()
    return {
        "image": image,
        "alt_text": "Two police officers talking with residents at a community event",
        "caption": "Officers at a community event",
    }


class ImageBlock(blocks.StructBlock):
    """An image with the alternative text a screen reader speaks, and an optional visible caption.

    Rendered as a WebP srcset with width and height, lazy-loaded unless the page template asks for the
    first image to load eagerly (see components/streamfield/stream.html).
    """

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        max_length=250,
        label=_("Alternative text"),
        help_text=_(
            "What the image shows, for people who cannot see it: a short sentence, without “image of”."
        ),
    )
    caption = blocks.CharBlock(max_length=250, required=False, label=_("Caption"))

    class Meta:
        icon = "image"
        template = "components/streamfield/blocks/image_block.html"
        preview_value = staticmethod(image_preview_value)  # evaluated when the preview is shown
        description = _("An image with alternative text and an optional caption")
        label = _("Image")


def officer_story_preview_value():
    return {"story": apps.get_model("home", "OfficerStory").objects.live().in_active_language().first()}


class OfficerStoryBlock(blocks.StructBlock):
    """A quote from an officer or member of staff, chosen from the officer stories snippets."""

    story = SnippetChooserBlock("home.OfficerStory", label=_("Officer story"))

    class Meta:
        icon = "openquote"
        template = "components/streamfield/blocks/officer_story_block.html"
        preview_value = staticmethod(officer_story_preview_value)
        description = _("A quote from an officer, chosen from the officer stories")
        label = _("Officer story")


class CallToActionStructValue(blocks.StructValue):
    """Button address and text. (In templates `value.link.url` would find the raw "url" field first,
    because a StructValue is a dict, so the resolved values get names of their own.)"""

    def button_url(self):
        """None when the chosen page is unpublished, so the button disappears instead of a dead link."""
        page = self["link"].get("page")
        return None if page and not page.live else self["link"].url()

    def button_text(self):
        return self["link"].text()


class CallToActionBlock(blocks.StructBlock):
    """A heading, a sentence and a button to a page on this site or another address (exactly one)."""

    heading = blocks.CharBlock(max_length=100, label=_("Heading"))
    description = blocks.TextBlock(max_length=300, required=False, label=_("Text"))
    link = LinkBlock(label=_("Button"))

    class Meta:
        icon = "pick"
        template = "components/streamfield/blocks/call_to_action_block.html"
        value_class = CallToActionStructValue
        preview_value = {
            "heading": "Thinking of applying?",
            "description": "Tell us how to reach you and our diversity team will support you at every stage.",
            "link": {"label": "Register for support", "page": None, "url": "https://example.org/register/"},
        }
        description = _("A heading, a sentence and a button")
        label = _("Call to action")


class MythsStructValue(blocks.StructValue):
    def myth_list(self):
        """The chosen myths in the editor's order, or every myth in the chosen topic."""
        chosen = [myth for myth in self.get("myths") or [] if myth is not None]
        if chosen:
            # A chosen myth that is still a draft (never published, or unpublished) stays off the page.
            return [myth for myth in chosen if myth.live]
        return (
            list(
                apps.get_model("home", "Myth")
                .objects.live()
                .in_active_language()
                .filter(topic=self.get("topic"))
            )
            if self.get("topic")
            else []
        )


class MythsBlock(blocks.StructBlock):
    """Myths with their facts, either chosen one by one or all the myths in one topic."""

    heading = blocks.CharBlock(max_length=100, required=False, label=_("Heading"))
    myths = blocks.ListBlock(
        SnippetChooserBlock("home.Myth", label=_("Myth")), required=False, label=_("Myths")
    )
    topic = blocks.ChoiceBlock(
        choices=MythTopic.choices,
        required=False,
        label=_("Or every myth in a topic"),
    )

    def clean(self, value):
        value = super().clean(value)
        has_myths = any(value.get("myths") or [])
        if has_myths == bool(value.get("topic")):
            message = (
                _("Choose myths or a topic, not both.") if has_myths else _("Choose some myths or a topic.")
            )
            raise blocks.StructBlockValidationError(block_errors={"topic": ValidationError(message)})
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        # Leads on to every myth, so a page showing a few is not where the reader's questions end.
        context["myths_page"] = apps.get_model("home", "MythsFactsPage").objects.live().public().first()
        return context

    class Meta:
        icon = "help"
        template = "components/streamfield/blocks/myths_block.html"
        value_class = MythsStructValue
        preview_value = {"heading": "Myths and facts", "myths": [], "topic": MythTopic.POSITIVE_ACTION}
        description = _("Myths and facts, chosen or by topic")
        label = _("Myths and facts")


# The question marks of the site's languages (Urdu and Sorani Kurdish use the Arabic one).
QUESTION_MARKS = ("?", "\u061f", "\uff1f")


def question_error(text):
    """An error message when an FAQ question is written as a statement, else None."""
    if text and not text.strip().endswith(QUESTION_MARKS):
        return _("Write this as a question, ending with a question mark, for example “Can I apply again?”.")
    return None


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=200, label=_("Question"))
    answer = RichTextBlock(features=["bold", "italic", "ol", "ul", "link"], label=_("Answer"))

    def clean(self, value):
        value = super().clean(value)
        if message := question_error(value.get("question")):
            raise blocks.StructBlockValidationError(block_errors={"question": ValidationError(message)})
        return value

    class Meta:
        icon = "help"
        label = _("Question")


class FAQBlock(blocks.StructBlock):
    """Questions whose answers open and close with the browser's own <details> disclosure."""

    heading = blocks.CharBlock(max_length=100, required=False, label=_("Heading"))
    questions = blocks.ListBlock(QuestionBlock(), min_num=1, label=_("Questions"))

    class Meta:
        icon = "list-ul"
        template = "components/streamfield/blocks/faq_block.html"
        preview_value = {
            "heading": "Questions people ask",
            "questions": [
                {
                    "question": "Do I need a degree to join?",
                    "answer": "<p>No. You can join through an apprenticeship and earn a degree while you "
                    "are paid, or through an entry programme that needs no degree.</p>",
                },
                {
                    "question": "Can I wear a hijab or turban in uniform?",
                    "answer": "<p>Yes. Uniform includes religious dress such as the hijab and turban.</p>",
                },
            ],
        }
        description = _("Questions and answers that open and close")
        label = _("Questions and answers")


YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
VIMEO_ID = re.compile(r"^[0-9]{1,12}$")
YOUTUBE_HOSTS = {"youtube.com", "m.youtube.com", "youtube-nocookie.com", "youtu.be"}
VIMEO_HOSTS = {"vimeo.com", "player.vimeo.com"}


def youtube_id(parts):
    segments = [segment for segment in parts.path.split("/") if segment]
    if parts.hostname.endswith("youtu.be"):
        candidate = segments[0] if segments else ""
    elif segments[:1] == ["watch"]:
        candidate = parse_qs(parts.query).get("v", [""])[0]
    elif len(segments) == 2 and segments[0] in ("embed", "shorts", "live"):
        candidate = segments[1]
    else:
        candidate = ""
    return candidate if YOUTUBE_ID.match(candidate) else None


def vimeo_id(parts):
    segments = [segment for segment in parts.path.split("/") if segment]
    candidate = segments[-1] if segments else ""
    return candidate if VIMEO_ID.match(candidate) else None


def parse_video_url(url):
    """("youtube" or "vimeo", video id) for a video page or embed address, or None for anything else."""
    parts = urlsplit(url or "")
    host = (parts.hostname or "").removeprefix("www.")
    if parts.scheme not in ("http", "https"):
        return None
    if host in YOUTUBE_HOSTS:
        video = youtube_id(parts)
        return ("youtube", video) if video else None
    if host in VIMEO_HOSTS:
        video = vimeo_id(parts)
        return ("vimeo", video) if video else None
    return None


class VideoStructValue(blocks.StructValue):
    """Addresses built from the parsed video id, never from the editor's raw URL."""

    def parsed(self):
        return parse_video_url(self.get("url")) or (None, None)

    def provider_name(self):
        return {"youtube": "YouTube", "vimeo": "Vimeo"}.get(self.parsed()[0], "")

    def embed_url(self):
        provider, video = self.parsed()
        if provider == "youtube":
            return f"https://www.youtube-nocookie.com/embed/{video}?autoplay=1&rel=0"
        if provider == "vimeo":
            return f"https://player.vimeo.com/video/{video}?dnt=1&autoplay=1"
        return ""

    def watch_url(self):
        provider, video = self.parsed()
        if provider == "youtube":
            return f"https://www.youtube.com/watch?v={video}"
        if provider == "vimeo":
            return f"https://vimeo.com/{video}"
        return ""


class VideoBlock(blocks.StructBlock):
    """A YouTube or Vimeo video with its transcript.

    Nothing is requested from the video site until the visitor presses play: the page shows a play link
    (to the video's own page, which works without JavaScript); static/js/video-embed.js turns that into a
    privacy-enhanced player in place. The transcript is required so the content is available to everyone.
    """

    title = blocks.CharBlock(max_length=150, label=_("Title"), help_text=_("Says what the video is about"))
    url = blocks.URLBlock(
        label=_("Video address"), help_text=_("The address of the video on YouTube or Vimeo")
    )
    poster = ImageChooserBlock(
        required=False,
        label=_("Poster image"),
        help_text=_("Shown before the video plays; a still from the video works well"),
    )
    transcript = RichTextBlock(
        features=["h3", "bold", "italic", "ol", "ul", "link"],
        label=_("Transcript"),
        help_text=_("Everything said and shown in the video, for people who cannot watch or hear it"),
    )

    def clean(self, value):
        value = super().clean(value)
        if parse_video_url(value.get("url")) is None:
            raise blocks.StructBlockValidationError(
                block_errors={"url": ValidationError(_("Enter the address of a YouTube or Vimeo video."))}
            )
        return value

    class Meta:
        icon = "media"
        template = "components/streamfield/blocks/video_block.html"
        value_class = VideoStructValue
        preview_value = {
            "title": "A day with a response officer",
            "url": "https://www.youtube.com/watch?v=aaaaaaaaaaa",
            "poster": None,
            "transcript": "<p>[Transcript] I start my shift with a briefing from my sergeant…</p>",
        }
        description = _("A YouTube or Vimeo video with its transcript")
        label = _("Video")


class TimelineStageBlock(blocks.StructBlock):
    """One stage of the recruitment process: what happens, how long it usually takes, and our support."""

    title = blocks.CharBlock(max_length=80, label=_("Stage"))
    duration = blocks.CharBlock(
        max_length=80, label=_("Typical duration"), help_text=_("For example “2 to 4 weeks”")
    )
    what_happens = RichTextBlock(features=["bold", "italic", "ul", "link"], label=_("What happens"))
    support = RichTextBlock(
        features=["bold", "italic", "ul", "link"],
        required=False,
        label=_("Positive-action support at this stage"),
    )

    class Meta:
        icon = "time"
        label = _("Stage")


TIMELINE_PREVIEW = {
    "heading": "What happens next",
    "stages": [
        {
            "title": "Application",
            "duration": "About 2 weeks",
            "what_happens": "<p>You fill in the online application form.</p>",
            "support": "<p>Join an application-form workshop.</p>",
        },
        {
            "title": "Interview",
            "duration": "1 day",
            "what_happens": "<p>You answer questions about what you have done and would do.</p>",
            "support": "<p>Practise in a mock interview with an officer.</p>",
        },
    ],
}


class RecruitmentTimelineBlock(blocks.StructBlock):
    """The stages of recruitment in order, each with its typical duration and the support we offer there,
    rendered as a numbered list."""

    heading = blocks.CharBlock(max_length=100, required=False, label=_("Heading"))
    stages = blocks.ListBlock(TimelineStageBlock(), min_num=1, label=_("Stages"))

    class Meta:
        icon = "list-ol"
        template = "components/streamfield/blocks/recruitment_timeline_block.html"
        preview_value = TIMELINE_PREVIEW
        description = _("The recruitment stages in order, with durations and the support at each")
        label = _("Recruitment timeline")


# The block library for the body of every content page (home, campaigns). Add a block here and it is
# offered on all of them.
CONTENT_BLOCKS = [
    ("rich_text", RichTextBlock()),
    ("image", ImageBlock()),
    ("statistic", StatisticBlock()),
    ("officer_story", OfficerStoryBlock()),
    ("call_to_action", CallToActionBlock()),
    ("myths", MythsBlock()),
    ("faq", FAQBlock()),
    ("video", VideoBlock()),
    ("upcoming_events", UpcomingEventsBlock()),
    ("recruitment_timeline", RecruitmentTimelineBlock()),
]
