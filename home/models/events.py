"""Events: recruitment information sessions, workshops and community events, listed on an index page.

Times are stored in UTC (USE_TZ) and entered and shown in Europe/London, the site's TIME_ZONE, so an
editor types the local time and the calendar files carry the zone with its clock changes.
"""

import datetime
import re

from dateutil.relativedelta import relativedelta
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Locale, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from home import event_views
from home.blocks import LinkBlock, RichTextBlock, StatisticBlock
from home.caching import kept_until_content_changes
from home.choices import AttendanceMode, EventStatus, EventType
from home.next_steps import AMBASSADOR, SUPPORT
from recruitment_site.core.dates import LONDON

from .base import BasePage, NextStepsFields

# UK postcode, loosely: outward code, optional space, inward code (e.g. "E15 1NF", "SW1A 2AA").
POSTCODE_PATTERN = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$")


# Changes to these fields are "significant revisions" in RFC 5545 terms: calendars that already hold the
# event replace their copy only when SEQUENCE goes up.
SEQUENCED_FIELDS = (
    "title",
    "summary",
    "start",
    "end",
    "status",
    "attendance_mode",
    "venue_name",
    "venue_address",
    "venue_postcode",
    "online_url",
)


def month_range(year, month):
    """The start of a London calendar month and of the next, as aware datetimes."""
    first = datetime.datetime(year, month, 1, tzinfo=LONDON)
    following = first + relativedelta(months=1)
    return first, following


class EventPageQuerySet(PageQuerySet):
    def published(self):
        return self.live().public()

    def private_q(self):
        # Asked by public() on every listing request; which sections are private is content, so the
        # condition is remembered until the next content change.
        return kept_until_content_changes("private-sections", super().private_q)

    def in_active_language(self):
        """The reader's language's copies: every event exists in each language, translated or aliased."""
        return self.filter(locale=Locale.get_active())

    def upcoming(self, now=None):
        """Events that have not yet ended, soonest first; cancelled and postponed ones stay until then."""
        return self.filter(end__gte=now or timezone.now()).order_by("start", "pk")

    def past(self, now=None):
        return self.filter(end__lt=now or timezone.now()).order_by("-start", "-pk")

    def of_type(self, event_type):
        return self.filter(event_type=event_type)

    def in_borough(self, slug):
        return self.filter(borough__slug=slug)

    def for_community(self, slug):
        return self.filter(communities__slug=slug).distinct()

    def with_attendance_mode(self, mode):
        return self.filter(attendance_mode=mode)

    def in_month(self, year, month):
        first, following = month_range(year, month)
        return self.filter(start__gte=first, start__lt=following)

    def for_listing(self):
        """Everything an event card shows (communities are not on the card), in one query."""
        return self.select_related("borough")


EventPageManager = PageManager.from_queryset(EventPageQuerySet)


class EventIndexPage(RoutablePageMixin, BasePage):
    """Lists upcoming events with filters, a past-events archive and a calendar feed."""

    template = "pages/event_index_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.EventPage"]
    max_count_per_parent = 1
    events_per_page = 10

    introduction = models.TextField(_("introduction"), blank=True, max_length=500)

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]
    search_fields = BasePage.search_fields + [index.SearchField("introduction")]

    class Meta:
        verbose_name = _("event index page")

    def events(self):
        return EventPage.objects.child_of(self).published()

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        for url in list(urls):
            urls.append({**url, "location": url["location"] + self.reverse_subpage("past_events")})
        return urls

    @path("")
    def upcoming_events(self, request):
        return event_views.event_listing(self, request, archive=False)

    @path("past/")
    def past_events(self, request):
        return event_views.event_listing(self, request, archive=True)

    @path("feed/")
    def calendar_feed(self, request):
        return event_views.calendar_feed(self, request)


