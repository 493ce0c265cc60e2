"""The queue stays cheap as it grows: a fixed number of queries per page and an export that streams."""

import csv
import io
from unittest import mock

import openpyxl
import pytest
from django.db import connection
from django.db.models.query import QuerySet
from django.http import StreamingHttpResponse
from django.test.utils import CaptureQueriesContext

from home import roles
from positive_action.models import SupportRequest
from recruitment_site.devtools.synthetic import make_synthetic_records
from tests.factories import UserFactory
from tests.helpers import soup

pytestmark = pytest.mark.django_db

QUEUE = "/admin/support-queue/"
PAGES = [
    QUEUE,
    QUEUE + "?overdue=false&has_referral_code=false",
    QUEUE + "?q=synthetic.invalid",
    QUEUE + "?ordering=next_contact_date",
]


@pytest.fixture
def lead(client, registration_page):
    user = UserFactory(role=roles.DIVERSITY_LEADS)
    client.force_login(user)
    return user


def queries_for(client, url):
    client.get(url)  # warm per-process caches (site settings, permissions) before counting
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    assert "synthetic.invalid" in response.content.decode() or "SY-" in response.content.decode()
    return len(queries)


def exported_rows(response):
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


@pytest.mark.parametrize("url", PAGES)
def test_queue_pages_make_the_same_few_queries_for_10_and_100_records(client, lead, url):
    make_synthetic_records(support_requests=10, ambassadors=5)
    with_10 = queries_for(client, url)
    make_synthetic_records(support_requests=100, ambassadors=5)
    with_100 = queries_for(client, url)

    assert with_10 == with_100
    # 20 before every list view was audited; the audit entry costs one SELECT of the page's references
    # and one INSERT (AuditedListMixin), whatever the number of records.
    assert with_100 <= 22


def test_export_streams_every_row_with_the_same_queries_for_10_and_100_records(client, lead):
    make_synthetic_records(support_requests=10, ambassadors=5)
    in_queue_10 = SupportRequest.objects.in_queue().count()
    with CaptureQueriesContext(connection) as queries_10:
        rows_10 = exported_rows(client.get(QUEUE + "?export=csv"))
    make_synthetic_records(support_requests=100, ambassadors=5)
    in_queue_100 = SupportRequest.objects.in_queue().count()
    with CaptureQueriesContext(connection) as queries_100:
        response = client.get(QUEUE + "?export=csv")
        rows_100 = exported_rows(response)

    assert isinstance(response, StreamingHttpResponse)
    assert len(rows_10) == 1 + in_queue_10 and len(rows_100) == 1 + in_queue_100
    assert len(queries_10) == len(queries_100)


def xlsx_rows(response):
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
    return list(workbook.active.values)


@pytest.mark.parametrize(("spreadsheet", "read_rows"), [("csv", exported_rows), ("xlsx", xlsx_rows)])
def test_export_reads_rows_in_chunks_instead_of_caching_the_whole_queue(client, lead, spreadsheet, read_rows):
    make_synthetic_records(support_requests=120, ambassadors=5)
    in_queue = SupportRequest.objects.in_queue().count()
    client.get(QUEUE)  # load sessions, permissions and settings, which are small querysets

    # Evaluating the queue queryset (len(), `for row in queryset`) fills its cache through _fetch_all,
    # holding every row in memory at once; the export must only ever read rows through the iterator.
    fetch_all = QuerySet._fetch_all

    def refuse_support_requests(queryset):
        assert queryset.model is not SupportRequest, "the export loaded the whole queue at once"
        return fetch_all(queryset)

    with (
        mock.patch("positive_action.views.queue.EXPORT_CHUNK_SIZE", 25),
        mock.patch.object(QuerySet, "_fetch_all", refuse_support_requests),
    ):
        response = client.get(f"{QUEUE}?export={spreadsheet}")
        assert response.streaming
        rows = read_rows(response)

    assert len(rows) == 1 + in_queue


def listed_references(response):
    return [cell.get_text(strip=True) for cell in soup(response).select("tbody td.title .title-wrapper a")]


def test_queue_filtered_by_several_stages_lists_each_record_once_without_distinct(client, lead):
    make_synthetic_records(support_requests=40, ambassadors=5)
    stages = ["new", "contacted", "in_support"]
    expected = SupportRequest.objects.in_queue().filter(stage__in=stages).values_list("reference", flat=True)
    url = QUEUE + "?" + "&".join(f"stage={stage}" for stage in stages)

    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)

    listed = listed_references(response)
    assert 0 < len(listed) == len(set(listed)) == len(expected)
    assert set(listed) == set(expected)
    queue_sql = [
        query["sql"] for query in queries.captured_queries if "positive_action_supportrequest" in query["sql"]
    ]
    assert queue_sql and not [sql for sql in queue_sql if "DISTINCT" in sql.upper()]
