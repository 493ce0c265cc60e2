from datetime import timedelta

import pytest
from django.utils import timezone

from home import roles
from positive_action.choices import FINISHED_STAGES, Stage
from positive_action.models import SupportRequest
from positive_action.workflow import TRANSITIONS, TransitionNotAllowed, change_stage, log_activity
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

    record = log_activity(
        record, UserFactory(role=roles.DIVERSITY_TEAM), "call", outcome="Spoke for ten minutes"
    )

    assert record.stage == Stage.CONTACTED
    assert record.first_contacted_at is not None


def test_an_unanswered_call_is_logged_but_is_not_a_first_contact(demo_site):
    record = SupportRequestFactory()

    record = log_activity(
        record, UserFactory(role=roles.DIVERSITY_TEAM), "no_answer", outcome="Voicemail full"
    )

    assert record.stage == Stage.NEW and record.first_contacted_at is None
    assert list(record.timeline.values_list("kind", "contact_kind")) == [("contact", "no_answer")]


def test_one_activity_records_contact_outcome_next_date_and_stage_change_as_one_entry(demo_site):
    record = SupportRequestFactory(stage=Stage.CONTACTED)
    next_week = timezone.localdate() + timedelta(days=7)

    record = log_activity(
        record,
        UserFactory(role=roles.DIVERSITY_TEAM),
        "meeting",
        outcome="Application form checked",
        note="Wants help with the assessment centre next",
        next_contact=next_week,
        new_stage=Stage.IN_SUPPORT,
    )

    record.refresh_from_db()
    assert record.stage == Stage.IN_SUPPORT and record.next_contact_date == next_week
    [entry] = record.timeline.all()
    assert entry.kind == "contact" and entry.contact_kind == "meeting"
    assert entry.text == "Wants help with the assessment centre next"
    assert entry.data == {
        "outcome": "Application form checked",
        "stage": {"from": "contacted", "to": "in_support"},
        "next_contact": next_week.isoformat(),
    }


def test_an_activity_with_a_stage_move_that_is_not_allowed_changes_nothing(demo_site):
    record = SupportRequestFactory(stage=Stage.NEW)

    with pytest.raises(TransitionNotAllowed):
        log_activity(record, None, "call", outcome="Spoke", new_stage=Stage.APPOINTED)

    record.refresh_from_db()
    assert record.stage == Stage.NEW and not record.timeline.exists()


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
