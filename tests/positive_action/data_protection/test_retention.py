from datetime import datetime, timedelta
from io import StringIO

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from wagtail.models import ModelLogEntry

from ambassadors_network.models import Ambassador, Referral, Status
from positive_action.choices import Stage
from positive_action.data_protection.models import EqualityCount, PendingEqualityCount
from positive_action.data_protection.people import ANONYMISED_NAME
from positive_action.data_protection.retention import plan_retention
from positive_action.models import EmailDelivery, EqualityMonitoring, SubmissionReceipt, SupportRequest
from recruitment_site.core.dates import months_before, start_of_month
from recruitment_site.settings.env import env_positive_int
from tests.ambassadors_network.factories import BoroughFactory

from .factories import ambassador_person, finished_support_request, support_person
from .search import rows_mentioning

pytestmark = pytest.mark.django_db


def months_ago(months):
    return months_before(timezone.now(), months)


def run_retention():
    out = StringIO()
    call_command("apply_retention", stdout=out)
    return out.getvalue()


def identifiers(record):
    return record.name, record.email, record.phone


def test_months_before_keeps_the_day_or_the_month_end():
    moment = timezone.make_aware(datetime(2026, 3, 31, 10, 0))
    assert months_before(moment, 1).date().isoformat() == "2026-02-28"
    assert months_before(moment, 12).date().isoformat() == "2025-03-31"
    assert months_before(moment, 15).date().isoformat() == "2024-12-31"


def test_retention_periods_must_be_at_least_one(monkeypatch):
    monkeypatch.setenv("RETENTION_CLOSED_SUPPORT_MONTHS", "0")
    with pytest.raises(ImproperlyConfigured):
        env_positive_int("RETENTION_CLOSED_SUPPORT_MONTHS", 30)
    monkeypatch.setenv("RETENTION_CLOSED_SUPPORT_MONTHS", "45")
    assert env_positive_int("RETENTION_CLOSED_SUPPORT_MONTHS", 30) == 45


def test_only_requests_closed_more_than_twelve_months_ago_have_expired():
    expired = finished_support_request(closed_at=months_ago(13))
    recent = finished_support_request(closed_at=months_ago(11))
    old_but_open = support_person(stage=Stage.IN_SUPPORT, created=months_ago(30))
    held = finished_support_request(closed_at=months_ago(13), needs_spam_review=True)

    found = set(SupportRequest.objects.expired_for_retention(timezone.now()))

    assert expired in found
    assert not found & {recent, old_but_open, held}


@override_settings(RETENTION_CLOSED_SUPPORT_MONTHS=24)
def test_the_retention_setting_changes_what_has_expired():
    closed_13_months_ago = finished_support_request(closed_at=months_ago(13))
    closed_25_months_ago = finished_support_request(closed_at=months_ago(25))

    found = set(SupportRequest.objects.expired_for_retention(timezone.now()))

    assert found == {closed_25_months_ago}
    assert closed_13_months_ago not in found


def test_anonymising_leaves_nothing_personal_in_any_table():
    record = finished_support_request(closed_at=months_ago(13))
    needles = identifiers(record)
    assert rows_mentioning(*needles)  # the factory really put the person everywhere

    run_retention()

    assert rows_mentioning(*needles) == []


def test_anonymised_request_keeps_what_the_reports_count():
    borough = BoroughFactory(name="Tower Hamlets", slug="tower-hamlets")
    closed = months_ago(13)
    record = finished_support_request(closed_at=closed, borough=borough)

    run_retention()

    record.refresh_from_db()
    assert record.name == ANONYMISED_NAME
    assert (record.email, record.phone, record.access_needs) == ("", "", "")
    assert (record.stage, record.borough, record.role_of_interest) == (Stage.CLOSED, borough, "constable")
    assert record.closed_at == start_of_month(closed)
    assert record.created.day == 1
    assert all(entry.text == "" and entry.data == {} for entry in record.timeline.all())
    assert record.timeline.count() == 2  # registered, note


def test_anonymising_clears_how_when_and_in_which_language_to_contact_them():
    """A language preference is personal (it can point to a community) and no report counts it."""
    preferences = {"preferred_contact": "whatsapp", "callback_time": "morning", "interpreter": "yes"}
    support = finished_support_request(
        closed_at=months_ago(13), contact_language="bn", language="bn", **preferences
    )
    ambassador = ambassador_person(status=Status.LEFT, contact_language="so", language="so", **preferences)
    Ambassador.objects.filter(pk=ambassador.pk).update(status_changed_at=months_ago(13))

    run_retention()

    for record in (support, ambassador):
        record.refresh_from_db()
        cleared = (
            record.preferred_contact,
            record.callback_time,
            record.contact_language,
            record.interpreter,
        )
        assert cleared == ("", "", "", "") and record.language == ""


def test_outbox_keeps_that_an_email_was_sent_but_not_to_whom_or_what():
    record = finished_support_request(closed_at=months_ago(13))

    run_retention()

    email = EmailDelivery.objects.get(reference=record.reference)
    assert (email.recipient, email.body, email.subject) == ("", "", "confirmation")
    assert email.status == EmailDelivery.Status.SENT
    assert not SubmissionReceipt.objects.filter(record_reference=record.reference).exists()


