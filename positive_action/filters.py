import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet

from ambassadors_network.filters import ambassador_referral_filter
from home.models import Borough
from home.roles import PERSONAL_DATA_ROLES

from .choices import HeardAbout, Stage, SupportType
from .models import SupportRequest, SupportSettings

OUTSIDE = "outside"


def team_members():
    return (
        get_user_model().objects.filter(groups__name__in=PERSONAL_DATA_ROLES).distinct().order_by("username")
    )


def owner_choices():
    people = [(str(user.pk), user.get_full_name() or user.get_username()) for user in team_members()]
    return [("mine", _("Mine")), ("unassigned", _("Unassigned"))] + people


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
    has_referral_code = django_filters.BooleanFilter(
        label=_("Came through a referral link"), method="filter_referral_code"
    )
    ambassador = ambassador_referral_filter()
    overdue = django_filters.BooleanFilter(label=_("Overdue"), method="filter_overdue")
    needs_spam_review = django_filters.BooleanFilter(
        label=_("Spam review"),
        help_text=_("Yes shows only submissions waiting for spam review; they are hidden otherwise"),
    )

    class Meta:
        model = SupportRequest
        fields = []

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

    def filter_referral_code(self, queryset, name, value):
        return queryset.filter(referral_code__isnull=not value)

    def filter_overdue(self, queryset, name, value):
        days = SupportSettings.for_request(self.request).first_contact_working_days
        condition = SupportRequest.objects.overdue_condition(days)
        return queryset.filter(condition) if value else queryset.exclude(condition)
