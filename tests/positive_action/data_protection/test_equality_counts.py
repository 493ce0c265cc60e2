from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from positive_action.models import EqualityMonitoring
from positive_action.views.reports import counted_answers, equality_sections
from recruitment_site.core.dates import months_before

from .factories import finished_support_request, support_person

pytestmark = pytest.mark.django_db


def report_numbers(lead_client):
    page = BeautifulSoup(lead_client.get(reverse("support_queue:equality")).content, "html.parser")
    return page.find("main").get_text(" ", strip=True)


def test_the_equality_report_is_unchanged_when_retention_folds_answers_into_counts(lead_client):
    expired = months_before(timezone.now(), 13)
    for _ in range(3):
        finished_support_request(closed_at=expired)
        support_person()
    rows_before, page_before = equality_sections(counted_answers()), report_numbers(lead_client)

    call_command("apply_retention", stdout=StringIO())

    assert EqualityMonitoring.objects.count() == 3
    assert equality_sections(counted_answers()) == rows_before
    assert report_numbers(lead_client) == page_before
    ethnicity = dict(rows_before[0]["rows"])
    assert ethnicity["Asian or Asian British: Bangladeshi"] == "6"
