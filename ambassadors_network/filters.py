"""Filters for the ambassador list in the admin."""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from home.models import Borough, Community
from positive_action.filters import yes_no_filter
from recruitment_site.core.contact import INTERPRETER_WANTED, language_field_choices

from .models import Ambassador, NetworkType, Referral, Status

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
    contact_language = django_filters.ChoiceFilter(
        label=_("Preferred language"), choices=language_field_choices()
    )
    interpreter_wanted = yes_no_filter(
        label=_("Interpreter wanted"),
        help_text=_("Yes includes those who were not sure"),
        method="filter_interpreter_wanted",
    )
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

    def filter_interpreter_wanted(self, queryset, name, value):
        return (
            queryset.wanting_interpreter() if value else queryset.exclude(interpreter__in=INTERPRETER_WANTED)
        )

    def filter_spam_review(self, queryset, name, value):
        return queryset.held_for_spam_review() if value == "held" else queryset

    def filter_queryset(self, queryset):
        # Held sign-ups stay out of the working list until someone chooses to look at them.
        if self.form.cleaned_data.get("spam_review") != "held":
            queryset = queryset.reviewed()
        return super().filter_queryset(queryset).distinct()


class LongSelect(forms.Select):
    """A select whose options are written in Python. Django renders one template per option, and the
    list of every referring ambassador (hundreds) cost the support queue a fifth of its page time."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (
                    option["value"] if option["value"] is not None else "",
                    " selected" if option["selected"] else "",
                    option["label"],
                )
                for _group, group_options, _index in widget["optgroups"]
                for option in group_options
            ),
        )
        return format_html('<select name="{}"{}>{}</select>', name, flatatt(widget["attrs"]), options)


class AmbassadorChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        # The team picks an ambassador by name; str(ambassador) is the reference alone, for the audit log.
        return f"{obj.name} ({obj.reference})"


class AmbassadorChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = AmbassadorChoiceField


def ambassador_referral_filter():
    """A filter for the support queue: the people a chosen ambassador referred (``?ambassador=<pk>``).

    The queue's FilterSet declares ``ambassador = ambassador_referral_filter()``; the ambassador record's
    "see them in the support queue" link uses the same parameter.
    """
    return AmbassadorChoiceFilter(
        label=_("Referred by ambassador"),
        field_name="ambassador_referral__ambassador",
        # Only what the option label (AmbassadorChoiceField) needs: the list holds every referring ambassador.
        # EXISTS rather than a join and DISTINCT: one index probe per ambassador instead of sorting every
        # referral.
        queryset=Ambassador.objects.filter(Exists(Referral.objects.filter(ambassador=OuterRef("pk"))))
        .only("pk", "name", "reference")
        .order_by("name"),
        widget=LongSelect,
    )
