"""The equality report's counts, including people whose records were anonymised.

The support queue's equality report (positive_action, issue 4) counts live EqualityMonitoring rows; once
retention deletes a person's row their answers live on only in EqualityCount. The report adds them in:

    counts = with_retained_answers(name, live_counts)      # per question
    total = live_total + retained_respondents()            # people who answered anything
"""

from collections import Counter

from .models import EqualityCount


def with_retained_answers(question, live_counts):
    """{answer: count} for one question: live rows plus the counts kept after anonymisation."""
    combined = Counter(live_counts)
    combined.update(EqualityCount.objects.counts_for(question))
    return dict(combined)


def retained_respondents():
    return EqualityCount.objects.respondents()
