"""Synthetic support requests and ambassadors for load testing the queue (`make_synthetic_records`).

Every synthetic row is marked twice so it can never pass for a real person and can always be removed:
email addresses on the reserved ``synthetic.invalid`` domain (RFC 2606: nothing can be delivered there)
and references starting ``SY-`` (real ones start ``PA-`` or ``CA-``). Values are drawn from a seeded
generator, so the same seed gives the same records. Rows go in with ``bulk_create`` in batches, inside
one transaction, so 100,000 records take seconds rather than minutes.
"""

import random
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection, transaction
from django.utils import timezone

from ambassadors_network.models import Ambassador, Referral
from ambassadors_network.models.ambassadors import ATTRIBUTING_STATUSES
from ambassadors_network.models.choices import CommunityRole, Status, TimeCommitment
from ambassadors_network.status import REFERRAL_ALPHABET, REFERRAL_CODE_LENGTH
from home.models import Borough
from home.roles import DIVERSITY_TEAM
from positive_action.choices import (
    FINISHED_STAGES,
    ApplicationProgress,
    HeardAbout,
    RoleOfInterest,
    Stage,
    SupportType,
)
from positive_action.models import SupportRequest, SupportRequestEvent
from recruitment_site.core.references import ALPHABET

from .contact_mix import contact_preferences

SYNTHETIC_DOMAIN = "synthetic.invalid"
SYNTHETIC_PREFIX = "SY"
REFERENCE_LENGTH = 7
BATCH_SIZE = 2000
HISTORY_DAYS = 730
CASEWORKERS = 8

FIRST_NAMES = (
    "Amara Aisha Ben Chen Chloe Daniel Deepa Emeka Fatima Grace Hannah Ibrahim Imran Jade Jamal Kofi Laura "
    "Leila Marcus Mei Mohammed Nadia Nia Oliver Olu Priya Rahul Rosa Samir Sara Tariq Tomasz Yusuf Zainab"
).split()
LAST_NAMES = (
    "Adeyemi Ahmed Ali Begum Brown Campbell Chowdhury Davies Evans Francis Green Gupta Hussain Islam Jones "
    "Kaur Khan Kowalski Lee Mensah Miah Morris Nguyen Okafor Osei Patel Rahman Roberts Shah Singh Smith "
    "Taylor Thomas Walker Williams Wright"
).split()
# Later stages are reached by fewer people; the weights give a plausible funnel.
STAGE_WEIGHTS = {
    Stage.NEW: 12,
    Stage.CONTACTED: 14,
    Stage.IN_SUPPORT: 20,
    Stage.APPLICATION_SUBMITTED: 10,
    Stage.ASSESSMENT: 6,
    Stage.VETTING: 4,
    Stage.APPOINTED: 6,
    Stage.UNSUCCESSFUL: 7,
    Stage.WITHDRAWN: 9,
    Stage.CLOSED: 12,
}
AMBASSADOR_STATUS_WEIGHTS = {
    Status.APPLIED: 8,
    Status.IN_REVIEW: 6,
    Status.APPROVED: 10,
    Status.DECLINED: 4,
    Status.TRAINED: 12,
    Status.ACTIVE: 50,
    Status.PAUSED: 5,
    Status.LEFT: 5,
}
SPAM_HELD_SHARE = 0.03
AMBASSADOR_REFERRED_SHARE = 0.15
PHONE_SHARE = 0.7


def synthetic_support_requests():
    return SupportRequest.objects.filter(email__endswith=f"@{SYNTHETIC_DOMAIN}")


def synthetic_ambassadors():
    return Ambassador.objects.filter(email__endswith=f"@{SYNTHETIC_DOMAIN}")


def synthetic_caseworkers():
    return get_user_model().objects.filter(email__endswith=f"@{SYNTHETIC_DOMAIN}")


def clear_synthetic_records():
    """Delete every synthetic row; real records are never matched (their emails cannot end in .invalid)."""
    with transaction.atomic():
        synthetic_support_requests().delete()
        synthetic_ambassadors().delete()
        synthetic_caseworkers().delete()


