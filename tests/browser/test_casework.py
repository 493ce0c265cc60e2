"""The diversity team's casework in a real browser, clicking what a caseworker clicks: find a new
registration, assign it, log a call with its outcome, a next-contact date and a stage change, set the next
contact again, email them from a template, bulk-assign three records; and a lead exports the queue and opens the files."""

import csv
import io
from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from home import roles
from positive_action.models import EmailDelivery, SupportRequest
from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import sign_in_to_admin
from tests.factories import UserFactory
from tests.positive_action.factories import SupportRequestFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def caseworker(live_demo_site, browser_page):
    user = UserFactory(first_name="Priya", last_name="Shah", role=roles.DIVERSITY_TEAM)
    sign_in_to_admin(browser_page, live_demo_site, user)
    return user


def action_form(page, button):
    """The record page's form whose submit button says ``button``."""
    return page.locator("form.support-record-action").filter(has=page.get_by_role("button", name=button))


def open_record_from_the_queue(page, name):
    page.locator("#wagtail-sidebar").get_by_role("link", name="Support queue").click()
    page.get_by_role("heading", name="Support requests").wait_for()
    search = page.locator("header input[name=q]")
    search.fill(name)
    search.press("Enter")
    page.get_by_role("row").filter(has_text=name).wait_for()
    page.get_by_role("row").filter(has_text=name).get_by_role("link").first.click()
    page.get_by_role("heading", name="Actions").wait_for()


def test_caseworker_assigns_logs_a_call_with_next_contact_and_stage_and_sees_it_in_words(
    live_demo_site, browser_page, caseworker
):
    page = browser_page
    record = SupportRequestFactory(name="Amina Okafor", phone="07700 900982", stage="new")
    next_week = timezone.localdate() + timedelta(days=6)

    open_record_from_the_queue(page, "Amina Okafor")
    summary = page.locator(".support-record-summary")
    assert "New" in summary.inner_text() and "Unassigned" in summary.inner_text()
    assert page.get_by_role("link", name="07700 900982").get_attribute("href") == "tel:07700900982"
    assert_no_axe_violations(page)

    assign = action_form(page, "Assign owner")
    assign.get_by_label("Owner").select_option(label="Priya Shah")
    assign.get_by_role("button", name="Assign owner").click()
    page.get_by_text("Saved: Assign owner.").wait_for()
    assert "Priya Shah" in page.locator(".support-record-summary").inner_text()

    activity = action_form(page, "Log activity")
    activity.get_by_label("What happened").select_option(label="Phone call")
    activity.get_by_label("Outcome").fill("Booked onto the application-form workshop")
    activity.get_by_label("Note").fill("Prefers calls after 5pm")
    activity.get_by_label("Next contact").fill(next_week.isoformat())
    activity.get_by_label("Move to stage").select_option(label="In support")
    activity.get_by_role("button", name="Log activity").click()
    page.get_by_text("Saved: Log activity.").wait_for()

    summary_text = page.locator(".support-record-summary").inner_text()
    assert "In support" in summary_text and "(in 6 days)" in summary_text
    timeline = page.locator("ol").filter(has_text="Contact logged").inner_text()
    assert "Outcome: Booked onto the application-form workshop" in timeline
    assert "New → In support" in timeline and "in_support" not in timeline
    assert "Prefers calls after 5pm" in timeline and "Priya Shah" in timeline
    record.refresh_from_db()
    assert record.stage == "in_support" and record.next_contact_date == next_week
    assert record.owner == caseworker and record.first_contacted_at is not None

    later = next_week + timedelta(days=7)
    reschedule = action_form(page, "Set next contact")
    reschedule.get_by_label("Next contact").fill(later.isoformat())
    reschedule.get_by_role("button", name="Set next contact").click()
    page.get_by_text("Saved: Set next contact.").wait_for()
    record.refresh_from_db()
    assert record.next_contact_date == later
    assert_no_axe_violations(page)


