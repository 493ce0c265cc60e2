"""The queue's table columns, writing their cells in Python.

Wagtail renders every table cell through a Django template. At 50 rows and 9 columns that was about half
of the queue's server time (docs/performance.md, "Queue table cells"). These subclasses keep Wagtail's
cell context (values, labels, links, buttons) and write the markup of its cell templates with
format_html, which escapes every value. tests/positive_action/test_table_columns.py compares each cell
with Wagtail's template, so a Wagtail upgrade that changes one fails there rather than in the browser.

The title cell's "More options" menu is written in Python too while it holds Wagtail's plain buttons;
a button of any other class (hooks can add them) renders through its own template.
"""

import datetime

from django.contrib.admin.utils import quote
from django.template.defaultfilters import date as date_filter
from django.utils.formats import get_format, localize
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from django.utils.timezone import template_localtime
from django.utils.translation import gettext
from wagtail.admin.templatetags.wagtailadmin_tags import timesince_simple
from wagtail.admin.ui import tables
from wagtail.admin.widgets import Button, ButtonWithDropdown

from .days import day_with_distance


def as_in_template(value):
    """What `{{ value }}` prints before escaping: datetimes in local time, numbers and dates localised."""
    return localize(template_localtime(value))


def attrs_html(attrs):
    """wagtailadmin/shared/attrs.html: in the dict's order, True as a bare name, False left out."""
    return format_html_join(
        "",
        "{}",
        (
            (format_html(" {}", name) if value is True else format_html(' {}="{}"', name, value),)
            for name, value in attrs.items()
            if value is not False
        ),
    )


def td(column, content):
    if column.classname:
        return format_html('<td class="{}">{}</td>', column.classname, content)
    return format_html("<td>{}</td>", content)


def icon(name, classname="icon", title=""):
    """wagtailadmin/shared/icon.html, with screen-reader text when there is a title."""
    svg = format_html(
        '<svg class="icon icon-{} {}" aria-hidden="true"><use href="#icon-{}"></use></svg>',
        name,
        classname,
        name,
    )
    if title:
        return format_html('{}<span class="w-sr-only">{}</span>', svg, title)
    return svg


def button_html(button, context):
    """A row's "More options" menu and the links in it, as wagtailadmin/shared/button_with_dropdown.html,
    dropdown/dropdown.html and button.html write them. Any other button (hooks can add their own
    classes and templates) renders itself."""
    if type(button) is Button and button.template_name == Button.template_name:
        return format_html(
            '<a href="{}" class="{}" {}>{}{}</a>',
            button.url,
            button.classname,
            button.base_attrs_string,
            icon(button.icon_name) if button.icon_name else "",
            button.label,
        )
    if type(button) is ButtonWithDropdown and button.template_name == ButtonWithDropdown.template_name:
        toggle_classes = [
            "w-dropdown__toggle",
            "" if button.label else "w-dropdown__toggle--icon",
            button.classname,
        ]
        return format_html(
            '<div data-controller="w-dropdown" class="w-dropdown" {}>'
            '<button type="button" class="{}" data-w-dropdown-target="toggle"{}>{}{}</button>'
            '<div data-w-dropdown-target="content" class="w-dropdown__content" hidden>{}</div>'
            "</div>",
            button.base_attrs_string,
            " ".join(name for name in toggle_classes if name),
            format_html(' aria-label="{}"', button.aria_label) if button.aria_label else "",
            button.label,
            icon(button.icon_name or "arrow-down", "w-dropdown__toggle-icon"),
            format_html_join(
                "", "{}", ((button_html(item, context),) for item in sorted(button.dropdown_buttons))
            ),
        )
    return button.render_html(context)


