"""make_synthetic_records: requested counts, clearly marked rows, idempotent top-up, never in production."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from ambassadors_network.models import Ambassador, Referral
from home.models import Borough
from positive_action.choices import Stage
from positive_action.models import SupportRequest, SupportRequestEvent
from recruitment_site.devtools.synthetic import SYNTHETIC_DOMAIN
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def boroughs():
    return [Borough.objects.create(name=name, slug=name.lower()) for name in ("Camden", "Hackney", "Lambeth")]


def make(support_requests=300, ambassadors=40, *extra):
    call_command(
        "make_synthetic_records",
        f"--support-requests={support_requests}",
        f"--ambassadors={ambassadors}",
        *extra,
        stdout=StringIO(),
    )


def test_creates_the_requested_counts_with_a_registration_entry_each(boroughs):
    make(300, 40)

    assert SupportRequest.objects.count() == 300
    assert Ambassador.objects.count() == 40
    assert SupportRequestEvent.objects.filter(kind="registered").count() == 300


def test_every_row_is_marked_synthetic(boroughs):
    make(200, 20)

    assert not SupportRequest.objects.exclude(email__endswith=f"@{SYNTHETIC_DOMAIN}").exists()
    assert not SupportRequest.objects.exclude(reference__startswith="SY-").exists()
    assert not Ambassador.objects.exclude(email__endswith=f"@{SYNTHETIC_DOMAIN}").exists()


def test_records_vary_like_a_real_queue(boroughs):
    make(600, 60)

    records = SupportRequest.objects.all()
    assert records.values("stage").distinct().count() >= 8
    assert records.filter(needs_spam_review=True).exists()
    assert records.filter(borough__isnull=False).values("borough").distinct().count() == 3
    assert records.filter(owner__isnull=False).values("owner").distinct().count() > 1
    assert not records.filter(stage=Stage.NEW, owner__isnull=False).exists()
    assert records.filter(next_contact_date__isnull=False).exists()
    oldest, newest = records.order_by("created").first(), records.order_by("created").last()
    assert (newest.created - oldest.created).days > 365
    referred = records.filter(heard_about="ambassador", referral_code__isnull=False)
    assert referred.exists()
    assert Referral.objects.filter(support_request__in=referred).exists()
    assert all(
        referral.code == referral.support_request.referral_code
        for referral in Referral.objects.select_related("support_request")
    )


def test_running_again_tops_up_instead_of_duplicating(boroughs):
    make(100, 10)
    make(150, 10)

    assert SupportRequest.objects.count() == 150
    assert Ambassador.objects.count() == 10
    assert SupportRequest.objects.values("reference").distinct().count() == 150


def test_clear_removes_synthetic_rows_and_keeps_real_ones(boroughs):
    real = SupportRequest.objects.create(
        reference="PA-234679",
        name="Real Person",
        email="real@example.org",
        role_of_interest="constable",
        application_progress="not_applied",
        heard_about="other",
        consented_at="2026-01-01T10:00Z",
    )
    real_user = UserFactory(username="real-caseworker")
    make(50, 5)

    make(0, 0, "--clear")

    assert list(SupportRequest.objects.all()) == [real]
    assert not Ambassador.objects.exists()
    assert list(type(real_user).objects.filter(username__startswith="synthetic")) == []
    assert type(real_user).objects.filter(pk=real_user.pk).exists()


def test_refuses_under_production_settings_without_force(boroughs):
    with override_settings(SETTINGS_MODULE="recruitment_site.settings.production"):
        with pytest.raises(CommandError, match="production"):
            make(10, 1)
        assert not SupportRequest.objects.exists()

        make(10, 1, "--force")
    assert SupportRequest.objects.count() == 10


def test_same_seed_gives_the_same_records(boroughs):
    make(30, 3)
    first = list(SupportRequest.objects.order_by("reference").values_list("reference", "name", "stage"))
    make(0, 0, "--clear")
    make(30, 3)

    second = list(SupportRequest.objects.order_by("reference").values_list("reference", "name", "stage"))
    assert first == second
