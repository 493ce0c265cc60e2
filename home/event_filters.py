"""The events listing's filters: a plain GET form, so filtered listings work without JavaScript and can be
shared as links. Anything a visitor types into the address bar goes through this form before it reaches
a query; unknown values are reported, never echoed back at length and never passed to the database."""

import datetime
import functools
import re

from dateutil.relativedelta import relativedelta
from django import forms
from django.apps import apps
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

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
        label = date_format(datetime.date(year, month, 1), "F Y")
        choices.append((f"{year:04d}-{month:02d}", label))
    return tuple(choices)


class MonthField(forms.ChoiceField):
    """Offers a year of months in a select, and accepts any well-formed month from a shared link."""

    def valid_value(self, value):
        return parse_month(value) is not None


class EventFilterForm(forms.Form):
    type = forms.ChoiceField(
        label=_("Type of event"),
        required=False,
        error_messages={"invalid_choice": _("Choose a type of event from the list.")},
    )
    borough = forms.ChoiceField(
        label=_("Borough"),
        required=False,
        error_messages={"invalid_choice": _("Choose a borough from the list.")},
    )
    community = forms.ChoiceField(
        label=_("Community"),
        required=False,
        error_messages={"invalid_choice": _("Choose a community from the list.")},
    )
    mode = forms.ChoiceField(
        label=_("How you attend"),
        required=False,
        error_messages={"invalid_choice": _("Choose in person, online or both from the list.")},
    )
    month = MonthField(
        label=_("Month"),
        required=False,
        error_messages={"invalid_choice": _("Choose a month from the list.")},
    )

    def __init__(self, data=None, *, archive=False, **kwargs):
        super().__init__(data, **kwargs)
        any_choice = [("", _("Any"))]
        self.fields["type"].choices = any_choice + list(EventType.choices)
        # Models by name: the event pages import this module. Callables, read only when a value is checked or the select is drawn: the listing keeps its
        # drawn filters in the cache (home/fragment_cache.py) and then needs no query for them.
        self.fields["borough"].choices = lambda: (
            any_choice + list(apps.get_model("home", "Borough").objects.active().values_list("slug", "name"))
        )
        self.fields["community"].choices = lambda: (
            any_choice
            + list(apps.get_model("home", "Community").objects.active().values_list("slug", "name"))
        )
        self.fields["mode"].choices = any_choice + list(AttendanceMode.choices)
        self.fields["month"].choices = any_choice + month_choices(archive) + self.shared_month_choice()
        for field in self.fields.values():
            field.widget.attrs["class"] = "form-input"

    def full_clean(self):
        super().full_clean()
        # Screen readers announce the error with the control it belongs to.
        for name in self.errors:
            if name in self.fields:
                self.fields[name].widget.attrs["aria-describedby"] = f"{self[name].id_for_label}-error"

    def shared_month_choice(self):
        """A well-formed month from a shared link that the select does not offer, so it shows as chosen."""
        value = self.data.get("month", "") if self.is_bound else ""
        month = parse_month(value)
        offered = {choice for choice, _label in self.fields["month"].choices}
        if month is None or value in offered:
            return []
        return [(value, date_format(datetime.date(*month, 1), "F Y"))]

    def filter(self, events):
        """Apply the filters that are valid; an invalid one is left out and reported by the page."""
        cleaned = getattr(self, "cleaned_data", {})
        if cleaned.get("type"):
            events = events.of_type(cleaned["type"])
        if cleaned.get("borough"):
            events = events.in_borough(cleaned["borough"])
        if cleaned.get("community"):
            events = events.for_community(cleaned["community"])
        if cleaned.get("mode"):
            events = events.with_attendance_mode(cleaned["mode"])
        if cleaned.get("month"):
            events = events.in_month(*parse_month(cleaned["month"]))
        return events

    def active_filters(self):
        """The valid, non-empty filters as query parameters, for pagination and feed links."""
        cleaned = getattr(self, "cleaned_data", {})
        return {name: cleaned[name] for name in FILTER_NAMES if cleaned.get(name)}
