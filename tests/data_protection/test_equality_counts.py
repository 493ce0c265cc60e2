from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Count
from django.utils import timezone

from data_protection.dates import months_before
from data_protection.equality import retained_respondents, with_retained_answers
from positive_action.models import QUESTIONS, EqualityMonitoring

from .factories import finished_support_request, support_person

pytestmark = pytest.mark.django_db


def report_counts():
    """The equality report's numbers, computed as positive_action's report does, plus the retained ones."""
    answers = EqualityMonitoring.objects.filter(support_request__needs_spam_review=False)
    counts = {}
    for name, _question, _choices in QUESTIONS:
        live = dict(answers.exclude(**{name: ""}).values_list(name).annotate(total=Count("pk")).order_by())
        counts[name] = with_retained_answers(name, live)
    return counts, EqualityMonitoring.objects.count() + retained_respondents()


def test_the_equality_report_numbers_do_not_change_when_retention_runs():
    finished_support_request(closed_at=months_before(timezone.now(), 13))
    finished_support_request(closed_at=months_before(timezone.now(), 2))
    support_person()
    before = report_counts()

    call_command("apply_retention", stdout=StringIO())

    assert EqualityMonitoring.objects.count() == 2
    assert report_counts() == before
    assert before[0]["ethnicity"] == {"asian_bangladeshi": 3}
    assert before[1] == 3
