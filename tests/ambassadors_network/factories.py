import factory
from django.utils import timezone

from ambassadors_network.models import (
    Ambassador,
    AmbassadorNetwork,
    CommunityRole,
    NetworkType,
    Status,
    TimeCommitment,
)
from ambassadors_network.status import change_status
from home.models import Borough, Community

PATHS_TO = {
    Status.APPLIED: [],
    Status.IN_REVIEW: [Status.IN_REVIEW],
    Status.APPROVED: [Status.APPROVED],
    Status.DECLINED: [Status.DECLINED],
    Status.TRAINED: [Status.APPROVED, Status.TRAINED],
    Status.ACTIVE: [Status.APPROVED, Status.TRAINED, Status.ACTIVE],
    Status.PAUSED: [Status.APPROVED, Status.PAUSED],
    Status.LEFT: [Status.APPROVED, Status.LEFT],
}


class BoroughFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Borough
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Borough {n}")
    slug = factory.Sequence(lambda n: f"borough-{n}")


class CommunityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Community
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Community {n}")
    slug = factory.Sequence(lambda n: f"community-{n}")


class AmbassadorFactory(factory.django.DjangoModelFactory):
    """An ambassador; ``status=`` walks the status machine there, so the timeline and referral code are real."""

    class Meta:
        model = Ambassador
        skip_postgeneration_save = True

    reference = factory.Sequence(lambda n: f"CA-T{n:05d}")
    name = factory.Sequence(lambda n: f"Ambassador {n}")
    email = factory.Sequence(lambda n: f"ambassador{n}@example.org")
    phone = "020 7946 0123"
    community_role = CommunityRole.FAITH_LEADER
    languages = "English, Bengali"
    time_commitment = TimeCommitment.FEW_HOURS_MONTH
    motivation = "To help young people in my community."
    consented_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def status(self, create, extracted, **kwargs):
        for step in PATHS_TO[Status(extracted or Status.APPLIED)]:
            change_status(self, step, user=None)
        self.refresh_from_db()

    @factory.post_generation
    def boroughs(self, create, extracted, **kwargs):
        if extracted:
            self.boroughs.set(extracted)

    @factory.post_generation
    def communities(self, create, extracted, **kwargs):
        if extracted:
            self.communities.set(extracted)

    @factory.post_generation
    def networks(self, create, extracted, **kwargs):
        for network in extracted or [NetworkType.FAITH_GROUPS]:
            AmbassadorNetwork.objects.create(ambassador=self, network=network)
