"""Factories for the content library: images, myths, officer stories and campaign pages."""

import factory
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from home.choices import MythTopic
from home.models import CampaignPage, Myth, OfficerStory


class ImageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_image_model()

    title = factory.Sequence(lambda n: f"Test image {n}")
    description = "Officers talking with residents outside a community centre"
    file = factory.LazyFunction(lambda: get_test_image_file(size=(1000, 600)))


class MythFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Myth

    myth = factory.Sequence(lambda n: f"Myth number {n}")
    question = factory.Sequence(lambda n: f"Is myth number {n} true?")
    fact = "<p>The fact that answers it.</p>"
    topic = MythTopic.ELIGIBILITY
    sort_order = factory.Sequence(int)


class OfficerStoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OfficerStory

    name = factory.Sequence(lambda n: f"Police constable {n}")
    quote = "I joined because I wanted to help people like my neighbours."


def add_campaign(index, publish=True, **fields):
    """A campaign page under the given index, published unless asked otherwise."""
    count = CampaignPage.objects.count()
    fields.setdefault("title", f"Campaign {count}")
    fields.setdefault("slug", f"campaign-{count}")
    fields.setdefault("summary", "A campaign summary.")
    page = CampaignPage(live=publish, **fields)
    index.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    return page
