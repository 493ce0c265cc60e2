"""The equality monitoring report: counts per answer, for all time or narrowed by quarter and borough.

No count can single anyone out. In the full report, which gives exact counts, a count from 1 to 4 is
hidden, and so is a second count of the same question wherever only one is (complementary suppression, as
the ONS does): with one count hidden, the total less the counts shown would give it back. Hidden counts
all read "not shown", so a reader cannot tell the small one from the one hidden to protect it. A narrowed
view instead shows "fewer than 5" and rounds to the nearest 5 (as the ONS does for small-area census
tables): without the rounding, comparing two overlapping views, or a borough's view with the whole, would
give away the few people who make the difference. People whose records retention anonymised are kept only as unlinked totals, with no
date or borough, so they count in the all-time, all-borough view alone.
"""

from collections import Counter
from datetime import date

from dateutil.relativedelta import relativedelta
from django import forms
from django.db.models import Count
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks

from home.models import Borough
from recruitment_site.core.admin_pages import forbidden
from recruitment_site.core.dates import start_of_day

from ..audit import audit_list
from ..models import QUESTIONS, EqualityMonitoring

REPORT_PERMISSION = "positive_action.view_equality_report"
SMALL_NUMBER = 5
ROUNDING_BASE = 5
QUARTERS_OFFERED = 8


def quarter_start(day):
    return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def recent_quarters(today, count=QUARTERS_OFFERED):
    """[(key, label, first day, day after the last)] for this quarter and the ones before it."""
    start = quarter_start(today)
    quarters = []
    for _index in range(count):
        end = start + relativedelta(months=3)
        label = _("%(first)s to %(last)s %(year)s") % {
            "first": start.strftime("%B"),
            "last": (end - relativedelta(days=1)).strftime("%B"),
            "year": start.year,
        }
        quarters.append((f"{start.year}-q{(start.month - 1) // 3 + 1}", label, start, end))
        start -= relativedelta(months=3)
    return quarters


class EqualityReportFilterForm(forms.Form):
    quarter = forms.ChoiceField(label=gettext_lazy("Registered"), required=False)
    borough = forms.ModelChoiceField(
        label=gettext_lazy("Borough of residence"),
        queryset=Borough.objects.all(),
        required=False,
        empty_label=gettext_lazy("All boroughs"),
    )

    def __init__(self, *args, today, **kwargs):
        super().__init__(*args, **kwargs)
        quarters = recent_quarters(today)
        self.quarters = {key: (start, end) for key, _label, start, end in quarters}
        self.fields["quarter"].choices = [("", _("Any time"))] + [
            (key, label) for key, label, _start, _end in quarters
        ]

    def narrowed(self):
        return bool(self.is_valid() and (self.cleaned_data["quarter"] or self.cleaned_data["borough"]))

    def filter(self, answers):
        if not self.is_valid():
            return answers
        if self.cleaned_data["quarter"]:
            start, end = self.quarters[self.cleaned_data["quarter"]]
            answers = answers.filter(
                support_request__created__gte=start_of_day(start),
                support_request__created__lt=start_of_day(end),
            )
        if self.cleaned_data["borough"]:
            answers = answers.filter(support_request__borough=self.cleaned_data["borough"])
        return answers


def hidden_counts(counts):
    """Indexes of the counts a full report hides: every count from 1 to 4 and, if that is only one, the
    smallest other count (a non-zero one if there is any, since a hidden 0 protects nothing when the
    question's total is known)."""
    hidden = {index for index, count in enumerate(counts) if 0 < count < SMALL_NUMBER}
    others = [index for index in range(len(counts)) if index not in hidden]
    if len(hidden) == 1 and others:
        candidates = [index for index in others if counts[index]] or others
        hidden.add(min(candidates, key=lambda index: counts[index]))
    return hidden


def shown_exactly(counts):
    """[(words, bar)] for one question's counts in the full report, with complementary suppression."""
    hidden = hidden_counts(counts)
    return [
        (_("not shown"), None) if index in hidden else (str(count), count)
        for index, count in enumerate(counts)
    ]


def shown(count, rounded):
    """What the report may say about ``count`` people: the words, and the bar's length (None: no bar)."""
    if 0 < count < SMALL_NUMBER:
        return _("fewer than 5"), None
    if rounded and count:
        count = ROUNDING_BASE * round(count / ROUNDING_BASE)
        return _("about %(count)s") % {"count": count}, count
    return str(count), count


# Answers kept after a person's record is deleted come from the app that deletes records (data protection,
# which sits above this one): ``@hooks.register(RETAINED_ANSWERS_HOOK)`` with a function returning a source
# offering ``counts_for(question)`` ({answer: number}) and ``respondents()`` (people who answered anything).
RETAINED_ANSWERS_HOOK = "equality_report_retained_answers"


def retained_answer_sources():
    return [source() for source in hooks.get_hooks(RETAINED_ANSWERS_HOOK)]


def with_retained_answers(question, live_counts):
    """{answer: count} for one question: live rows plus the counts kept after anonymisation."""
    combined = Counter(live_counts)
    for source in retained_answer_sources():
        combined.update(source.counts_for(question))
    return dict(combined)


def retained_respondents():
    return sum(source.respondents() for source in retained_answer_sources())


def counted_answers():
    """Every answer the report counts: spam-review submissions are left out."""
    return EqualityMonitoring.objects.filter(support_request__needs_spam_review=False)


def equality_sections(answers, narrowed=False):
    sections = []
    for name, question, choices in QUESTIONS:
        counts = dict(answers.exclude(**{name: ""}).values_list(name).annotate(total=Count("pk")).order_by())
        if not narrowed:
            counts = with_retained_answers(name, counts)
        values = [counts.get(value, 0) for value, _label in choices.choices]
        words = [shown(count, rounded=True) for count in values] if narrowed else shown_exactly(values)
        rows = [(label, *shown_as) for (_value, label), shown_as in zip(choices.choices, words, strict=True)]
        sections.append(
            {
                "slug": name,
                "question": question,
                "rows": [(label, words) for label, words, _bar in rows],
                "bars": [(label, bar, words) for label, words, bar in rows],
            }
        )
    return sections


def equality_report(request):
    if not request.user.has_perm(REPORT_PERMISSION):
        return forbidden(request)
    form = EqualityReportFilterForm(request.GET or None, today=timezone.localdate())
    narrowed = form.narrowed()
    answers = form.filter(counted_answers())
    audit_list(EqualityMonitoring, "recruitment.equality_report_viewed", request.user)
    total = answers.count() + (0 if narrowed else retained_respondents())
    context = {
        "form": form,
        "narrowed": narrowed,
        "sections": equality_sections(answers, narrowed),
        "total": shown(total, narrowed)[0],
    }
    return TemplateResponse(request, "positive_action/admin/equality_report.html", context)