def make_synthetic_records(support_requests, ambassadors, seed=7, batch_size=BATCH_SIZE):
    """Top the synthetic records up to the requested counts; returns how many of each were added."""
    rng = random.Random(seed)
    with transaction.atomic():
        new_ambassadors = add_ambassadors(rng, ambassadors - synthetic_ambassadors().count(), batch_size)
        codes = dict(
            synthetic_ambassadors()
            .filter(status__in=ATTRIBUTING_STATUSES)
            .exclude(referral_code="")
            .values_list("referral_code", "pk")
        )
        wanted = support_requests - synthetic_support_requests().count()
        owners = ensure_caseworkers() if wanted > 0 else []
        new_requests = add_support_requests(rng, wanted, owners, codes, batch_size)
    refresh_planner_statistics()
    return {"support_requests": new_requests, "ambassadors": new_ambassadors}


def refresh_planner_statistics():
    """After a bulk load PostgreSQL's planner still believes the tables are small (and would pick sequential
    scans) until autovacuum runs; VACUUM ANALYZE now so measurements right after reflect steady state."""
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        return
    with connection.cursor() as cursor:
        for model in (SupportRequest, SupportRequestEvent, Ambassador, Referral):
            cursor.execute(f"VACUUM ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


def ensure_caseworkers():
    """A few synthetic Diversity team members to own records, so owner filters have something to match."""
    group, _ = Group.objects.get_or_create(name=DIVERSITY_TEAM)
    users = []
    for number in range(1, CASEWORKERS + 1):
        user, created = get_user_model().objects.get_or_create(
            username=f"synthetic-caseworker-{number}",
            defaults={
                "email": f"caseworker{number}@{SYNTHETIC_DOMAIN}",
                "first_name": "Synthetic",
                "last_name": f"Caseworker {number}",
                "is_staff": True,
            },
        )
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
            user.groups.add(group)
        users.append(user)
    return users


def unique_references(rng, count, alphabet, length, prefix, taken):
    references = set()
    while len(references) < count:
        code = "".join(rng.choices(alphabet, k=length))
        candidate = f"{prefix}-{code}" if prefix else code
        if candidate not in taken:
            references.add(candidate)
    return list(references)


def weighted(rng, weights):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def person(rng, number):
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    email = f"{first}.{last}.{number}@{SYNTHETIC_DOMAIN}".lower()
    phone = f"07{rng.randrange(100_000_000, 999_999_999)}" if rng.random() < PHONE_SHARE else ""
    return f"{first} {last}", email, phone


def add_ambassadors(rng, count, batch_size):
    if count <= 0:
        return 0
    taken = set(Ambassador.objects.values_list("reference", flat=True))
    references = unique_references(rng, count, ALPHABET, REFERENCE_LENGTH, SYNTHETIC_PREFIX, taken)
    taken_codes = set(Ambassador.objects.exclude(referral_code="").values_list("referral_code", flat=True))
    codes = iter(unique_references(rng, count, REFERRAL_ALPHABET, REFERRAL_CODE_LENGTH, "", taken_codes))
    now, start = timezone.now(), synthetic_ambassadors().count()
    rows = []
    for offset, reference in enumerate(references):
        name, email, phone = person(rng, start + offset)
        status = weighted(rng, AMBASSADOR_STATUS_WEIGHTS)
        issued = status in ATTRIBUTING_STATUSES or status in (Status.PAUSED, Status.LEFT)
        rows.append(
            Ambassador(
                reference=reference,
                name=name,
                email=email,
                phone=phone or "07700900000",
                **contact_preferences(rng, has_phone=True),
                community_role=rng.choice(CommunityRole.values),
                languages=rng.choice(["English", "English, Bengali", "English, Polish", "English, Somali"]),
                time_commitment=rng.choice(TimeCommitment.values),
                motivation="Synthetic record for load testing.",
                consented_at=now,
                status=status,
                referral_code=next(codes) if issued else "",
            )
        )
    Ambassador.objects.bulk_create(rows, batch_size=batch_size)
    return count


def add_support_requests(rng, count, owners, ambassador_codes, batch_size):
    if count <= 0:
        return 0
    taken = set(SupportRequest.objects.values_list("reference", flat=True))
    references = unique_references(rng, count, ALPHABET, REFERENCE_LENGTH, SYNTHETIC_PREFIX, taken)
    boroughs = list(Borough.objects.values_list("pk", flat=True))
    context = {"owners": owners, "boroughs": boroughs, "codes": list(ambassador_codes), "now": timezone.now()}
    start = synthetic_support_requests().count()
    for first in range(0, count, batch_size):
        batch = [
            support_request(rng, reference, start + first + offset, context)
            for offset, reference in enumerate(references[first : first + batch_size])
        ]
        created = SupportRequest.objects.bulk_create(batch, batch_size=batch_size)
        add_registration_entries(created, batch_size)
        add_referrals(created, ambassador_codes, batch_size)
    return count


def support_request(rng, reference, number, context):
    name, email, phone = person(rng, number)
    now = context["now"]
    # Registrations grow over the two years: draw ages skewed towards recent dates.
    age_days = HISTORY_DAYS * (1 - rng.random() ** 0.7)
    created = now - timedelta(days=age_days, seconds=rng.randrange(86_400))
    stage = Stage.NEW if age_days < 3 and rng.random() < 0.8 else weighted(rng, STAGE_WEIGHTS)
    spam_held = rng.random() < SPAM_HELD_SHARE
    record = SupportRequest(
        reference=reference,
        name=name,
        email=email,
        phone=phone,
        **contact_preferences(rng, has_phone=bool(phone)),
        borough_id=rng.choice(context["boroughs"]) if context["boroughs"] and rng.random() < 0.92 else None,
        role_of_interest=rng.choice(RoleOfInterest.values),
        application_progress=rng.choice(ApplicationProgress.values),
        heard_about=rng.choice(HeardAbout.values),
        consented_at=created,
        created=created,
        stage=Stage.NEW if spam_held else stage,
        needs_spam_review=spam_held,
        spam_reason="low reCAPTCHA score" if spam_held else "reCAPTCHA passed",
        spam_score=round(rng.uniform(0.1, 0.4) if spam_held else rng.uniform(0.6, 1.0), 1),
    )
    record.support_wanted_list = rng.sample(SupportType.values, rng.randint(0, 3))
    add_referral_code(rng, record, context["codes"])
    add_casework(rng, record, context)
    return record


def add_referral_code(rng, record, codes):
    if codes and rng.random() < AMBASSADOR_REFERRED_SHARE:
        record.heard_about = HeardAbout.AMBASSADOR
        record.referral_code = rng.choice(codes)
    elif rng.random() < 0.01:
        record.referral_code = "MISTYPED"


def add_casework(rng, record, context):
    """Owner, contact dates and next contact as the team would have left them at the record's stage."""
    if record.stage == Stage.NEW:
        return
    record.owner = rng.choice(context["owners"])
    record.first_contacted_at = record.created + timedelta(days=rng.uniform(0.1, 6))
    if record.stage in FINISHED_STAGES:
        record.closed_at = min(
            context["now"], record.first_contacted_at + timedelta(days=rng.uniform(5, 200))
        )
    elif rng.random() < 0.8:
        # Mostly in the coming weeks; some already missed, so the overdue filter finds records.
        record.next_contact_date = (context["now"] + timedelta(days=rng.randint(-20, 40))).date()


def add_registration_entries(records, batch_size):
    SupportRequestEvent.objects.bulk_create(
        [
            SupportRequestEvent(
                record=record, kind=SupportRequestEvent.Kind.REGISTERED, created=record.created
            )
            for record in records
        ],
        batch_size=batch_size,
    )


def add_referrals(records, ambassador_codes, batch_size):
    """What the post_save attribution would have recorded (bulk_create sends no signals)."""
    Referral.objects.bulk_create(
        [
            Referral(support_request=record, ambassador_id=ambassador_codes[record.referral_code], code=code)
            for record in records
            if (code := record.referral_code) in ambassador_codes
        ],
        batch_size=batch_size,
    )
