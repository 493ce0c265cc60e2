"""The content library: myths and officer stories (snippets) and the pages built from the block library."""

from itertools import groupby
from typing import NamedTuple

from django import forms
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import (
    DraftStateMixin,
    Locale,
    LockableMixin,
    PageManager,
    PageQuerySet,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.rich_text import expand_db_html
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from home.blocks import CONTENT_BLOCKS, question_error
from home.choices import MythTopic
from home.next_steps import AMBASSADOR, EVENTS, SUPPORT
from home.seo import json_ld

from .base import BasePage, NextStepsFields

FACT_FEATURES = ["bold", "italic", "ol", "ul", "link"]
# Renditions the campaign listing shows; prefetched with the pages so 3 or 300 campaigns cost the same.
CAMPAIGN_CARD_IMAGE = "fill-640x360|format-webp"
PLACEHOLDER_PORTRAITS = 3  # site/static/images/avatars/avatar-1.svg to avatar-3.svg


class TopicGroup(NamedTuple):
    slug: str
    label: str
    myths: list


def workflow_states_relation(name):
    """The reverse link from Wagtail's workflow states that WorkflowMixin asks a snippet to declare."""
    return GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name=name,
        for_concrete_model=False,
    )


class PublicSnippetQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def live(self):
        """What the public may see: published, not a draft awaiting review."""
        return self.filter(live=True)

    def in_active_language(self):
        """The items in the reader's language (Wagtail's active locale, from the URL's language prefix)."""
        return self.filter(locale=Locale.get_active())


class ModeratedSnippet(
    WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, PreviewableMixin, models.Model
):
    """A snippet the public sees, edited as pages are: saved as a draft, submitted to the same
    moderation workflow as pages, published by a moderator, with revisions, locking and a preview."""

    preview_template = None

    objects = PublicSnippetQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def revisions(self):
        return self._revisions

    def get_preview_template(self, request, mode_name):
        return self.preview_template


class MythForm(WagtailAdminModelForm):
    """Every myth gets its question before it is submitted or published; a draft may be saved without
    one (Wagtail defers required fields on "Save draft")."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "question" in self.fields:
            self.fields["question"].required = True
            self.fields["question"].error_messages["required"] = _(
                "Write the myth as a question, for example “Do I need a degree to join?”."
            )


class Myth(TranslatableMixin, ModeratedSnippet, index.Indexed):
    """A common belief about a police career, and the fact that answers it."""

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="myth")
    workflow_states = workflow_states_relation("myth")
    preview_template = "previews/myth.html"

    myth = models.CharField(_("myth"), max_length=255, help_text=_("Say it as people say it"))
    # Blank in the database for myths written before it existed; the admin form requires it (MythForm).
    question = models.CharField(
        _("question"),
        max_length=255,
        blank=True,
        help_text=_(
            "The myth as the question someone would ask, for example “Do I need a degree to join?”. "
            "Shown above the myth and given to search engines as the question the fact answers."
        ),
    )
    fact = RichTextField(_("fact"), features=FACT_FEATURES)
    source_url = models.URLField(
        _("source link"), blank=True, help_text=_("Where the fact comes from, if it is not common knowledge")
    )
    topic = models.CharField(_("topic"), max_length=30, choices=MythTopic.choices)
    sort_order = models.PositiveIntegerField(
        _("sort order"), default=0, help_text=_("Lower numbers come first within a topic")
    )

    base_form_class = MythForm
    panels = [
        FieldPanel("myth"),
        FieldPanel("question"),
        FieldPanel("fact"),
        FieldPanel("source_url"),
        FieldRowPanel([FieldPanel("topic"), FieldPanel("sort_order")]),
    ]
    search_fields = [
        index.FilterField("locale"),
        index.SearchField("myth"),
        index.AutocompleteField("myth"),
        index.SearchField("question"),
        index.SearchField("fact"),
        index.FilterField("topic"),
        index.FilterField("live"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("myth")
        verbose_name_plural = _("myths")
        ordering = ["topic", "sort_order", "pk"]

    def __str__(self):
        return self.myth

    def clean(self):
        super().clean()
        if message := question_error(self.question):
            raise ValidationError({"question": message})

    def faq_question(self):
        """The question search engines are given. A myth saved before questions were required is quoted
        whole rather than reworded: changing its first letter's case would go wrong for proper nouns and
        in the site's other languages."""
        if self.question.strip():
            return self.question.strip()
        return _("Is it true that “%(myth)s”?") % {"myth": self.myth.strip().rstrip(".!")}

    def fact_text(self):
        """The fact as plain text, for search engines' structured data."""
        return strip_tags(expand_db_html(self.fact)).strip()


