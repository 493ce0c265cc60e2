"""Filters for the ambassador list in the admin."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from home.models import Borough, Community

from .models import Ambassador, NetworkType, Status

SPAM_CHOICES = [("held", _("Held for spam review"))]


class AmbassadorFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Status.choices)
    borough = django_filters.ModelChoiceFilter(
        label=_("Borough"), field_name="boroughs", queryset=Borough.objects.all()
    )
    community = django_filters.ModelChoiceFilter(
        label=_("Community"), field_name="communities", queryset=Community.objects.all()
    )
    language = django_filters.CharFilter(label=_("Language"), method="filter_language")
    network = django_filters.ChoiceFilter(
        label=_("Network type"), field_name="networks__network", choices=NetworkType.choices
    )
    spam_review = django_filters.ChoiceFilter(
        label=_("Spam review"), choices=SPAM_CHOICES, method="filter_spam_review", empty_label=_("Reviewed")
    )

    class Meta:
        model = Ambassador
        fields = []

    def filter_language(self, queryset, name, value):
        return queryset.speaking(value)

    def filter_spam_review(self, queryset, name, value):
        return queryset.held_for_spam_review() if value == "held" else queryset

    def filter_queryset(self, queryset):
        # Held sign-ups stay out of the working list until someone chooses to look at them.
        if self.form.cleaned_data.get("spam_review") != "held":
            queryset = queryset.reviewed()
        return super().filter_queryset(queryset).distinct()


def ambassador_referral_filter():
    """A filter for the support queue: the people a chosen ambassador referred (``?ambassador=<pk>``).

    The queue's FilterSet declares ``ambassador = ambassador_referral_filter()``; the ambassador record's
    "see them in the support queue" link uses the same parameter.
    """
    return django_filters.ModelChoiceFilter(
        label=_("Referred by ambassador"),
        field_name="ambassador_referral__ambassador",
        queryset=Ambassador.objects.filter(referrals__isnull=False).distinct().order_by("name"),
    )