class EventPage(RoutablePageMixin, NextStepsFields, BasePage):
    """One event: when, where, for whom, how accessible, and how to book."""

    template = "pages/event_page.html"
    parent_page_types = ["home.EventIndexPage"]
    subpage_types = []
    # The page already links to the listing; past and cancelled events still lead on to support.
    next_step_keys = (SUPPORT, AMBASSADOR)
    description_fallback_field = "summary"

    summary = models.TextField(
        _("summary"), max_length=300, help_text=_("One or two sentences for listings and calendars")
    )
    body = StreamField(
        [("rich_text", RichTextBlock()), ("statistic", StatisticBlock()), ("link", LinkBlock())],
        verbose_name=_("body"),
        blank=True,
    )
    event_type = models.CharField(_("type of event"), max_length=40, choices=EventType.choices)
    start = models.DateTimeField(_("starts"), help_text=_("London time"))
    end = models.DateTimeField(_("ends"), help_text=_("London time"))
    status = models.CharField(
        _("status"), max_length=20, choices=EventStatus.choices, default=EventStatus.SCHEDULED
    )

    attendance_mode = models.CharField(
        _("how people attend"),
        max_length=20,
        choices=AttendanceMode.choices,
        default=AttendanceMode.IN_PERSON,
    )
    venue_name = models.CharField(_("venue name"), max_length=120, blank=True)
    venue_address = models.TextField(_("venue address"), max_length=300, blank=True)
    venue_postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    online_url = models.URLField(
        _("online joining link"),
        blank=True,
        help_text=_("The meeting or livestream address, for online and hybrid events"),
    )

    step_free_access = models.BooleanField(_("step-free access"), default=False)
    hearing_loop = models.BooleanField(_("hearing loop"), default=False)
    parking = models.BooleanField(_("parking on site"), default=False)
    prayer_room = models.BooleanField(_("prayer or quiet room"), default=False)
    access_notes = models.TextField(
        _("more access information"),
        max_length=600,
        blank=True,
        help_text=_("For example nearest step-free station, British Sign Language, childcare"),
    )

    borough = models.ForeignKey(
        "home.Borough",
        verbose_name=_("borough"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    communities = ParentalManyToManyField(
        "home.Community",
        verbose_name=_("communities"),
        blank=True,
        related_name="events",
        help_text=_("Communities the event is aimed at, if any; everyone is welcome"),
    )

    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Number of places; leave empty if not limited")
    )
    booking_url = models.URLField(
        _("booking link"), blank=True, help_text=_("For example the event's Eventbrite page")
    )
    support_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("register-for-support page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Instead of a booking link: the page where people register for positive-action support"),
    )
    sequence = models.PositiveIntegerField(
        _("calendar revision"),
        default=0,
        editable=False,
        help_text=_("Goes up whenever the time, place, status or title changes, so calendars update"),
    )

    objects = EventPageManager()

    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("event_type"),
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("status"),
                FieldPanel("capacity"),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("attendance_mode"),
                FieldPanel("venue_name"),
                FieldPanel("venue_address"),
                FieldPanel("venue_postcode"),
                FieldPanel("online_url"),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("step_free_access"),
                FieldPanel("hearing_loop"),
                FieldPanel("parking"),
                FieldPanel("prayer_room"),
                FieldPanel("access_notes"),
            ],
            heading=_("Access"),
        ),
        MultiFieldPanel([FieldPanel("borough"), FieldPanel("communities")], heading=_("Who it is for")),
        MultiFieldPanel([FieldPanel("booking_url"), PageChooserPanel("support_page")], heading=_("Booking")),
        FieldPanel("body"),
        *NextStepsFields.next_steps_panels,
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("venue_name"),
        index.FilterField("start"),
    ]

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    @path("")
    def event_detail(self, request):
        return self.render(request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(event_views.event_page_context(self, request))
        return context

    @path("calendar/")
    def calendar_file(self, request):
        return event_views.event_calendar_file(self, request)

    # Validation

    def clean(self):
        super().clean()
        self.venue_postcode = " ".join(self.venue_postcode.upper().split())
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("The end must be after the start.")
        errors.update(self.location_errors())
        if self.booking_url and self.support_page_id:
            errors["booking_url"] = _("Give a booking link or a register-for-support page, not both.")
        if self.capacity == 0:
            errors["capacity"] = _("Leave capacity empty if places are not limited.")
        if errors:
            raise ValidationError(errors)

    def location_errors(self):
        """In person needs a venue and no link; online needs a link and no venue; hybrid needs both."""
        errors = {}
        needs_venue = self.attendance_mode in (AttendanceMode.IN_PERSON, AttendanceMode.HYBRID)
        needs_link = self.attendance_mode in (AttendanceMode.ONLINE, AttendanceMode.HYBRID)
        if needs_venue:
            if not self.venue_name:
                errors["venue_name"] = _("Give the venue for an event people attend in person.")
            if not self.venue_postcode:
                errors["venue_postcode"] = _("Give the venue's postcode.")
            elif not POSTCODE_PATTERN.match(self.venue_postcode):
                errors["venue_postcode"] = _("Enter a UK postcode, for example E15 1NF.")
        elif self.venue_name or self.venue_address or self.venue_postcode:
            errors["venue_name"] = _("An online event has no venue: clear the venue or choose hybrid.")
        if needs_link and not self.online_url:
            errors["online_url"] = _("Give the joining link for an event people attend online.")
        elif not needs_link and self.online_url:
            errors["online_url"] = _("An in-person event has no joining link: clear it or choose hybrid.")
        return errors

    # Calendar revision

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None or set(update_fields) & set(SEQUENCED_FIELDS):
            self.sequence = self.next_sequence()
        return super().save(*args, **kwargs)

    def next_sequence(self):
        """The stored revision, plus one if a sequenced field differs from what is stored. Read from the
        database, not from self: a page restored from an older draft carries an older number."""
        if self.pk is None:
            return 0
        stored = EventPage.objects.filter(pk=self.pk).values("sequence", *SEQUENCED_FIELDS).first()
        if stored is None:
            return 0
        changed = any(stored[field] != getattr(self, field) for field in SEQUENCED_FIELDS)
        return stored["sequence"] + 1 if changed else stored["sequence"]

    # Presentation

    @property
    def is_cancelled(self):
        return self.status == EventStatus.CANCELLED

    @property
    def is_postponed(self):
        return self.status == EventStatus.POSTPONED

    @property
    def is_full(self):
        return self.status == EventStatus.FULL

    @property
    def has_venue(self):
        return self.attendance_mode != AttendanceMode.ONLINE

    @property
    def is_online(self):
        return self.attendance_mode != AttendanceMode.IN_PERSON

    def is_past(self):
        return self.end < timezone.now()

    def access_features(self):
        labels = {
            "step_free_access": _("Step-free access"),
            "hearing_loop": _("Hearing loop"),
            "parking": _("Parking on site"),
            "prayer_room": _("Prayer or quiet room"),
        }
        return [label for field, label in labels.items() if getattr(self, field)]

    def location_text(self):
        """The venue on one line, or the online link: what calendars show as LOCATION."""
        parts = [self.venue_name, ", ".join(self.venue_address.splitlines()), self.venue_postcode]
        venue = ", ".join(part.strip() for part in parts if part and part.strip())
        if self.attendance_mode == AttendanceMode.ONLINE:
            return str(_("Online: %(url)s") % {"url": self.online_url})
        return venue

    def booking_link(self):
        """(url, label) of the call to action, or None when there is nothing to book."""
        if self.is_cancelled or self.is_full or self.is_past():
            return None
        if self.booking_url:
            return self.booking_url, _("Book a place")
        if self.support_page_id and self.support_page and self.support_page.live:
            return self.support_page.url, _("Register for support")
        return None
