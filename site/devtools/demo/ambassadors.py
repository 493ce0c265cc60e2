"""Demo content for the ambassador network: the programme page and a dozen placeholder ambassadors in every
status, with a few support registrations referred through them. Idempotent, like the rest of the demo content."""

import random
from datetime import timedelta

from django.utils import timezone
from wagtail.models import Locale

from ambassadors_network.models import (
    Ambassador,
    AmbassadorEvent,
    AmbassadorNetwork,
    AmbassadorProgrammePage,
    CommunityRole,
    ContactType,
    EntryKind,
    NetworkType,
    Status,
    TimeCommitment,
)
from ambassadors_network.status import change_status
from home.models import Borough, Community, StandardPage
from positive_action.models import SupportRequest
from recruitment_site.core.languages import DEFAULT_LANGUAGE_CODE, LANGUAGES
from recruitment_site.core.references import unique_reference

from ..contact_mix import contact_preferences

PROGRAMME_COPY = {
    "title": "Become a community ambassador",
    "slug": "community-ambassadors",
    "search_description": "Community leaders, faith and voluntary-sector figures: help people from your "
    "community see policing as a career for them. Find out what ambassadors do and sign up.",
    "introduction": "Community leaders, faith and third-sector figures and local advocates help us build a "
    "police service that looks and feels like the city it serves. Could you be one of them?",
    "what_ambassadors_do": "<ul><li>Raise aspirations: show people in your community that policing is a "
    "career for them</li><li>Dispel myths about what the job is and who can do it</li><li>Spot talent and point "
    "people to our free positive-action support</li><li>Tell us what your community thinks about policing, so "
    "the conversation goes both ways</li></ul>",
    "what_ambassadors_get": "<p>Training on the recruitment process and on positive action, a named contact in "
    "our diversity team, invitations to ambassador network meetings and recruitment events, and a personal "
    "referral link so you can see how the people you encourage get on.</p>",
    "commitment": "<p>As much time as you can give: some ambassadors help at a few events a year, others meet "
    "us every month. We ask you to come to one training session and to stay in touch.</p>",
    "form_introduction": "<p>It takes about five minutes. We will read every application and call you to talk "
    "about it.</p>",
    "thank_you_text": "<p>Someone from our diversity team will read your application and phone you within two "
    "weeks. If it is a good fit, we will invite you to the next ambassador training session.</p>",
}
# The privacy notice is linked as a page, not by its address: each translation of the programme page then
# links to the notice in its own language, where "/privacy-notice/" would always lead to the English one.
PRIVACY_SUMMARY = (
    "<p>Only our diversity team can see what you tell us. We use it to contact you about the programme and "
    "nothing else. Read the <a {link}>privacy notice</a>.</p>"
)

# (placeholder name, role, status, boroughs, communities, languages, networks)
AMBASSADORS = [
    (
        "Ambassador Demo One",
        CommunityRole.FAITH_LEADER,
        Status.ACTIVE,
        ["tower-hamlets"],
        ["bangladeshi"],
        "English, Bengali, Sylheti",
        [NetworkType.FAITH_GROUPS, NetworkType.THIRD_SECTOR],
    ),
    (
        "Ambassador Demo Two",
        CommunityRole.YOUTH_WORKER,
        Status.ACTIVE,
        ["haringey", "hackney"],
        ["turkish", "kurdish"],
        "English, Turkish, Kurdish",
        [NetworkType.SPORTS_CLUBS, NetworkType.SCHOOLS],
    ),
    (
        "Ambassador Demo Three",
        CommunityRole.EDUCATOR,
        Status.TRAINED,
        ["newham"],
        ["tamil"],
        "English, Tamil",
        [NetworkType.SCHOOLS],
    ),
    (
        "Ambassador Demo Four",
        CommunityRole.BUSINESS_OWNER,
        Status.APPROVED,
        ["ealing"],
        ["polish"],
        "English, Polish",
        [NetworkType.PROFESSIONAL, NetworkType.ONLINE],
    ),
    (
        "Ambassador Demo Five",
        CommunityRole.COMMUNITY_ORGANISER,
        Status.ACTIVE,
        ["brent"],
        ["somali"],
        "English, Somali, Arabic",
        [NetworkType.THIRD_SECTOR, NetworkType.ONLINE],
    ),
    (
        "Ambassador Demo Six",
        CommunityRole.FAITH_LEADER,
        Status.PAUSED,
        ["redbridge"],
        ["pakistani"],
        "English, Urdu, Punjabi",
        [NetworkType.FAITH_GROUPS],
    ),
    (
        "Ambassador Demo Seven",
        CommunityRole.OTHER,
        Status.LEFT,
        ["southwark"],
        ["black-caribbean"],
        "English",
        [NetworkType.SPORTS_CLUBS],
    ),
    (
        "Ambassador Demo Eight",
        CommunityRole.COMMUNITY_ORGANISER,
        Status.DECLINED,
        ["hounslow"],
        [],
        "English, Hindi",
        [NetworkType.ONLINE],
    ),
    (
        "Ambassador Demo Nine",
        CommunityRole.EDUCATOR,
        Status.IN_REVIEW,
        ["tower-hamlets", "newham"],
        ["bangladeshi"],
        "English, Bengali",
        [NetworkType.SCHOOLS, NetworkType.THIRD_SECTOR],
    ),
    (
        "Ambassador Demo Ten",
        CommunityRole.YOUTH_WORKER,
        Status.APPLIED,
        ["haringey"],
        ["somali"],
        "English, Somali",
        [NetworkType.SPORTS_CLUBS],
    ),
    (
        "Ambassador Demo Eleven",
        CommunityRole.BUSINESS_OWNER,
        Status.APPLIED,
        ["ealing"],
        ["pakistani"],
        "English, Urdu",
        [NetworkType.PROFESSIONAL],
    ),
    (
        "Ambassador Demo Twelve",
        CommunityRole.FAITH_LEADER,
        Status.APPLIED,
        ["redbridge"],
        ["tamil"],
        "English, Tamil",
        [NetworkType.FAITH_GROUPS],
    ),
]