def test_equality_answers_become_unlinked_counts_waiting_for_their_month():
    record = finished_support_request(closed_at=months_ago(13))
    month = start_of_month(timezone.localtime(record.created).date())

    run_retention()

    assert not EqualityMonitoring.objects.filter(support_request=record).exists()
    assert PendingEqualityCount.objects.counts_for("ethnicity") == {"asian_bangladeshi": 1}
    assert PendingEqualityCount.objects.counts_for("sex") == {"female": 1}
    assert PendingEqualityCount.objects.counts_for("religion") == {}
    assert PendingEqualityCount.objects.respondents() == 1
    assert set(PendingEqualityCount.objects.values_list("month", flat=True)) == {month}
    assert not EqualityCount.objects.exists(), "one person is never counted on their own"


def test_waiting_counts_from_several_people_add_up():
    for _ in range(3):
        finished_support_request(closed_at=months_ago(14))

    run_retention()

    assert PendingEqualityCount.objects.counts_for("ethnicity") == {"asian_bangladeshi": 3}
    assert PendingEqualityCount.objects.respondents() == 3


def test_referral_attribution_to_an_ambassador_survives_anonymisation():
    ambassador = ambassador_person(status=Status.ACTIVE)
    record = finished_support_request(closed_at=months_ago(13), referral_code=ambassador.referral_code)
    Referral.objects.get_or_create(
        support_request=record, defaults={"ambassador": ambassador, "code": ambassador.referral_code}
    )

    run_retention()

    assert Referral.objects.get(support_request=record).ambassador == ambassador


def test_dry_run_lists_references_only_and_changes_nothing():
    record = finished_support_request(closed_at=months_ago(13))

    out = StringIO()
    call_command("apply_retention", "--dry-run", stdout=out)

    assert f"Would anonymise finished support request {record.reference}" in out.getvalue()
    assert record.name not in out.getvalue() and record.email not in out.getvalue()
    unchanged = SupportRequest.objects.get(pk=record.pk)
    assert (unchanged.name, unchanged.email) == (record.name, record.email)
    assert EqualityMonitoring.objects.filter(support_request=record).exists()


def test_a_second_run_finds_nothing_more_to_do():
    finished_support_request(closed_at=months_ago(13))
    run_retention()

    plan = plan_retention()

    assert plan.is_empty()
    assert PendingEqualityCount.objects.respondents() == 1


def test_each_anonymisation_and_the_run_are_audited_without_personal_data():
    record = finished_support_request(closed_at=months_ago(13))

    run_retention()

    entry = ModelLogEntry.objects.get(action="data_protection.anonymised")
    assert entry.object_id == str(record.pk) and entry.data == {"reference": record.reference}
    run = ModelLogEntry.objects.get(action="data_protection.retention_applied")
    assert run.data["anonymised"] == [record.reference]


def test_spam_holds_nobody_has_checked_are_never_deleted_and_the_overdue_ones_are_listed():
    now = timezone.now()
    long_held = support_person(needs_spam_review=True, created=now - timedelta(days=400))
    today = support_person(needs_spam_review=True, created=now - timedelta(hours=2))
    held_sign_up = ambassador_person(needs_spam_review=True)
    Ambassador.objects.filter(pk=held_sign_up.pk).update(created=now - timedelta(days=40))
    output = StringIO()

    call_command("apply_retention", stdout=output)

    assert SupportRequest.objects.filter(pk__in=[long_held.pk, today.pk]).count() == 2
    assert Ambassador.objects.filter(pk=held_sign_up.pk).exists()
    listed = output.getvalue()
    assert long_held.reference in listed and held_sign_up.reference in listed
    assert today.reference not in listed, "held for less than a day: not overdue yet"
    assert long_held.email not in listed, "cron mail carries references only"


@pytest.mark.parametrize("status", [Status.LEFT, Status.DECLINED])
def test_ambassador_who_left_or_was_declined_is_anonymised_after_twelve_months(status):
    ambassador = ambassador_person(status=status)
    Ambassador.objects.filter(pk=ambassador.pk).update(status_changed_at=months_ago(13))
    needles = identifiers(ambassador)

    run_retention()

    ambassador.refresh_from_db()
    assert ambassador.name == ANONYMISED_NAME and ambassador.status == status
    assert ambassador.networks.exists()
    assert rows_mentioning(*needles) == []


def test_active_or_recently_left_ambassadors_are_kept():
    active = ambassador_person(status=Status.ACTIVE)
    left = ambassador_person(status=Status.LEFT)
    Ambassador.objects.filter(pk=active.pk).update(status_changed_at=months_ago(30))
    Ambassador.objects.filter(pk=left.pk).update(status_changed_at=months_ago(11))

    run_retention()

    assert set(Ambassador.objects.values_list("name", flat=True)) == {active.name, left.name}
