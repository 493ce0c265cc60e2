"""The events listing's filters, a django-filter FilterSet like the support queue's: a plain GET form, so
filtered listings work without JavaScript and can be shared as links. Anything a visitor types into the address bar goes through this form before it reaches
a query; unknown values are reported, never echoed back at length and never passed to the database."""

import datetime
import functools
import re

import django_filters
from dateutil.relativedelta import relativedelta
from django import forms
from django.apps import apps
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_filters.fields import ChoiceField

from home.choices import AttendanceMode, EventType
from recruitment_site.core.dates import LONDON

MONTH_PATTERN = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})$")
MONTHS_OFFERED = 12
# Months outside this window are refused as malformed rather than queried.
EARLIEST_YEAR, LATEST_YEAR = 2000, 2100
FILTER_NAMES = ("type", "borough", "community", "mode", "month")


def parse_month(value):
    """(year, month) for "YYYY-MM" within the supported years, else None."""
    match = MONTH_PATTERN.match(value or "")
    if not match:
        return None
    year, month = int(match["year"]), int(match["month"])
    if not (EARLIEST_YEAR <= year <= LATEST_YEAR and 1 <= month <= 12):
        return None
    return year, month


def shift_month(year, month, offset):
    shifted = datetime.date(year, month, 1) + relativedelta(months=offset)
    return shifted.year, shifted.month


def month_choices(archive, today=None):
    """The coming twelve months for the listing, the last twelve for the archive, as (value, label)."""
    today = today or timezone.localdate(timezone=LONDON)
    return list(months_from(today, archive, get_language()))


@functools.lru_cache(maxsize=16)
def months_from(today, archive, language):
    # Every listing request asks twice (form and page); the answer changes once a day.
    offsets = range(0, -MONTHS_OFFERED, -1) if archive else range(MONTHS_OFFERED)
    choices = []
    for offset in offsets:
        year, month = shift_month(today.year, today.month, offset)
        label = date_format(datetime.date(year, month, 1), "YEAR_MONTH_FORMAT")
        choices.append((f"{year:04d}-{month:02d}", label))
    return tuple(choices)


class MonthField(ChoiceField):
    """Offers a year of months in a select, and accepts any well-formed month from a shared link."""

    def valid_value(self, value):
        return parse_month(value) is not None


class MonthFilter(django_filters.ChoiceFilter):
    field_class = MonthField


class EventFilterForm(forms.Form):
    """The form the filter set draws: styled inputs, and each error tied to its control."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs["class"] = "form-input"

    def full_clean(self):
        super().full_clean()
        # Screen readers announce the error with the control it belongs to.
        for name in self.errors:
            if name in self.fields:
                self.fields[name].widget.attrs["aria-describedby"] = f"{self[name].id_for_label}-error"


def active_boroughs():
    # The model by name: the event pages import this module. Read only when a value is checked or the
    # select is drawn: the listing keeps its drawn filters in the cache (home/caching.py) and then
    # needs no query for them.
    return list(apps.get_model("home", "Borough").objects.active().values_list("slug", "name"))


def active_communities():
    return list(apps.get_model("home", "Community").objects.active().values_list("slug", "name"))


def choice_filter(label, choices, message, method, filter_class=django_filters.ChoiceFilter):
    return filter_class(
        label=label,
        choices=choices,
        method=method,
        empty_label=_("Any"),
        error_messages={"invalid_choice": message},
    )


class EventFilterSet(django_filters.FilterSet):
    type = choice_filter(
        _("Type of event"), EventType.choices, _("Choose a type of event from the list."), "filter_type"
    )
    borough = choice_filter(
        _("Borough"), active_boroughs, _("Choose a borough from the list."), "filter_borough"
    )
    community = choice_filter(
        _("Community"), active_communities, _("Choose a community from the list."), "filter_community"
    )
    mode = choice_filter(
        _("How you attend"),
        AttendanceMode.choices,
        _("Choose in person, online or both from the list."),
        "filter_mode",
    )
    month = choice_filter(_("Month"), [], _("Choose a month from the list."), "filter_month", MonthFilter)

    class Meta:
        form = EventFilterForm

    def __init__(self, data=None, queryset=None, *, archive=False, **kwargs):
        super().__init__(data, queryset, **kwargs)
        offered = month_choices(archive)
        self.filters["month"].extra["choices"] = offered + self.shared_month_choice(offered)

    def shared_month_choice(self, offered):
        """A well-formed month from a shared link that the select does not offer, so it shows as chosen."""
        value = self.data.get("month", "")
        month = parse_month(value)
        if month is None or value in {choice for choice, _label in offered}:
            return []
        return [(value, date_format(datetime.date(*month, 1), "YEAR_MONTH_FORMAT"))]

    def filter_type(self, events, name, value):
        return events.of_type(value)

    def filter_borough(self, events, name, value):
        return events.in_borough(value)

    def filter_community(self, events, name, value):
        return events.for_community(value)

    def filter_mode(self, events, name, value):
        return events.with_attendance_mode(value)

    def filter_month(self, events, name, value):
        return events.in_month(*parse_month(value))

    def active_filters(self):
        """The valid, non-empty filters as query parameters, for pagination and feed links."""
        cleaned = getattr(self.form, "cleaned_data", {})
        return {name: cleaned[name] for name in FILTER_NAMES if cleaned.get(name)}