class OfficerStory(TranslatableMixin, ModeratedSnippet, index.Indexed):
    """A short first-person quote from an officer or member of staff, used on any page."""

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="officer_story")
    workflow_states = workflow_states_relation("officer_story")
    preview_template = "previews/officer_story.html"

    name = models.CharField(
        _("name or role"),
        max_length=120,
        help_text=_("For example “Police constable, Newham”; a name only with the person's written consent"),
    )
    quote = models.TextField(_("quote"), max_length=800)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional; shown beside the quote"),
    )

    panels = [FieldPanel("name"), FieldPanel("quote"), FieldPanel("image")]
    search_fields = [
        index.FilterField("locale"),
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("quote"),
        index.FilterField("live"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("officer story")
        verbose_name_plural = _("officer stories")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def placeholder_portrait(self):
        """A drawn portrait (static SVG) for a story without a photo; the same one for a story every time."""
        return f"images/avatars/avatar-{(self.pk or 0) % PLACEHOLDER_PORTRAITS + 1}.svg"


class CampaignIndexPage(BasePage):
    """Lists the campaigns running today."""

    template = "pages/campaign_index_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.CampaignPage"]
    max_count_per_parent = 1

    introduction = models.TextField(_("introduction"), blank=True, max_length=500)

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]
    search_fields = BasePage.search_fields + [index.SearchField("introduction")]

    class Meta:
        verbose_name = _("campaign index page")

    def campaigns(self):
        return CampaignPage.objects.child_of(self).for_listing()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["campaigns"] = self.campaigns()
        return context


class CampaignPageQuerySet(PageQuerySet):
    def running(self, on=None):
        """Campaigns that have started (or have no start date) and not yet ended, on a given day."""
        day = on or timezone.localdate()
        return self.filter(
            models.Q(start_date__isnull=True) | models.Q(start_date__lte=day),
            models.Q(end_date__isnull=True) | models.Q(end_date__gte=day),
        )

    def for_listing(self):
        """Live, public, running campaigns with their card images' renditions fetched up front."""
        images = get_image_model().objects.prefetch_renditions(CAMPAIGN_CARD_IMAGE)
        return (
            self.live()
            .public()
            .running()
            .prefetch_related(models.Prefetch("hero_image", queryset=images))
            .order_by(models.F("start_date").desc(nulls_last=True), "title")
        )


class CampaignPage(NextStepsFields, BasePage):
    """A recruitment or outreach campaign, built from the block library."""

    template = "pages/campaign_page.html"
    parent_page_types = ["home.CampaignIndexPage"]
    subpage_types = []
    description_fallback_field = "summary"

    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Shown at the top and in the campaign list. Its description is used as the alternative text."
        ),
    )
    summary = models.TextField(
        _("summary"),
        max_length=300,
        help_text=_("One or two sentences, shown under the title and in the list"),
    )
    body = StreamField(CONTENT_BLOCKS, verbose_name=_("body"), blank=True)
    target_boroughs = ParentalManyToManyField(
        "home.Borough", verbose_name=_("target boroughs"), blank=True, related_name="campaigns"
    )
    target_communities = ParentalManyToManyField(
        "home.Community", verbose_name=_("target communities"), blank=True, related_name="campaigns"
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(
        _("end date"), null=True, blank=True, help_text=_("The campaign leaves the list after this day")
    )

    objects = PageManager.from_queryset(CampaignPageQuerySet)()

    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("target_boroughs", widget=forms.CheckboxSelectMultiple),
                FieldPanel("target_communities", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Who the campaign is for"),
        ),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")], heading=_("Dates")),
        *NextStepsFields.next_steps_panels,
    ]
    search_fields = BasePage.search_fields + [index.SearchField("summary"), index.SearchField("body")]

    class Meta:
        verbose_name = _("campaign page")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date must be on or after the start date.")})


class MythsFactsPage(NextStepsFields, BasePage):
    """Every myth, grouped by topic, each fact behind a disclosure; marked up as an FAQ for search engines."""

    template = "pages/myths_facts_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    # Someone who has just read the facts is ready to ask for help, or to meet people at an event.
    next_step_keys = (SUPPORT, EVENTS, AMBASSADOR)

    introduction = models.TextField(_("introduction"), blank=True, max_length=500)

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        *NextStepsFields.next_steps_panels,
    ]
    search_fields = BasePage.search_fields + [index.SearchField("introduction")]

    class Meta:
        verbose_name = _("myths and facts page")

    def myths_by_topic(self):
        """TopicGroups in the order MythTopic lists the topics, each with its myths in sort order."""
        order = {value: position for position, value in enumerate(MythTopic.values)}
        myths = sorted(
            Myth.objects.live().filter(locale_id=self.locale_id),
            key=lambda myth: (order.get(myth.topic, len(order)), myth.sort_order),
        )
        labels = dict(MythTopic.choices)
        return [
            TopicGroup(topic, labels.get(topic, topic), list(group))
            for topic, group in groupby(myths, key=lambda myth: myth.topic)
        ]

    def faq_json_ld(self, myths):
        """schema.org FAQPage data, escaped so no text can close the <script> element."""
        data = {
            "@context": "https://schema.org",
            "@type": "FAQPage",
            "name": self.title,
            "mainEntity": [
                {
                    "@type": "Question",
                    "name": myth.faq_question(),
                    "acceptedAnswer": {"@type": "Answer", "text": myth.fact_text()},
                }
                for myth in myths
            ],
        }
        return mark_safe(json_ld(data))  # noqa: S308 - JSON with <, > and & escaped cannot leave the script element

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        topics = self.myths_by_topic()
        context["topics"] = topics
        context["faq_json_ld"] = self.faq_json_ld([myth for topic in topics for myth in topic.myths])
        return context