def test_caseworker_emails_from_a_template_and_sees_it_on_the_timeline(
    live_demo_site, browser_page, caseworker
):
    page = browser_page
    record = SupportRequestFactory(name="Amina Okafor", email="amina@example.org", stage="new")

    open_record_from_the_queue(page, "Amina Okafor")
    email = action_form(page, "Send email")
    email.get_by_label("Template").select_option(label="Mock interview invitation")
    email.get_by_role("button", name="Fill in from template").click()
    email = action_form(page, "Send email")
    assert email.get_by_label("Subject").input_value() == "Your mock interview, Amina"
    message = email.get_by_label("Message")
    assert "Dear Amina," in message.input_value() and "Priya Shah" in message.input_value()
    assert_no_axe_violations(page)

    message.fill(message.input_value().replace("two or three times", "two times"))
    email.get_by_role("button", name="Send email").click()
    page.get_by_text("Saved: Send email.").wait_for()

    timeline = page.locator("ol").filter(has_text="Contact logged")
    assert "Outcome: Sent “Your mock interview, Amina”" in timeline.inner_text()
    timeline.get_by_text("The email").click()
    assert "Reply to this email with two times" in timeline.inner_text()
    [delivery] = EmailDelivery.objects.filter(reference=record.reference, kind="casework")
    assert delivery.recipient == "amina@example.org" and "two times" in delivery.body
    record.refresh_from_db()
    assert record.stage == "contacted"


def test_an_activity_without_an_outcome_is_refused_and_keeps_what_was_typed(
    live_demo_site, browser_page, caseworker
):
    page = browser_page
    record = SupportRequestFactory(name="Zainab Testcase", stage="new")

    open_record_from_the_queue(page, "Zainab Testcase")
    activity = action_form(page, "Log activity")
    activity.get_by_label("Note").fill("Called twice this morning")
    activity.get_by_role("button", name="Log activity").click()

    page.get_by_text("Not saved: see “Log activity” below.").wait_for()
    activity = action_form(page, "Log activity")
    assert activity.get_by_label("Note").input_value() == "Called twice this morning"
    assert "This field is required" in activity.inner_text()
    assert not record.timeline.exists()
    assert_no_axe_violations(page)


def test_queue_marks_overdue_rows_and_says_how_far_off_the_next_contact_is(
    live_demo_site, browser_page, caseworker
):
    page = browser_page
    SupportRequest.objects.all().delete()
    SupportRequestFactory(
        name="Late Person", stage="in_support", next_contact_date=timezone.localdate() - timedelta(days=2)
    )
    SupportRequestFactory(
        name="Soon Person", stage="in_support", next_contact_date=timezone.localdate() + timedelta(days=6)
    )

    page.locator("#wagtail-sidebar").get_by_role("link", name="Support queue").click()
    late = page.get_by_role("row").filter(has_text="Late Person")
    soon = page.get_by_role("row").filter(has_text="Soon Person")

    assert "overdue" in late.inner_text().lower() and "(2 days ago)" in late.inner_text()
    assert "overdue" not in soon.inner_text().lower() and "(in 6 days)" in soon.inner_text()
    assert_no_axe_violations(page)


def test_caseworker_bulk_assigns_three_records(live_demo_site, browser_page, caseworker):
    page = browser_page
    SupportRequest.objects.all().delete()
    records = [SupportRequestFactory(name=f"Bulk Person {number}") for number in range(3)]

    page.locator("#wagtail-sidebar").get_by_role("link", name="Support queue").click()
    for record in records:
        page.locator(f'input[data-object-id="{record.pk}"]').check()
    footer = page.locator("[data-bulk-action-footer]")
    assert "3 items selected" in footer.inner_text() or "All 3 items" in footer.inner_text()
    assert "snippet" not in footer.inner_text()
    footer.get_by_role("link", name="Assign").click()

    page.get_by_label("Owner").select_option(label="Priya Shah")
    for record in records:
        assert record.reference in page.content()
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Yes, apply").click()
    page.get_by_role("heading", name="Support requests").wait_for()

    assert {record.owner_id for record in SupportRequest.objects.all()} == {caseworker.pk}
    for record in records:
        assert "Priya Shah" in page.get_by_role("row").filter(has_text=record.name).inner_text()