def human_readable_date(value):
    """wagtailadmin/shared/human_readable_date.html: "3 days ago", the exact date as a tooltip."""
    if isinstance(value, datetime.datetime):
        tooltip_format = get_format("DATETIME_FORMAT") or "N j, Y, P"
    else:
        tooltip_format = get_format("DATE_FORMAT") or "N j, Y"
    local = template_localtime(value)
    return format_html(
        '<button type="button" class="w-human-readable-date" data-controller="w-tooltip"'
        ' data-w-tooltip-content-value="{}" data-w-tooltip-placement-value="top">'
        '<time class="w-human-readable-date__date" datetime="{}">{}</time>'
        "</button>",
        date_filter(local, tooltip_format),
        date_filter(local, "c"),
        capfirst(timesince_simple(value)),
    )


class Column(tables.Column):
    """wagtailadmin/tables/cell.html"""

    def render_cell_html(self, instance, parent_context):
        value = self.get_cell_context_data(instance, parent_context)["value"]
        return td(self, "" if value is None else as_in_template(value))


class DateColumn(tables.DateColumn):
    """wagtailadmin/tables/date_cell.html"""

    def render_cell_html(self, instance, parent_context):
        value = self.get_cell_context_data(instance, parent_context)["value"]
        return td(self, human_readable_date(value) if value else "")


class OverdueColumn(tables.Column):
    """An "Overdue" tag on a row that is overdue and nothing on one that is not: Wagtail's boolean icons
    show a green tick for True, which reads as "all is well"."""

    cell_template_name = "positive_action/admin/cells/overdue.html"

    def render_cell_html(self, instance, parent_context):
        if self.get_cell_context_data(instance, parent_context)["value"]:
            return td(
                self, format_html('<span class="w-status support-overdue">{}</span>', gettext("Overdue"))
            )
        return td(self, "")


class NextContactColumn(tables.Column):
    """A next-contact date with how far off it is ("Mon 7 Dec 2026 (in 6 days)"): Wagtail's date cell
    counts only backwards and shows every future date as "just now"."""

    cell_template_name = "positive_action/admin/cells/next_contact.html"

    def render_cell_html(self, instance, parent_context):
        day = self.get_cell_context_data(instance, parent_context)["value"]
        if not day:
            return td(self, "")
        return td(self, format_html('<time datetime="{}">{}</time>', day.isoformat(), day_with_distance(day)))


class TitleColumn(tables.TitleColumn):
    """wagtailadmin/tables/title_cell.html: the title linked to the row's page, then the row's buttons."""

    def render_cell_html(self, instance, parent_context):
        context = self.get_cell_context_data(instance, parent_context)
        title = as_in_template(context["value"])
        if context["title_id"]:
            title = format_html('<span id="{}">{}</span>', context["title_id"], title)
        if context["link_url"]:
            title = format_html("<a{}>{}</a>", attrs_html(context["link_attrs"]), title)
        elif context["label_id"]:
            title = format_html('<label for="{}">{}</label>', context["label_id"], title)
        actions = ""
        if buttons := context.get("buttons"):
            shown = ((button_html(button, context),) for button in buttons if button.show)
            actions = format_html('<ul class="actions">{}</ul>', format_html_join("", "<li>{}</li>", shown))
        classname = f"{self.classname} title" if self.classname else "title"
        return format_html(
            '<td class="{}"><div class="title-wrapper">{}</div>{}</td>', classname, title, actions
        )


class BulkActionsCheckboxColumn(tables.BulkActionsCheckboxColumn):
    """wagtailadmin/bulk_actions/listing_checkbox_cell.html, for snippets."""

    def render_cell_html(self, instance, parent_context):
        if self.obj_type == "page":
            # A page's checkbox also carries its live status; the template writes that.
            return super().render_cell_html(instance, parent_context)
        return format_html(
            '<td class="bulk-action-checkbox-cell"><input type="checkbox" data-object-id="{}"'
            ' data-bulk-action-checkbox class="bulk-action-checkbox" aria-label="{}"'
            ' aria-describedby="{}" /></td>',
            quote(str(instance.pk)),
            gettext("Select"),
            self.get_aria_describedby(instance),
        )
