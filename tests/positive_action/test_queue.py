import csv
import io
from datetime import timedelta

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import ModelLogEntry

from home import roles
from positive_action.models import EqualityMonitoring, SupportRequest, SupportRequestEvent
from tests.factories import UserFactory
from tests.helpers import soup

from .factories import SupportRequestFactory

pytestmark = pytest.mark.django_db

QUEUE = "/admin/support-queue/"


@pytest.fixture
def queue(registration_page):
    """An empty queue on the demo site (the fixture empties the demo requests)."""
    return registration_page


def signed_in(client, role):
    user = UserFactory(role=role)
    client.force_login(user)
    return user


def listed_references(response):
    return {cell.get_text(strip=True) for cell in soup(response).select("tbody td.title a, tbody td.title")}


def test_team_sees_queue_with_columns_and_without_spam(client, queue):
    signed_in(client, roles.DIVERSITY_TEAM)
    shown = SupportRequestFactory(name="Kwame Mensah")
    hidden = SupportRequestFactory(needs_spam_review=True)

    response = client.get(QUEUE)

    assert response.status_code == 200
    html = response.content.decode()
    assert shown.reference in html and "Kwame Mensah" in html
    assert hidden.reference not in html
    headings = [th.get_text(" ", strip=True) for th in soup(response).select("thead th")]
    for heading in [
        "Reference",
        "Name",
        "Borough",
        "Stage",
        "Owner",
        "Registered",
        "Next contact",
        "Overdue",
    ]:
        assert any(heading in text for text in headings), heading


def test_spam_filter_shows_only_spam_review(client, queue):
    signed_in(client, roles.DIVERSITY_TEAM)
    normal = SupportRequestFactory()
    spam = SupportRequestFactory(needs_spam_review=True)

    html = client.get(QUEUE + "?needs_spam_review=true").content.decode()

    assert spam.reference in html and normal.reference not in html


@pytest.mark.parametrize(
    "query,expected",
    [
        ("stage=contacted", "contacted"),
        ("owner=unassigned", "unassigned"),
        ("owner=mine", "mine"),
        ("support_wanted=mock_interview", "mock"),
        ("has_referral_code=true", "referred"),
        ("overdue=true", "overdue"),
        ("borough=outside", "unassigned"),
    ],
)
def test_filters(client, queue, query, expected):
    user = signed_in(client, roles.DIVERSITY_TEAM)
    old = timezone.now() - timedelta(days=30)
    records = {
        "contacted": SupportRequestFactory(stage="contacted", owner=user),
        "mine": SupportRequestFactory(stage="in_support", owner=user),
        "unassigned": SupportRequestFactory(stage="in_support", owner=user),
        "mock": SupportRequestFactory(stage="in_support", owner=user, support_wanted=",mock_interview,"),
        "referred": SupportRequestFactory(stage="in_support", owner=user, referral_code="AMB-1"),
        "overdue": SupportRequestFactory(stage="new", owner=user, created=old),
    }
    records["unassigned"].owner = None
    records["unassigned"].save()
    from home.models import Borough

    borough = Borough.objects.first()
    SupportRequest.objects.exclude(pk=records["unassigned"].pk).update(borough=borough)

    html = client.get(f"{QUEUE}?{query}").content.decode()

    assert records[expected].reference in html
    others = [record for name, record in records.items() if name != expected]
    if expected not in ("mine",):
        assert not all(record.reference in html for record in others)


def test_search_by_reference_name_email_and_phone(client, queue):
    signed_in(client, roles.DIVERSITY_TEAM)
    record = SupportRequestFactory(name="Priya Sivakumar", email="priya@example.org", phone="07700 900111")
    other = SupportRequestFactory()

    for term in [record.reference, "Sivakumar", "priya@example", "900111"]:
        html = client.get(QUEUE, {"q": term}).content.decode()
        assert record.reference in html and other.reference not in html, term


