"""Reports > Site history after exports and list views, and who may export it."""

import csv
import io

import openpyxl
import pytest
from django.urls import reverse
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from home import roles
from positive_action.audit import LIST_OBJECT_ID, audit_list
from positive_action.models import SupportRequest
from tests.ambassadors_network.factories import AmbassadorFactory
from tests.factories import SuperuserFactory, UserFactory
from tests.helpers import soup

from .factories import SupportRequestFactory

pytestmark = pytest.mark.django_db

SITE_HISTORY = "/admin/reports/site-history/"
QUEUE = "/admin/support-queue/"


def signed_in(client, role):
    user = UserFactory(role=role)
    client.force_login(user)
    return user


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture
def exported_and_listed(client, registration_page):
    """A lead exports the support queue and the ambassador list and opens the equality report (a list
    view): each writes an audit entry about a whole list."""
    SupportRequestFactory(name="Grace Adeyemi")
    signed_in(client, roles.DIVERSITY_LEADS)
    assert client.get(QUEUE + "?export=csv").status_code == 200
    assert client.get(reverse("ambassadors:export")).status_code == 200
    assert client.get(reverse("support_queue:equality")).status_code == 200
    client.logout()
    return ModelLogEntry.objects.filter(object_id=LIST_OBJECT_ID)


def test_the_url_reaches_the_project_view_at_wagtails_address():
    assert reverse("wagtailadmin_reports:site_history") == SITE_HISTORY


@pytest.mark.parametrize("role", [roles.DIVERSITY_LEADS, roles.DIVERSITY_TEAM, roles.EDITORS])
def test_site_history_opens_after_exports_and_list_views(client, exported_and_listed, role):
    assert exported_and_listed.count() == 3
    signed_in(client, role)

    response = client.get(SITE_HISTORY)
    results = client.get(SITE_HISTORY + "results/")

    assert response.status_code == 200 and results.status_code == 200


def test_leads_and_admins_see_the_exports_listed(client, exported_and_listed):
    for user in (UserFactory(role=roles.DIVERSITY_LEADS), SuperuserFactory()):
        client.force_login(user)
        text = soup(client.get(SITE_HISTORY)).get_text(" ", strip=True)
        assert "Exported personal data" in text and "Exported the ambassador list" in text


def test_list_entries_point_at_no_record(registration_page):
    record = SupportRequestFactory()
    entry = audit_list(SupportRequest, "recruitment.exported", None)

    assert entry.object_id == LIST_OBJECT_ID != str(record.pk)
    assert not SupportRequest.objects.filter(pk=int(entry.object_id)).exists()


def test_leads_export_site_history_and_the_export_is_logged(client, exported_and_listed):
    lead = signed_in(client, roles.DIVERSITY_LEADS)

    csv_response = client.get(SITE_HISTORY + "?export=csv")
    xlsx_response = client.get(SITE_HISTORY + "?export=xlsx")

    assert csv_response.status_code == 200 and xlsx_response.status_code == 200
    rows = list(csv.reader(io.StringIO(body(csv_response).decode())))
    assert any("Exported personal data" in row for row in rows)
    assert (
        ModelLogEntry.objects.filter(
            action="recruitment.exported", user=lead, data__report="site history"
        ).count()
        == 2
    )


@pytest.mark.parametrize("role", [roles.DIVERSITY_TEAM, roles.EDITORS, roles.MODERATORS])
def test_only_leads_and_admins_may_export_site_history(client, exported_and_listed, role):
    signed_in(client, role)

    page = client.get(SITE_HISTORY).content.decode()

    assert client.get(SITE_HISTORY + "?export=csv").status_code == 403
    assert client.get(SITE_HISTORY + "?export=xlsx").status_code == 403
    assert client.get(SITE_HISTORY + "results/?export=csv").status_code == 403
    assert "export=csv" not in page and "export=xlsx" not in page


def test_site_history_export_makes_names_in_labels_inert(client, registration_page):
    # Labels are references now, but an entry written before that (its label the person's name, as typed)
    # may still be in the log: the export must not hand it to a spreadsheet as a formula.
    hostile = '=HYPERLINK("http://evil.example","x")'
    ambassador = AmbassadorFactory(name=hostile)
    lead = signed_in(client, roles.DIVERSITY_LEADS)
    log(instance=ambassador, action="ambassadors.view_record", user=lead, title=hostile)

    rows = list(csv.reader(io.StringIO(body(client.get(SITE_HISTORY + "?export=csv")).decode())))
    sheet = openpyxl.load_workbook(io.BytesIO(body(client.get(SITE_HISTORY + "?export=xlsx")))).active

    assert [row[1] for row in rows if row[2] == "Ambassador"] == [f"'{hostile}"]
    labels = [cell for cell in sheet["B"] if "HYPERLINK" in str(cell.value)]
    assert labels and all(cell.data_type == "s" and cell.value.startswith("'=") for cell in labels)
