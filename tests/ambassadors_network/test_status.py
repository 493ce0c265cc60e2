import pytest
from django.core.exceptions import ValidationError

from ambassadors_network.models import Ambassador, EntryKind, Status
from ambassadors_network.status import ALLOWED_TRANSITIONS, REFERRAL_ALPHABET, change_status
from tests.factories import UserFactory

from .factories import AmbassadorFactory

pytestmark = pytest.mark.django_db


def test_every_status_has_a_way_onward():
    assert set(ALLOWED_TRANSITIONS) == set(Status)


def test_status_change_is_recorded_with_who_and_when():
    ambassador = AmbassadorFactory()
    user = UserFactory()

    change_status(ambassador, Status.IN_REVIEW, user, note="Called to discuss")

    entry = ambassador.timeline.get(kind=EntryKind.STATUS_CHANGE)
    assert (entry.from_status, entry.to_status, entry.actor, entry.text) == (
        Status.APPLIED,
        Status.IN_REVIEW,
        user,
        "Called to discuss",
    )
    assert entry.created is not None
    assert Ambassador.objects.get(pk=ambassador.pk).status == Status.IN_REVIEW


@pytest.mark.parametrize(
    "start, target",
    [(Status.APPLIED, Status.ACTIVE), (Status.DECLINED, Status.APPROVED), (Status.LEFT, Status.ACTIVE)],
)
def test_transitions_outside_the_table_are_refused_and_change_nothing(start, target):
    ambassador = AmbassadorFactory(status=start)
    entries_before = ambassador.timeline.count()

    with pytest.raises(ValidationError):
        change_status(ambassador, target, UserFactory())

    assert Ambassador.objects.get(pk=ambassador.pk).status == start
    assert ambassador.timeline.count() == entries_before


def test_approval_issues_an_unguessable_referral_code_once():
    ambassador = AmbassadorFactory(status=Status.IN_REVIEW)
    assert ambassador.referral_code == ""

    ambassador = change_status(ambassador, Status.APPROVED, UserFactory())

    code = ambassador.referral_code
    assert len(code) == 10 and set(code) <= set(REFERRAL_ALPHABET)
    assert ambassador.timeline.filter(kind=EntryKind.REFERRAL_CODE).count() == 1
    ambassador = change_status(ambassador, Status.PAUSED, None)
    ambassador = change_status(ambassador, Status.ACTIVE, None)
    assert ambassador.referral_code == code


def test_referral_codes_differ_between_ambassadors():
    codes = {AmbassadorFactory(status=Status.APPROVED).referral_code for _ in range(20)}
    assert len(codes) == 20


def test_declined_applicant_never_gets_a_code():
    assert AmbassadorFactory(status=Status.DECLINED).referral_code == ""
