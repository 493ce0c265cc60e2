"""The queue's cells written in Python (positive_action/table_columns.py) against Wagtail's cell templates."""

from datetime import timedelta

import pytest
from django.test.html import parse_html
from django.utils import timezone
from wagtail.admin.ui.tables import BaseColumn
from wagtail.admin.widgets import Button, ButtonWithDropdown

from home import roles
from home.models import Borough
from positive_action import table_columns
from tests.factories import UserFactory
from tests.helpers import soup

from .factories import SupportRequestFactory
from .test_queue import QUEUE, signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def queue(registration_page):
    """The demo site with its demo requests removed, so the table holds only each test's records."""
    return registration_page


@pytest.fixture
def records(queue):
    """Owner set and unset, dates set and missing, overdue and not, and text that needs escaping."""
    owner = UserFactory(username="ann&o'brien", role=roles.DIVERSITY_TEAM)
    borough = Borough.objects.create(name="Barking & <Dagenham>", slug="barking-dagenham")
    long_ago = timezone.now() - timedelta(days=40)
    return [
        SupportRequestFactory(name="<script>alert('x')</script>", owner=owner, borough=borough),
        SupportRequestFactory(name='Tom & Jerry "TJ"', created=long_ago),
        SupportRequestFactory(
            name="Amina Okafor",
            owner=owner,
            stage="contacted",
            next_contact_date=timezone.localdate() - timedelta(days=3),
        ),
        SupportRequestFactory(
            name="Kwame Mensah", next_contact_date=timezone.localdate() + timedelta(days=9)
        ),
    ]


def queue_table(client):
    signed_in(client, roles.DIVERSITY_LEADS)
    response = client.get(QUEUE)
    assert response.status_code == 200
    return response, response.context["table"]


def test_every_column_writes_its_cells_in_python(client, records):
    _response, table = queue_table(client)

    slow = [
        name
        for name, column in table.columns.items()
        if type(column).render_cell_html is BaseColumn.render_cell_html
    ]

    assert slow == [], "these columns still render a template per cell"


def test_cells_match_wagtails_templates(client, records):
    response, table = queue_table(client)
    rows = list(table.rows)
    assert {row.instance.pk for row in rows} == {record.pk for record in records}
    assert {row.instance.is_overdue for row in rows} == {True, False}

    for row in rows:
        parent_context = {"row": row, "table": table, "request": response.wsgi_request}
        for name, column in table.columns.items():
            written = column.render_cell_html(row.instance, parent_context)
            # BaseColumn.render_cell_html renders the column's cell_template, as Wagtail would.
            templated = BaseColumn.render_cell_html(column, row.instance, parent_context)
            assert parse_html(written) == parse_html(templated), (name, row.instance.name)


def test_overdue_rows_say_overdue_and_rows_on_time_say_nothing(client, records):
    response, table = queue_table(client)
    column = table.columns["is_overdue"]
    cells = {}
    for row in table.rows:
        parent_context = {"row": row, "table": table, "request": response.wsgi_request}
        cells[row.instance.is_overdue] = column.render_cell_html(row.instance, parent_context)

    assert "Overdue" in cells[True] and "support-overdue" in cells[True]
    assert parse_html(cells[False]) == parse_html("<td></td>")


def test_next_contact_in_the_future_says_how_far_off_it_is(records):
    day = timezone.localdate() + timedelta(days=6)

    assert table_columns.day_with_distance(day).endswith("(in 6 days)")
    assert table_columns.day_with_distance(timezone.localdate()).endswith("(today)")
    assert table_columns.day_with_distance(day - timedelta(days=9)).endswith("(3 days ago)")


def test_names_are_escaped(client, records):
    response, _table = queue_table(client)
    html = response.content.decode()

    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert "Tom &amp; Jerry &quot;TJ&quot;" in html
    assert "ann&amp;o&#x27;brien" in html
    assert "Barking &amp; &lt;Dagenham&gt;" in html


def test_queue_shows_rows_with_record_links_checkboxes_and_sorting_headers(client, records):
    response, _table = queue_table(client)
    page = soup(response)

    for record in records:
        title = page.find(id=f"snippet_{record.pk}_title")
        assert title.get_text() == record.reference
        assert title.find_parent("a")["href"] == f"{QUEUE}inspect/{record.pk}/"
        checkbox = page.find("input", attrs={"data-object-id": str(record.pk)})
        assert checkbox["aria-describedby"] == f"snippet_{record.pk}_title"
        assert "bulk-action-checkbox" in checkbox["class"]
    assert page.select("tbody td.title ul.actions .w-dropdown"), "the row's More options menu"
    sort_links = {a["href"] for a in page.select("thead th a")}
    for key in [
        "reference",
        "name",
        "borough__name",
        "stage",
        "owner__first_name",
        "created",
        "next_contact_date",
    ]:
        assert f"{QUEUE}?ordering={key}" in sort_links, key


def test_date_cell_reads_as_time_ago_with_the_exact_date_as_tooltip(records):
    registered = timezone.now() - timedelta(days=3)

    html = table_columns.human_readable_date(registered)

    assert ">3\xa0days ago<" in html
    assert f'datetime="{timezone.localtime(registered).isoformat()}"' in html
    assert 'data-controller="w-tooltip"' in html


class CustomButton(Button):
    """A button a hook might add, with its own template."""

    template_name = "wagtailadmin/shared/icon.html"

    def get_context_data(self, parent_context):
        return {"name": "warning", "classname": "icon", "title": self.label}


def test_row_buttons_match_wagtails_templates_and_other_buttons_render_themselves():
    menu = ButtonWithDropdown(
        label="Actions & more",
        classname="extra",
        attrs={"data-x": "1", "aria-label": "Actions for 'A & B'"},
        buttons=[
            Button("Edit <now>", "/edit/?a=1&b=2", icon_name="edit", attrs={"rel": "nofollow"}, priority=20),
            Button("Plain", "/plain/", priority=10),
            CustomButton("Flag & report", "/flag/"),
        ],
    )

    for button in [menu, ButtonWithDropdown(buttons=[Button("Only", "/only/")], icon_name="dots-horizontal")]:
        written = table_columns.button_html(button, {})
        assert parse_html(written) == parse_html(button.render_html({}))
    assert "Flag &amp; report" in table_columns.button_html(menu, {})
