"""Referral links, attribution of support registrations to ambassadors, and what became of them.

The support registration keeps the ``?ref=`` code in its ``referral_code`` column. When a support request is
created, ``attribute_registration`` (connected in apps.py) looks the code up and, if it belongs to an
ambassador who may currently refer people, records a Referral. Nothing here can stop a registration: an
unknown, declined or left code just attributes nobody.
"""

import logging
import re

from django.db import DatabaseError, transaction
from django.db.models import Count
from django.shortcuts import redirect
from django.urls import NoReverseMatch, reverse
from wagtail.models import Locale

from positive_action.choices import Stage
from positive_action.models import SupportRegistrationPage

from .models import Ambassador
from .models.referrals import Referral
from .status import REFERRAL_ALPHABET, REFERRAL_CODE_LENGTH

logger = logging.getLogger(__name__)

CODE_PATTERN = re.compile(f"[{REFERRAL_ALPHABET}]{{{REFERRAL_CODE_LENGTH}}}")
# The support stages a person passes through in order; "reached" counts include everyone further on.
PIPELINE = [
    Stage.NEW,
    Stage.CONTACTED,
    Stage.IN_SUPPORT,
    Stage.APPLICATION_SUBMITTED,
    Stage.ASSESSMENT,
    Stage.VETTING,
    Stage.APPOINTED,
]


def normalise_code(text):
    """What a person typed or a link carried (``abcd-efgh 23``) as a stored code, or "" if it cannot be one."""
    cleaned = re.sub(r"[\s-]", "", str(text or "")[:64]).upper()
    return cleaned if CODE_PATTERN.fullmatch(cleaned) else ""


def attributing_ambassador(code):
    code = normalise_code(code)
    if not code:
        return None
    return Ambassador.objects.attributing().filter(referral_code=code).first()


def attribute_registration(sender, instance, created, raw=False, **kwargs):
    """post_save receiver for SupportRequest: record the referral if the code earns one."""
    if raw or not created or not instance.referral_code:
        return
    try:
        with transaction.atomic():
            ambassador = attributing_ambassador(instance.referral_code)
            if ambassador:
                Referral.objects.get_or_create(
                    support_request=instance,
                    defaults={"ambassador": ambassador, "code": ambassador.referral_code},
                )
    except DatabaseError:
        # Attribution is a nicety; the person's registration must never fail because of it.
        logger.exception("Could not attribute support request %s to an ambassador", instance.pk)


def referral_redirect(request, code):
    """``/r/<code>/``: the short link an ambassador shares, sending people to the support registration."""
    target = support_registration_url()
    code = normalise_code(code)
    return redirect(f"{target}?ref={code}" if code else target)


def support_registration_url():
    """The registration page in the language of the link (``/ur/r/<code>/``), else the English one."""
    page = SupportRegistrationPage.objects.live().public().filter(locale=Locale.get_default()).first()
    return page.localized.url if page else "/"


def referred_by(queryset, ambassador):
    """Filter support requests (a SupportRequest queryset) to the people this ambassador referred."""
    return queryset.filter(ambassador_referral__ambassador=ambassador)


def stage_counts(referrals):
    """{stage: number of referred people now at that stage} for a Referral queryset."""
    rows = referrals.values("support_request__stage").annotate(count=Count("pk"))
    return {row["support_request__stage"]: row["count"] for row in rows}


def reached_counts(counts):
    """[(stage, number who reached it or went further)] along the pipeline, from current stages.

    Everyone referred reached "new". Someone now unsuccessful, withdrawn or closed left the pipeline at a
    point the current stage does not tell, so they count only there: the figures never overstate progress.
    """
    reached = [(PIPELINE[0], sum(counts.values()))]
    for index, stage in enumerate(PIPELINE[1:], start=1):
        reached.append((stage, sum(counts.get(later, 0) for later in PIPELINE[index:])))
    return reached


def referral_summary(ambassador):
    """The people an ambassador referred and how far they got, for the ambassador's record."""
    referrals = Referral.objects.for_ambassador(ambassador).in_queue()
    counts = stage_counts(referrals)
    return {
        "people": [
            (referral, support_queue_url("inspect", referral.support_request.pk))
            for referral in referrals.select_related("support_request").order_by("-created")[:50]
        ],
        "total": sum(counts.values()),
        "by_stage": [(Stage(stage), counts.get(stage, 0)) for stage in Stage.values],
        "reached": reached_counts(counts),
        "queue_url": support_queue_url("list") + f"?ambassador={ambassador.pk}"
        if support_queue_url("list")
        else "",
    }


def support_queue_url(view_name, *args):
    """A link into the support queue's admin, or "" where the queue's views are not installed."""
    try:
        return reverse(f"support_queue:{view_name}", args=args)
    except NoReverseMatch:
        return ""
