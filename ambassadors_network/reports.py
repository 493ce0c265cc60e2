"""Figures for the ambassador network report: each function returns rows a table, a chart and a CSV share.

Every table is a list of rows whose first item is a label; ``Table`` carries the column headings. Spam-held
sign-ups and registrations are left out everywhere, as they are from the working lists.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.models import Borough, Community
from positive_action.choices import HeardAbout
from positive_action.models import SupportRequest

from .models import Ambassador, Status
from .models.referrals import Referral
from .referrals import PIPELINE, reached_counts, stage_counts

MONTHS_SHOWN = 12


@dataclass
class Table:
    slug: str
    title: str
    headings: list
    rows: list = field(default_factory=list)
    chart_column: int | None = 1

    def chart_bars(self):
        """(label, value) pairs for the bar chart: the first column against the chart column."""
        if self.chart_column is None:
            return []
        return [(str(row[0]), row[self.chart_column]) for row in self.rows]


def ambassadors_by_status():
    counts = dict(Ambassador.objects.reviewed().values_list("status").annotate(count=Count("pk")))
    rows = [[status.label, counts.get(status.value, 0)] for status in Status]
    return Table("status", _("Ambassadors by status"), [_("Status"), _("Ambassadors")], rows)


def ambassadors_by_borough():
    boroughs = Borough.objects.annotate(
        count=Count("ambassadors", filter=Q(ambassadors__needs_spam_review=False), distinct=True)
    )
    rows = [[borough.name, borough.count] for borough in boroughs]
    return Table("borough", _("Ambassadors by borough"), [_("Borough"), _("Ambassadors")], rows)


def ambassadors_by_community():
    communities = Community.objects.annotate(
        count=Count("ambassadors", filter=Q(ambassadors__needs_spam_review=False), distinct=True)
    )
    rows = [[community.name, community.count] for community in communities]
    return Table("community", _("Ambassadors by community"), [_("Community"), _("Ambassadors")], rows)


def referrals_per_ambassador():
    """Each ambassador who referred anyone: how many, and how many reached each stage of the pipeline."""
    referrals = Referral.objects.in_queue().select_related("ambassador", "support_request")
    by_ambassador = {}
    for referral in referrals:
        by_ambassador.setdefault(referral.ambassador, []).append(referral.support_request.stage)
    rows = []
    for ambassador, stages in sorted(by_ambassador.items(), key=lambda item: (-len(item[1]), item[0].name)):
        counts = {stage: stages.count(stage) for stage in set(stages)}
        rows.append([f"{ambassador.name} ({ambassador.reference})", len(stages)] + reached_of(counts))
    headings = [_("Ambassador"), _("Referred")] + [
        _("Reached: %(stage)s") % {"stage": stage.label} for stage in PIPELINE[1:]
    ]
    return Table("referrals", _("Referrals per ambassador and how far they got"), headings, rows)


def reached_of(counts):
    return [number for _stage, number in reached_counts(counts)[1:]]


def referral_conversion():
    """All referred people together: how many reached each stage, and that as a share of everyone referred."""
    counts = stage_counts(Referral.objects.in_queue())
    total = sum(counts.values())
    rows = [
        [stage.label, number, f"{round(100 * number / total)}%" if total else "–"]
        for stage, number in reached_counts(counts)
    ]
    return Table(
        "conversion",
        _("Conversion of referred people through the stages"),
        [_("Stage reached"), _("People"), _("Share of referred")],
        rows,
    )


def month_starts(today, months=MONTHS_SHOWN):
    first = today.replace(day=1)
    starts = []
    for _index in range(months):
        starts.append(first)
        first = (first - timezone.timedelta(days=1)).replace(day=1)
    return list(reversed(starts))


def registrations_by_source(today=None):
    """Support registrations per month for the last year, by how the person heard of us."""
    today = today or timezone.localdate()
    months = month_starts(today)
    since = timezone.make_aware(timezone.datetime.combine(months[0], timezone.datetime.min.time()))
    rows = (
        SupportRequest.objects.in_queue()
        .filter(created__gte=since)
        .annotate(month=TruncMonth("created"))
        .values_list("month", "heard_about")
        .annotate(count=Count("pk"))
    )
    counts = {}
    for month, source, count in rows:
        key = (month.date() if hasattr(month, "date") else month, source)
        counts[key] = counts.get(key, 0) + count
    table_rows = []
    for month in months:
        per_source = [counts.get((month, source.value), 0) for source in HeardAbout]
        table_rows.append([month.strftime("%b %Y"), sum(per_source)] + per_source)
    headings = [_("Month"), _("All registrations")] + [source.label for source in HeardAbout]
    return Table("sources", _("Support registrations by source, month by month"), headings, table_rows)


TABLES = {
    "status": ambassadors_by_status,
    "borough": ambassadors_by_borough,
    "community": ambassadors_by_community,
    "conversion": referral_conversion,
    "referrals": referrals_per_ambassador,
    "sources": registrations_by_source,
}


def all_tables():
    return [build() for build in TABLES.values()]


def table_by_slug(slug):
    build = TABLES.get(slug)
    return build() if build else None
