from datetime import timedelta

import pytest
from django.utils import timezone

from home import roles
from positive_action.choices import FINISHED_STAGES, Stage
from positive_action.models import SupportRequest
from positive_action.workflow import TRANSITIONS, TransitionNotAllowed, change_stage, log_contact
from tests.factories import UserFactory

from .factories import SupportRequestFactory

pytestmark = pytest.mark.django_db


def test_every_stage_has_a_way_on_and_new_cannot_jump_to_appointed():
    assert set(TRANSITIONS) == set(Stage)
    assert Stage.APPOINTED not in TRANSITIONS[Stage.NEW]


def test_stage_change_records_who_and_when_and_finishing_sets_closed_at(demo_site):
    user = UserFactory(role=roles.DIVERSITY_TEAM)
    record = SupportRequestFactory()

    record = change_stage(record, Stage.WITHDRAWN, user, "Moved away")

    entry = record.timeline.get(kind="stage")
    assert (entry.actor, entry.text, entry.data) == (user, "Moved away", {"from": "new", "to": "withdrawn"})
    assert record.closed_at is not None and Stage.WITHDRAWN in FINISHED_STAGES
    assert record.first_contacted_at is not None


def test_disallowed_change_raises_and_changes_nothing(demo_site):
    record = SupportRequestFactory(stage=Stage.NEW)

    with pytest.raises(TransitionNotAllowed):
        change_stage(record, Stage.VETTING, None)

    assert SupportRequest.objects.get(pk=record.pk).stage == Stage.NEW
    assert not record.timeline.exists()


def test_first_contact_moves_new_request_to_contacted(demo_site):
    record = SupportRequestFactory()

    record = log_contact(record, "call", "Spoke for ten minutes", UserFactory(role=roles.DIVERSITY_TEAM))

    assert record.stage == Stage.CONTACTED


def test_overdue_means_no_first_contact_within_target_or_missed_next_contact(demo_site):
    SupportRequest.objects.all().delete()
    long_ago = timezone.now() - timedelta(days=20)
    late = SupportRequestFactory(created=long_ago)
    SupportRequestFactory(created=timezone.now())
    missed = SupportRequestFactory(
        stage=Stage.IN_SUPPORT, next_contact_date=timezone.localdate() - timedelta(days=1)
    )
    SupportRequestFactory(stage=Stage.CLOSED, next_contact_date=timezone.localdate() - timedelta(days=1))
    SupportRequestFactory(created=long_ago, needs_spam_review=True)

    assert set(SupportRequest.objects.overdue(5)) == {late, missed}