def test_lead_exports_csv_and_xlsx_in_london_time_with_full_names(live_demo_site, browser_page):
    page = browser_page
    lead = UserFactory(first_name="Dana", last_name="Lead", role=roles.DIVERSITY_LEADS)
    owner = UserFactory(first_name="Priya", last_name="Shah", role=roles.DIVERSITY_TEAM)
    SupportRequest.objects.all().delete()
    # 14:56:34 UTC on a summer day is 15:56 in London.
    summer = datetime(2026, 7, 1, 14, 56, 34, 396830, tzinfo=UTC)
    SupportRequestFactory(name='=HYPERLINK("http://evil.example","x")', owner=owner, created=summer)
    sign_in_to_admin(page, live_demo_site, lead)

    page.locator("#wagtail-sidebar").get_by_role("link", name="Support queue").click()
    page.locator("header").get_by_role("button", name="Actions").click()
    with page.expect_download() as csv_download:
        page.get_by_role("link", name="Download CSV").click()
    rows = list(csv.DictReader(io.StringIO(csv_download.value.path().read_text(encoding="utf-8"))))

    assert rows[0]["Registered"] == "2026-07-01 15:56"
    assert rows[0]["Owner"] == "Priya Shah"
    assert rows[0]["Name"].startswith("'=HYPERLINK")

    page.keyboard.press("Escape")  # closes the menu the CSV link was in
    page.locator("header").get_by_role("button", name="Actions").click()
    with page.expect_download() as xlsx_download:
        page.get_by_role("link", name="Download XLSX").click()
    assert xlsx_download.value.suggested_filename.endswith(".xlsx")
    sheet = load_workbook(io.BytesIO(xlsx_download.value.path().read_bytes())).active
    headings = [cell.value for cell in sheet[1]]
    values = dict(zip(headings, [cell.value for cell in sheet[2]], strict=True))

    assert values["Registered"] == datetime(2026, 7, 1, 15, 56)
    assert values["Owner"] == "Priya Shah"
    assert sheet["A1"].font.bold and sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["C"].width >= 30  # email


def test_lead_opens_the_equality_report_and_network_report_with_charts(live_demo_site, browser_page):
    page = browser_page
    sign_in_to_admin(page, live_demo_site, UserFactory(role=roles.DIVERSITY_LEADS))

    page.locator("#wagtail-sidebar").get_by_role("link", name="Equality monitoring").click()
    page.get_by_role("heading", name="Equality monitoring", level=1).wait_for()
    assert page.locator("svg.report-chart").count() >= 1
    assert_no_axe_violations(page)

    borough = SupportRequest.objects.exclude(borough=None).first().borough
    filters = page.locator("form.equality-report-filters")
    filters.get_by_label("Borough of residence").select_option(label=borough.name)
    filters.get_by_label("Registered").select_option(index=1)  # this quarter
    filters.get_by_role("button", name="Show these counts").click()
    page.get_by_text("rounded to the nearest 5").wait_for()
    assert f"borough={borough.pk}" in page.url
    assert page.locator("form.equality-report-filters select").first.input_value() != ""
    assert_no_axe_violations(page)

    page.locator("#wagtail-sidebar").get_by_role("button", name="Ambassador network").click()
    page.locator("#wagtail-sidebar").get_by_role("link", name="Network report").click()
    page.get_by_role("heading", name="Ambassador network report", level=1).wait_for()
    chart = page.locator("svg.report-chart").first
    box, labels = chart.bounding_box(), chart.locator("text").all()
    for label in labels:
        label_box = label.bounding_box()
        assert label_box["x"] >= box["x"] - 1, label.text_content()  # no label runs off the chart
    assert_no_axe_violations(page)