def test_record_view_shows_details_and_timeline_but_never_equality_answers_and_is_audited(client, queue):
    user = signed_in(client, roles.DIVERSITY_TEAM)
    record = SupportRequestFactory(name="<script>alert('x')</script>", access_needs="<b>step-free</b>")
    EqualityMonitoring.objects.create(support_request=record, ethnicity="arab", religion="jewish")
    SupportRequestEvent.objects.create(
        record=record, kind="note", text="<img src=x onerror=alert(1)>", actor=user
    )

    response = client.get(f"{QUEUE}inspect/{record.pk}/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert('x')</script>" not in html and "&lt;script&gt;" in html
    assert "<img src=x" not in html
    assert "Arab" not in html and "Jewish" not in html
    assert ModelLogEntry.objects.filter(
        action="recruitment.record_viewed", object_id=str(record.pk), user=user
    ).exists()


def test_actions_change_stage_assign_log_contact_note_and_next_contact(client, queue):
    user = signed_in(client, roles.DIVERSITY_TEAM)
    record = SupportRequestFactory()
    base = f"{QUEUE}record/{record.pk}/"

    client.post(
        base + "activity/", {"activity-contact_kind": "call", "activity-outcome": "Spoke about the role"}
    )
    client.post(base + "owner/", {"owner-owner": user.pk})
    client.post(base + "stage/", {"stage-stage": "in_support", "stage-note": "Workshop booked"})
    client.post(base + "note/", {"note-text": "Prefers evenings"})
    client.post(base + "next-contact/", {"next-contact-next_contact_date": "2030-01-15"})

    record.refresh_from_db()
    assert record.stage == "in_support"
    assert record.owner == user
    assert record.first_contacted_at is not None
    assert str(record.next_contact_date) == "2030-01-15"
    kinds = list(record.timeline.order_by("created", "pk").values_list("kind", flat=True))
    # The first contact's move to Contacted is part of its own entry, not a separate one.
    assert kinds == ["contact", "owner", "stage", "note", "next_contact"]
    assert record.timeline.get(kind="contact").data["stage"] == {"from": "new", "to": "contacted"}
    assert record.timeline.filter(kind="stage", actor=user).count() == 1
    assert 'value="2030-01-15"' in client.get(f"{QUEUE}inspect/{record.pk}/").content.decode()


def test_disallowed_stage_change_is_refused(client, queue):
    signed_in(client, roles.DIVERSITY_TEAM)
    record = SupportRequestFactory(stage="new")

    response = client.post(
        f"{QUEUE}record/{record.pk}/stage/", {"stage-stage": "appointed", "stage-note": "Typed"}
    )

    record.refresh_from_db()
    assert record.stage == "new"
    assert response.status_code == 400
    html = response.content.decode()
    assert "Not saved" in html and "Typed</textarea>" in html


def test_release_from_spam_review_joins_queue_and_sends_confirmation(
    client, queue, django_capture_on_commit_callbacks
):
    from django.core import mail

    signed_in(client, roles.DIVERSITY_TEAM)
    record = SupportRequestFactory(needs_spam_review=True)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{QUEUE}record/{record.pk}/release/")

    record.refresh_from_db()
    assert not record.needs_spam_review
    assert [message.to for message in mail.outbox] == [[record.email]]


def test_bulk_assign_and_change_stage(client, queue):
    user = signed_in(client, roles.DIVERSITY_TEAM)
    records = [SupportRequestFactory() for _ in range(3)]
    ids = "&".join(f"id={record.pk}" for record in records)
    base = "/admin/bulk/positive_action/supportrequest/"

    assign = client.post(f"{base}assign_owner/?{ids}", {"owner": user.pk})
    move = client.post(f"{base}change_stage/?{ids}", {"stage": "contacted"})

    assert assign.status_code == 302 and move.status_code == 302
    assert SupportRequest.objects.filter(owner=user, stage="contacted").count() == 3


def test_leads_export_csv_and_xlsx_without_equality_data_and_it_is_logged(client, queue):
    user = signed_in(client, roles.DIVERSITY_LEADS)
    record = SupportRequestFactory(name="Fatima Hassan")
    EqualityMonitoring.objects.create(support_request=record, ethnicity="arab")

    response = client.get(QUEUE + "?export=csv&stage=new")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    xlsx = client.get(QUEUE + "?export=xlsx")
    sheet = openpyxl.load_workbook(
        io.BytesIO(b"".join(xlsx.streaming_content) if xlsx.streaming else xlsx.content)
    ).active

    assert response.status_code == 200
    assert any("Fatima Hassan" in row for row in rows)
    flat = " ".join(" ".join(row) for row in rows).lower()
    assert "arab" not in flat and "ethnic" not in flat
    assert sheet.max_row == 2
    entry = ModelLogEntry.objects.filter(action="recruitment.exported", user=user).order_by("pk").first()
    assert entry and entry.data["filters"] == {"stage": ["new"]}


def test_team_cannot_export(client, queue):
    signed_in(client, roles.DIVERSITY_TEAM)
    SupportRequestFactory()

    assert client.get(QUEUE + "?export=csv").status_code == 403
    assert "export=csv" not in client.get(QUEUE).content.decode()


def test_equality_report_suppresses_small_numbers(client, queue):
    signed_in(client, roles.DIVERSITY_LEADS)
    for _ in range(6):
        EqualityMonitoring.objects.create(
            support_request=SupportRequestFactory(), ethnicity="black_african", sex="female"
        )
    for _ in range(8):
        EqualityMonitoring.objects.create(support_request=SupportRequestFactory(), ethnicity="white_british")
    EqualityMonitoring.objects.create(support_request=SupportRequestFactory(), ethnicity="arab", sex="male")

    response = client.get(QUEUE + "equality/")

    rows = {
        (row.find_all("td")[0].get_text(strip=True), row.find_all("td")[1].get_text(strip=True))
        for row in soup(response).select("tbody tr")
    }
    assert ("Other ethnic group: Arab", "not shown") in rows
    # Hidden as well, being the next smallest: otherwise the total less the counts shown would give 1.
    assert ("Black, Black British, Caribbean or African: African", "not shown") in rows
    assert ("White: English, Welsh, Scottish, Northern Irish or British", "8") in rows
    assert ("Male", "not shown") in rows
    assert ModelLogEntry.objects.filter(action="recruitment.equality_report_viewed").exists()


def test_equality_report_charts_each_question_and_draws_no_bar_for_a_hidden_count(client, queue):
    signed_in(client, roles.DIVERSITY_LEADS)
    for _ in range(6):
        EqualityMonitoring.objects.create(support_request=SupportRequestFactory(), ethnicity="black_african")
    for _ in range(8):
        EqualityMonitoring.objects.create(support_request=SupportRequestFactory(), ethnicity="white_british")
    EqualityMonitoring.objects.create(support_request=SupportRequestFactory(), ethnicity="arab")

    page = soup(client.get(QUEUE + "equality/"))
    chart = page.find("svg", attrs={"aria-labelledby": "chart-ethnicity-title"})
    labels = [text.get_text() for text in chart.find_all("text")]

    assert len(page.select("svg.report-chart")) == len(page.select("table.listing"))
    # Long labels are written in full on their own line, never cut short.
    assert "Black, Black British, Caribbean or African: African" in labels
    assert "not shown" in labels and "8" in labels and "6" not in labels
    assert len(chart.find_all("rect")) == 1  # only the count of 8 has a bar; 1 and 6 are hidden


def test_dashboard_panel_counts_todays_work_and_each_count_opens_those_records(client, queue):
    user = signed_in(client, roles.DIVERSITY_TEAM)
    SupportRequest.objects.all().delete()
    today = timezone.localdate()
    new = SupportRequestFactory(stage="new")
    mine_due = SupportRequestFactory(stage="in_support", owner=user, next_contact_date=today)
    late = SupportRequestFactory(stage="in_support", owner=user, next_contact_date=today - timedelta(days=1))

    page = soup(client.get("/admin/"))
    links = {
        " ".join(link.get_text(" ", strip=True).split()[1:]): (link.find("span").get_text(), link["href"])
        for link in page.select(".support-queue-stats a")
    }

    assert "Positive-action support queue" in page.get_text()
    expected = {
        "Due today": {mine_due},
        "Overdue": {late},
        "Mine": {mine_due, late},
        "New and unassigned": {new},
    }
    for label, records in expected.items():
        count, href = links[label]
        assert count == str(len(records)), label
        listed = client.get(href).content.decode()
        assert {record for record in [new, mine_due, late] if record.reference in listed} == records, label


def test_dashboard_panel_says_how_long_the_oldest_spam_hold_has_waited(client, queue):
    signed_in(client, roles.DIVERSITY_TEAM)
    SupportRequest.objects.all().delete()
    SupportRequestFactory(needs_spam_review=True, created=timezone.now() - timedelta(days=3, hours=1))
    SupportRequestFactory(needs_spam_review=True, created=timezone.now() - timedelta(hours=2))

    panel = soup(client.get("/admin/")).select_one(".support-queue-oldest-hold").get_text(" ", strip=True)

    assert panel == "The oldest registration waiting for spam review was sent 3\xa0days, 1\xa0hour ago."


def test_dashboard_panel_has_no_hold_line_when_nothing_waits(client, queue):
    signed_in(client, roles.DIVERSITY_TEAM)
    SupportRequest.objects.filter(needs_spam_review=True).delete()

    assert soup(client.get("/admin/")).select_one(".support-queue-oldest-hold") is None


def test_list_query_count_does_not_grow_with_page_size(client, queue):
    signed_in(client, roles.DIVERSITY_TEAM)
    SupportRequestFactory.create_batch(5, owner=UserFactory(role=roles.DIVERSITY_TEAM))
    with CaptureQueriesContext(connection) as few:
        client.get(QUEUE)
    SupportRequestFactory.create_batch(40, owner=UserFactory(role=roles.DIVERSITY_TEAM))
    with CaptureQueriesContext(connection) as many:
        client.get(QUEUE)

    assert len(many) == len(few)
    assert len(many) < 40


def test_queue_of_ten_thousand_requests_renders_quickly(client, queue):
    import time

    signed_in(client, roles.DIVERSITY_TEAM)
    now = timezone.now()
    SupportRequest.objects.bulk_create(
        SupportRequestFactory.build(created=now - timedelta(minutes=number)) for number in range(10_000)
    )

    started = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(QUEUE + "?owner=unassigned&overdue=true")
    elapsed = time.perf_counter() - started

    assert response.status_code == 200
    assert len(queries) < 40
    assert elapsed < 2.0, f"queue list took {elapsed:.2f}s"
