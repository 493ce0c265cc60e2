"""Factories for event tests: a bare site tree and events published under its index."""

import datetime

import factory
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page, Site

from home.choices import AttendanceMode, EventType
from home.models import Borough, Community, EventIndexPage, EventPage, HomePage
from recruitment_site.core.dates import LONDON


def london(*args):
    return datetime.datetime(*args, tzinfo=LONDON)


def build_event_site():
    """Root, a home page that is the default site's root, and an events index under it."""
    root = Page.objects.get(depth=1)
    home = HomePage(title="Home", slug="test-home", introduction="<p>Welcome</p>")
    root.add_child(instance=home)
    home.save_revision().publish()
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "testserver", "port": 80, "root_page": home}
    )
    index = EventIndexPage(title="Events", slug="events", introduction="Come and meet us.")
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


class BoroughFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Borough
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Borough {n}")
    slug = factory.LazyAttribute(lambda borough: slugify(borough.name))


class CommunityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Community
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Community {n}")
    slug = factory.LazyAttribute(lambda community: slugify(community.name))


class EventPageFactory(factory.Factory):
    """EventPageFactory(parent=index, ...) publishes an in-person event a week from now."""

    class Meta:
        model = EventPage

    title = factory.Sequence(lambda n: f"Information session {n}")
    slug = factory.LazyAttribute(lambda event: slugify(event.title))
    summary = "Find out about joining the police."
    event_type = EventType.INFORMATION_SESSION
    start = factory.LazyFunction(lambda: timezone.now().replace(microsecond=0) + datetime.timedelta(days=7))
    end = factory.LazyAttribute(lambda event: event.start + datetime.timedelta(hours=2))
    attendance_mode = AttendanceMode.IN_PERSON
    venue_name = "Stratford Town Hall"
    venue_address = "29 Broadway\nLondon"
    venue_postcode = "E15 4BQ"

    @classmethod
    def _create(cls, model_class, *args, parent, communities=(), publish=True, **kwargs):
        event = model_class(**kwargs)
        event.communities = list(communities)
        parent.add_child(instance=event)
        if publish:
            event.save_revision().publish()
        return EventPage.objects.get(pk=event.pk)