# The path each demo status is reached by, so every record has a true timeline.
PATHS = {
    Status.APPLIED: [],
    Status.IN_REVIEW: [Status.IN_REVIEW],
    Status.APPROVED: [Status.IN_REVIEW, Status.APPROVED],
    Status.DECLINED: [Status.IN_REVIEW, Status.DECLINED],
    Status.TRAINED: [Status.IN_REVIEW, Status.APPROVED, Status.TRAINED],
    Status.ACTIVE: [Status.IN_REVIEW, Status.APPROVED, Status.TRAINED, Status.ACTIVE],
    Status.PAUSED: [Status.IN_REVIEW, Status.APPROVED, Status.TRAINED, Status.ACTIVE, Status.PAUSED],
    Status.LEFT: [Status.IN_REVIEW, Status.APPROVED, Status.TRAINED, Status.ACTIVE, Status.LEFT],
}


def ensure_programme_page(home):
    page = AmbassadorProgrammePage.objects.filter(locale=Locale.get_default()).first()
    if page:
        return page
    page = AmbassadorProgrammePage(**PROGRAMME_COPY, privacy_summary=privacy_summary(home))
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def privacy_summary(home):
    privacy = StandardPage.objects.child_of(home).filter(slug="privacy-notice").first()
    link = f'linktype="page" id="{privacy.pk}"' if privacy else 'href="/privacy-notice/"'
    return PRIVACY_SUMMARY.format(link=link)


def site_language_in(languages):
    """The first of the languages an ambassador listed that the site is published in, else English."""
    by_name = {language.english_name.lower(): language.code for language in LANGUAGES}
    named = [by_name.get(name.strip().lower()) for name in languages.split(",")]
    return next((code for code in named if code and code != DEFAULT_LANGUAGE_CODE), DEFAULT_LANGUAGE_CODE)


def create_demo_ambassador(index, name, role, status, boroughs, communities, languages, networks):
    signed_up = timezone.now() - timedelta(days=200 - index * 12)
    ambassador = Ambassador.objects.create(
        reference=f"CA-DEMO{index:02d}",
        name=name,
        email=f"ambassador{index:02d}@example.org",
        phone="020 7946 0" + f"{index:03d}",
        **contact_preferences(random.Random(index), has_phone=True, language=site_language_in(languages)),
        organisation=f"Demo community group {index}",
        community_role=role,
        languages=languages,
        time_commitment=TimeCommitment.FEW_HOURS_MONTH,
        motivation="I want young people in my community to see policing as a career for them.",
        consented_at=signed_up,
    )
    Ambassador.objects.filter(pk=ambassador.pk).update(created=signed_up)
    ambassador.boroughs.set(Borough.objects.filter(slug__in=boroughs))
    ambassador.communities.set(Community.objects.filter(slug__in=communities))
    AmbassadorNetwork.objects.bulk_create(
        AmbassadorNetwork(ambassador=ambassador, network=n) for n in networks
    )
    AmbassadorEvent.objects.create(record=ambassador, kind=EntryKind.SIGNED_UP, created=signed_up)
    for step in PATHS[status]:
        ambassador = change_status(ambassador, step, user=None)
    if status in (Status.TRAINED, Status.ACTIVE):
        AmbassadorEvent.objects.create(
            record=ambassador,
            kind=EntryKind.CONTACT,
            contact_type=ContactType.TRAINING,
            text="Attended the ambassador training session.",
        )
    return ambassador


def ensure_demo_ambassadors():
    if Ambassador.objects.filter(reference__startswith="CA-DEMO").exists():
        return
    for index, row in enumerate(AMBASSADORS, start=1):
        create_demo_ambassador(index, *row)


# Support registrations that came in through demo ambassadors' links, at different stages.
DEMO_REFERRALS = [
    (1, "new"),
    (1, "contacted"),
    (1, "in_support"),
    (1, "assessment"),
    (2, "application_submitted"),
    (2, "appointed"),
    (5, "new"),
    (5, "withdrawn"),
    (3, "contacted"),
]


def ensure_demo_referrals():
    if SupportRequest.objects.filter(email__startswith="referred.demo").exists():
        return
    for number, (ambassador_index, stage) in enumerate(DEMO_REFERRALS, start=1):
        ambassador = Ambassador.objects.get(reference=f"CA-DEMO{ambassador_index:02d}")
        SupportRequest.objects.create(
            reference=unique_reference(
                "PA", lambda ref: SupportRequest.objects.filter(reference=ref).exists()
            ),
            name=f"Referred Demo Person {number}",
            email=f"referred.demo{number}@example.org",
            role_of_interest="constable",
            application_progress="not_applied",
            heard_about="ambassador",
            referral_code=ambassador.referral_code,
            consented_at=timezone.now(),
            created=timezone.now() - timedelta(days=5 * number),
            stage=stage,
        )


def load_ambassador_demo(home):
    ensure_programme_page(home)
    ensure_demo_ambassadors()
    ensure_demo_referrals()
