import django_filters
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet

from home.models import Borough
from recruitment_site.core.contact import INTERPRETER_WANTED, language_field_choices

from .choices import HeardAbout, Stage, SupportType
from .models import SupportRequest, SupportSettings
from .team import staff_name, team_members

OUTSIDE = "outside"

# Apps above this one add filters to the support queue: ``@hooks.register(QUEUE_FILTERS_HOOK)`` with a
# function returning ``{name: filter}``. They are placed after the referral filters, where they belong
# when they are about who referred the person.
QUEUE_FILTERS_HOOK = "support_queue_filters"


def owner_choices():
    people = [(str(user.pk), staff_name(user)) for user in team_members()]
    return [("mine", _("Mine")), ("unassigned", _("Unassigned"))] + people


def yes_no_filter(**kwargs):
    """A yes/no filter that reads "Any" when unset (django-filter's own says "Unknown")."""
    choices = [("", _("Any")), ("true", _("Yes")), ("false", _("No"))]
    return django_filters.BooleanFilter(widget=forms.Select(choices=choices), **kwargs)


def borough_choices():
    return [(borough.slug, borough.name) for borough in Borough.objects.all()] + [
        (OUTSIDE, _("Outside the force area"))
    ]


class SupportRequestFilterSet(WagtailFilterSet):
    # A column of the row itself cannot repeat a row, so no DISTINCT (django-filter adds one by default
    # to multiple-choice filters, and over every column of 100,000 records it doubled the page's SQL time).
    stage = django_filters.MultipleChoiceFilter(
        label=_("Stage"), choices=Stage.choices, widget=forms.CheckboxSelectMultiple, distinct=False
    )
    borough = django_filters.ChoiceFilter(
        label=_("Borough"), choices=borough_choices, method="filter_borough"
    )
    support_wanted = django_filters.ChoiceFilter(
        label=_("Support wanted"), choices=SupportType.choices, method="filter_support"
    )
    owner = django_filters.ChoiceFilter(label=_("Owner"), choices=owner_choices, method="filter_owner")
    created = django_filters.DateFromToRangeFilter(label=_("Registered"), widget=DateRangePickerWidget)
    heard_about = django_filters.ChoiceFilter(label=_("Referral source"), choices=HeardAbout.choices)
    contact_language = django_filters.ChoiceFilter(
        label=_("Preferred language"), choices=language_field_choices()
    )
    interpreter_wanted = yes_no_filter(
        label=_("Interpreter wanted"),
        help_text=_("Yes includes those who were not sure"),
        method="filter_interpreter_wanted",
    )
    has_referral_code = yes_no_filter(label=_("Came through a referral link"), method="filter_referral_code")
    overdue = yes_no_filter(label=_("Overdue"), method="filter_overdue")
    due_today = yes_no_filter(label=_("Next contact is today"), method="filter_due_today")
    needs_spam_review = yes_no_filter(
        label=_("Spam review"),
        help_text=_("Yes shows only submissions waiting for spam review; they are hidden otherwise"),
    )

    class Meta:
        model = SupportRequest
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters = self.with_filters_from_hooks(self.filters)

    def with_filters_from_hooks(self, filters):
        added = {}
        for filters_for_queue in hooks.get_hooks(QUEUE_FILTERS_HOOK):
            added.update(filters_for_queue())
        for filter_ in added.values():
            filter_.model = self.queryset.model
            filter_.parent = self
        ordered = {}
        for name, filter_ in filters.items():
            ordered[name] = filter_
            if name == "has_referral_code":
                ordered.update(added)
        return ordered

    def filter_borough(self, queryset, name, value):
        if value == OUTSIDE:
            return queryset.filter(borough__isnull=True)
        return queryset.filter(borough__slug=value)

    def filter_support(self, queryset, name, value):
        return queryset.wanting(value)

    def filter_owner(self, queryset, name, value):
        if value == "mine":
            return queryset.filter(owner=self.request.user)
        if value == "unassigned":
            return queryset.filter(owner__isnull=True)
        return queryset.filter(owner_id=value)

    def filter_interpreter_wanted(self, queryset, name, value):
        return (
            queryset.wanting_interpreter() if value else queryset.exclude(interpreter__in=INTERPRETER_WANTED)
        )

    def filter_referral_code(self, queryset, name, value):
        return queryset.filter(referral_code__isnull=not value)

    def filter_due_today(self, queryset, name, value):
        today = timezone.localdate()
        return (
            queryset.filter(next_contact_date=today) if value else queryset.exclude(next_contact_date=today)
        )

    def filter_overdue(self, queryset, name, value):
        days = SupportSettings.for_request(self.request).first_contact_working_days
        condition = SupportRequest.objects.overdue_condition(days)
        return queryset.filter(condition) if value else queryset.exclude(condition)
