"""The equality report narrowed by quarter and borough, without letting two reports single anyone out."""

from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from home import roles
from home.models import Borough
from positive_action.models import EqualityMonitoring
from positive_action.views.reports import recent_quarters
from tests.factories import UserFactory
from tests.helpers import soup

from .factories import SupportRequestFactory

pytestmark = pytest.mark.django_db

REPORT = "/admin/support-queue/equality/"


@pytest.fixture
def lead(client, registration_page):
    client.force_login(UserFactory(role=roles.DIVERSITY_LEADS))
    return client


def answered(ethnicity, borough=None, created=None, count=1):
    for _ in range(count):
        record = SupportRequestFactory(borough=borough)
        if created:
            type(record).objects.filter(pk=record.pk).update(created=created)
        EqualityMonitoring.objects.create(support_request=record, ethnicity=ethnicity)


def ethnicity_counts(response):
    table = soup(response).select("table.listing")[0]
    return {
        row.find_all("td")[0].get_text(strip=True): row.find_all("td")[1].get_text(strip=True)
        for row in table.select("tbody tr")
    }


def test_quarters_offered_run_back_from_this_one():
    quarters = recent_quarters(date(2026, 12, 3), count=3)

    assert [(key, start, end) for key, _label, start, end in quarters] == [
        ("2026-q4", date(2026, 10, 1), date(2027, 1, 1)),
        ("2026-q3", date(2026, 7, 1), date(2026, 10, 1)),
        ("2026-q2", date(2026, 4, 1), date(2026, 7, 1)),
    ]
    assert quarters[0][1] == "October to December 2026"


def test_a_borough_report_counts_only_that_borough_rounded_to_five(lead):
    newham, hackney = Borough.objects.all()[:2]
    answered("black_african", borough=newham, count=7)
    answered("black_african", borough=hackney, count=6)

    whole = ethnicity_counts(lead.get(REPORT))
    narrowed_response = lead.get(REPORT, {"borough": newham.pk})
    narrowed = ethnicity_counts(narrowed_response)

    assert whole["Black, Black British, Caribbean or African: African"] == "13"
    # 7 rounds to 5: with the exact figure, whole minus this borough would give the other boroughs exactly.
    assert narrowed["Black, Black British, Caribbean or African: African"] == "about 5"
    assert "rounded to the nearest 5" in narrowed_response.content.decode()


def test_a_quarter_report_counts_registrations_in_that_quarter(lead):
    this_quarter = recent_quarters(timezone.localdate(), count=2)
    key, _label, start, _end = this_quarter[1]  # the previous quarter
    inside = timezone.make_aware(datetime.combine(start + timedelta(days=3), datetime.min.time()))
    answered("arab", created=inside, count=10)
    answered("arab", count=9)  # registered today

    counts = ethnicity_counts(lead.get(REPORT, {"quarter": key}))

    assert counts["Other ethnic group: Arab"] == "about 10"


def test_small_counts_stay_hidden_in_a_narrowed_report(lead):
    borough = Borough.objects.first()
    answered("arab", borough=borough, count=2)

    counts = ethnicity_counts(lead.get(REPORT, {"borough": borough.pk}))

    assert counts["Other ethnic group: Arab"] == "fewer than 5"


def test_an_unknown_quarter_is_refused_with_the_full_report_still_shown(lead):
    answered("arab", count=6)

    response = lead.get(REPORT, {"quarter": "1999-q9"})

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert ethnicity_counts(response)["Other ethnic group: Arab"] == "6"


def test_the_full_report_hides_a_second_count_wherever_one_is_hidden(lead):
    answered("arab", count=3)
    answered("black_african", count=20)
    answered("white_british", count=30)

    response = lead.get(REPORT)
    counts = ethnicity_counts(response)

    hidden = [label for label, words in counts.items() if words == "not shown"]
    assert sorted(hidden) == [
        "Black, Black British, Caribbean or African: African",
        "Other ethnic group: Arab",
    ]
    assert counts["White: English, Welsh, Scottish, Northern Irish or British"] == "30"
    # The total less what is shown is the two hidden counts together, not either one of them.
    total = int(
        soup(response).find(string=lambda text: "People who answered" in text).parent.get_text().split()[-1]
    )
    visible = sum(int(words) for words in counts.values() if words.isdigit())
    assert total - visible == 23


def test_two_small_counts_are_hidden_together_without_a_third(lead):
    answered("arab", count=2)
    answered("asian_chinese", count=1)
    answered("white_british", count=30)

    counts = ethnicity_counts(lead.get(REPORT))

    assert list(counts.values()).count("not shown") == 2
    assert counts["White: English, Welsh, Scottish, Northern Irish or British"] == "30"
