"""Anonymised people's equality answers wait, unlinked, until their period holds five people, then fold."""

from datetime import date, datetime
from importlib import import_module
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import models
from django.utils import timezone

from positive_action.data_protection.models import RESPONDENTS, EqualityCount, PendingEqualityCount
from positive_action.data_protection.retention import fold_pending_answers
from recruitment_site.core.dates import months_before

from .factories import finished_support_request
from .search import rows_mentioning

pytestmark = pytest.mark.django_db

migration = import_module("positive_action.data_protection.migrations.0005_move_small_months_to_pending")


def registered_on(day):
    return timezone.make_aware(datetime(day.year, day.month, day.day, 10, 0))


def anonymised_person(registered):
    record = finished_support_request(closed_at=months_before(timezone.now(), 13), created=registered)
    call_command("apply_retention", stdout=StringIO())
    return record


def test_a_month_waits_until_its_fifth_person_and_then_folds_all_five_at_once():
    # Recent enough that the month's quarter is not yet used: the month has to reach five on its own.
    month = months_before(timezone.localdate(), 14).replace(day=1)
    for people in range(1, 5):
        anonymised_person(registered_on(month.replace(day=people + 1)))
        assert not EqualityCount.objects.exists(), f"{people} people: nothing counted yet"
        assert PendingEqualityCount.objects.respondents() == people

    fifth = anonymised_person(registered_on(month.replace(day=20)))

    assert not PendingEqualityCount.objects.exists()
    assert EqualityCount.objects.respondents() == 5
    assert EqualityCount.objects.counts_for("ethnicity") == {"asian_bangladeshi": 5}
    assert set(EqualityCount.objects.values_list("month", "period_months")) == {(month, 1)}
    # Every person gave the same answers: no row counts fewer than the five folded together.
    assert set(EqualityCount.objects.values_list("count", flat=True)) == {5}
    assert rows_mentioning(fifth.name, fifth.email, fifth.phone) == []


def test_the_pool_holds_no_link_no_time_and_no_ordering_id():
    fields = PendingEqualityCount._meta.get_fields()

    assert not [field for field in fields if field.is_relation]
    assert isinstance(PendingEqualityCount._meta.pk, models.UUIDField)
    assert [field.name for field in fields if isinstance(field, models.DateField)] == ["month"]
    assert not PendingEqualityCount._meta.ordering


def test_months_short_of_five_are_counted_in_their_quarter_once_it_is_two_years_old():
    for month, people in [(date(2021, 1, 1), 2), (date(2021, 2, 1), 3)]:
        PendingEqualityCount.objects.create(month=month, question=RESPONDENTS, answer="", count=people)
        PendingEqualityCount.objects.create(month=month, question="sex", answer="male", count=people)

    fold_pending_answers(date(2023, 3, 31))
    assert not EqualityCount.objects.exists(), "the quarter ended less than 24 months ago"

    fold_pending_answers(date(2023, 4, 1))
    assert not PendingEqualityCount.objects.exists()
    assert set(EqualityCount.objects.values_list("month", "period_months", "question", "count")) == {
        (date(2021, 1, 1), 3, RESPONDENTS, 5),
        (date(2021, 1, 1), 3, "sex", 5),
    }


def test_a_quarter_short_of_five_keeps_waiting():
    PendingEqualityCount.objects.create(month=date(2021, 1, 1), question=RESPONDENTS, answer="", count=4)

    fold_pending_answers(date(2023, 6, 1))

    assert not EqualityCount.objects.exists()
    assert PendingEqualityCount.objects.respondents() == 4


def test_the_equality_report_counts_waiting_and_folded_answers_alike(lead_client):
    anonymised_person(registered_on(months_before(timezone.localdate(), 14).replace(day=2)))

    page = lead_client.get("/admin/support-queue/equality/").content.decode()

    assert PendingEqualityCount.objects.respondents() == 1
    assert "People who answered at least one question: fewer than 5" in " ".join(page.split())


def test_migration_sends_counts_of_small_months_back_to_wait_and_rewrites_the_rest_in_order():
    small, large = date(2024, 3, 1), date(2024, 4, 1)
    # As the old code wrote them: one person's answers created in a row, then counts raised.
    for month, people in [(small, 2), (large, 6)]:
        for question, answer in [(RESPONDENTS, ""), ("sex", "female"), ("ethnicity", "arab")]:
            EqualityCount.objects.create(month=month, question=question, answer=answer, count=people)

    migration.move_small_months_to_pending(apps, None)

    assert PendingEqualityCount.objects.respondents() == 2
    assert set(PendingEqualityCount.objects.values_list("month", flat=True)) == {small}
    assert EqualityCount.objects.respondents() == 6
    kept = list(EqualityCount.objects.order_by("pk").values_list("month", "question"))
    assert kept == sorted(kept)
    assert {month for month, _question in kept} == {large}
