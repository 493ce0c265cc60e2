"""The one export sanitiser (recruitment_site.core.spreadsheets) and every export that goes through it."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.urls import reverse
from wagtail.log_actions import log

from ambassadors_network.models import Ambassador
from home import roles
from positive_action.models import SupportRequest
from recruitment_site.core.spreadsheets import csv_lines, formula_safe, safe_cell
from tests.ambassadors_network.factories import AmbassadorFactory
from tests.factories import UserFactory
from tests.positive_action.factories import SupportRequestFactory

EVIL = '=HYPERLINK("http://evil.example","x")'


@pytest.mark.parametrize(
    "typed",
    [EVIL, "+SUM(A1:A9)", "-2+3+cmd|' /C calc'!A0", "@SUM(1)", "\t=1", "\r=1", "=1+2", "+44 20 7946 0000=A1"],
)
def test_a_cell_a_spreadsheet_would_run_is_made_inert(typed):
    assert formula_safe(typed) == "'" + typed


@pytest.mark.parametrize(
    "typed",
    ["Amina Okafor", "+44 20 7946 0000", "+44 (0)20 7946-0000", "-", "020 7946 0123", "O'Neill", ""],
)
def test_ordinary_values_and_telephone_numbers_stay_as_typed(typed):
    assert formula_safe(typed) == typed


def test_numbers_and_dates_keep_their_type():
    when = datetime.date(2026, 7, 1)
    assert safe_cell(3) == 3 and safe_cell(when) is when and safe_cell(None) is None


def test_csv_lines_make_every_cell_inert():
    rows = list(csv.reader(io.StringIO("".join(csv_lines(["Name", "Count"], [[EVIL, 2]])))))

    assert rows == [["Name", "Count"], ["'" + EVIL, "2"]]


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def csv_cells(response):
    return [cell for row in csv.reader(io.StringIO(body(response).decode())) for cell in row]


def xlsx_cells(response):
    sheet = openpyxl.load_workbook(io.BytesIO(body(response))).active
    return [cell for row in sheet.iter_rows() for cell in row]


@pytest.fixture
def lead_client(client, demo_site):
    SupportRequest.objects.all().delete()
    Ambassador.objects.all().delete()
    client.force_login(UserFactory(role=roles.DIVERSITY_LEADS))
    return client


def test_support_queue_csv_and_xlsx_exports_are_inert(lead_client):
    SupportRequestFactory(name=EVIL, phone="+44 20 7946 0000")

    csv_export = csv_cells(lead_client.get("/admin/support-queue/?export=csv"))
    xlsx_export = xlsx_cells(lead_client.get("/admin/support-queue/?export=xlsx"))

    assert "'" + EVIL in csv_export and EVIL not in csv_export
    assert "+44 20 7946 0000" in csv_export
    names = [cell for cell in xlsx_export if "HYPERLINK" in str(cell.value)]
    assert [(cell.data_type, cell.value) for cell in names] == [("s", "'" + EVIL)]
    assert "+44 20 7946 0000" in [cell.value for cell in xlsx_export]


def test_ambassador_list_export_is_inert(lead_client):
    AmbassadorFactory(name=EVIL, organisation="@Mosque committee")

    cells = csv_cells(lead_client.get(reverse("ambassadors:export")))

    assert "'" + EVIL in cells and "'@Mosque committee" in cells and EVIL not in cells


def test_site_history_export_is_inert(lead_client):
    # An audit entry written before labels became references carries the person's name as typed.
    ambassador = AmbassadorFactory(name=EVIL)
    log(instance=ambassador, action="ambassadors.view_record", title=EVIL)

    csv_export = " ".join(csv_cells(lead_client.get("/admin/reports/site-history/?export=csv")))
    xlsx_export = xlsx_cells(lead_client.get("/admin/reports/site-history/?export=xlsx"))

    assert "'" + EVIL in csv_export and " =" not in csv_export
    assert all(cell.data_type != "f" and not str(cell.value or "").startswith("=") for cell in xlsx_export)
