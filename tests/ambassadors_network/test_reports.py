import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from ambassadors_network import reports
from ambassadors_network.models import Referral, Status
from home import roles
from positive_action.choices import HeardAbout, Stage
from positive_action.models import SupportRequest
from tests.factories import UserFactory
from tests.helpers import h1_texts, soup

from .factories import AmbassadorFactory, BoroughFactory, CommunityFactory

pytestmark = pytest.mark.django_db


def make_support_request(
    ambassador=None, stage=Stage.NEW, heard_about=HeardAbout.AMBASSADOR, created=None, **extra
):
    number = SupportRequest.objects.count() + 1
    request = SupportRequest.objects.create(
        reference=f"PA-T{number:05d}",
        name=f"Person {number}",
        email=f"person{number}@example.org",
        role_of_interest="constable",
        application_progress="not_applied",
        heard_about=heard_about,
        consented_at=timezone.now(),
        stage=stage,
        referral_code=ambassador.referral_code if ambassador else None,
        created=created or timezone.now(),
        **extra,
    )
    return request


@pytest.fixture
def network():
    """Fixture figures: 2 active in Newham (Tamil), 1 applied in Brent, 1 declined, 1 held for spam review."""
    newham, brent = BoroughFactory(name="Newham", slug="newham"), BoroughFactory(name="Brent", slug="brent")
    tamil = CommunityFactory(name="Tamil", slug="tamil")
    first = AmbassadorFactory(name="First", status=Status.ACTIVE, boroughs=[newham], communities=[tamil])
    second = AmbassadorFactory(name="Second", status=Status.ACTIVE, boroughs=[newham])
    AmbassadorFactory(name="Third", boroughs=[brent])
    AmbassadorFactory(name="Fourth", status=Status.DECLINED, boroughs=[brent])
    AmbassadorFactory(name="Held", needs_spam_review=True, boroughs=[newham], communities=[tamil])
    # First referred three people: one new, one in assessment, one appointed; Second referred one, withdrawn.
    for stage in (Stage.NEW, Stage.ASSESSMENT, Stage.APPOINTED):
        make_support_request(first, stage=stage)
    make_support_request(second, stage=Stage.WITHDRAWN)
    make_support_request(heard_about=HeardAbout.EVENT)
    make_support_request(first, needs_spam_review=True)
    return {"first": first, "second": second}


def as_dict(table):
    return {row[0]: row[1:] for row in table.rows}


def test_ambassadors_by_status_borough_and_community_match_the_fixture(network):
    status = as_dict(reports.ambassadors_by_status())
    assert status["Active"] == [2] and status["Applied"] == [1] and status["Declined"] == [1]
    assert sum(row[0] for row in status.values()) == 4  # the spam-held sign-up is not counted
    assert as_dict(reports.ambassadors_by_borough())["Newham"] == [2]
    assert as_dict(reports.ambassadors_by_borough())["Brent"] == [2]
    assert as_dict(reports.ambassadors_by_community())["Tamil"] == [1]


def test_referrals_per_ambassador_and_stages_reached(network):
    table = reports.referrals_per_ambassador()
    rows = {row[0].split(" (")[0]: row[1:] for row in table.rows}
    headings = [str(heading) for heading in table.headings]

    first = dict(zip(headings[1:], rows["First"], strict=True))
    assert first["Referred"] == 3
    assert first["Reached: Contacted"] == 2
    assert first["Reached: Assessment"] == 2
    assert first["Reached: Vetting"] == 1
    assert first["Reached: Appointed"] == 1
    assert rows["Second"][0] == 1


def test_conversion_counts_every_referred_person_in_the_queue(network):
    conversion = as_dict(reports.referral_conversion())
    assert conversion["New"] == [4, "100%"]
    assert conversion["Appointed"] == [1, "25%"]


def test_registrations_by_source_month_by_month(network):
    today = timezone.localdate()
    last_month = (today.replace(day=1) - datetime.timedelta(days=1)).replace(day=15)
    make_support_request(
        heard_about=HeardAbout.SOCIAL_MEDIA,
        created=timezone.make_aware(datetime.datetime.combine(last_month, datetime.time(12))),
    )

    table = reports.registrations_by_source(today)
    headings = [str(heading) for heading in table.headings]
    rows = {row[0]: dict(zip(headings[1:], row[1:], strict=True)) for row in table.rows}

    this_month = rows[today.strftime("%b %Y")]
    assert this_month["All registrations"] == 5
    assert this_month[str(HeardAbout.AMBASSADOR.label)] == 4
    assert this_month[str(HeardAbout.EVENT.label)] == 1
    assert rows[last_month.strftime("%b %Y")][str(HeardAbout.SOCIAL_MEDIA.label)] == 1
    assert len(table.rows) == 12


def test_report_page_shows_tables_and_svg_charts_to_leads(client, network):
    client.force_login(UserFactory(role=roles.DIVERSITY_LEADS))

    response = client.get(reverse("ambassador_report:index"))
    page = soup(response)

    assert h1_texts(response) == ["Ambassador network report"]
    assert len(page.select("svg.report-chart")) >= 5
    assert not page.select("script[src^='http']")
    status_table = page.find(id="status").find("table")
    active_row = next(
        row for row in status_table.select("tbody tr") if row.th.get_text(strip=True) == "Active"
    )
    assert active_row.td.get_text(strip=True) == "2"


def test_report_csv_download_matches_the_table_and_is_logged(client, network):
    lead = UserFactory(role=roles.DIVERSITY_LEADS)
    client.force_login(lead)

    response = client.get(reverse("ambassador_report:index") + "?download=status")

    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert response["Content-Type"].startswith("text/csv")
    assert rows[0] == ["Status", "Ambassadors"] and ["Active", "2"] in rows
    entry = ModelLogEntry.objects.get(action="ambassadors.report_export")
    assert entry.user_id == lead.pk and entry.data == {"table": "status"}


def test_unknown_report_table_is_a_404(client):
    client.force_login(UserFactory(role=roles.DIVERSITY_LEADS))
    assert client.get(reverse("ambassador_report:index") + "?download=nope").status_code == 404


def test_referral_attribution_counts_only_registrations_with_a_live_code(network):
    assert Referral.objects.count() == 5  # four in the queue plus one held for spam review
    assert Referral.objects.in_queue().count() == 4
