"""Demo data for positive-action support: the registration page under the home page, service settings
and about thirty requests spread over the stages, so `make run` shows a working queue. Idempotent."""

import random
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from home.models import Borough
from positive_action.choices import (
    ApplicationProgress,
    ContactKind,
    HeardAbout,
    RoleOfInterest,
    Stage,
    SupportType,
)
from positive_action.models import (
    CaseworkEmailTemplate,
    EqualityMonitoring,
    SupportRegistrationPage,
    SupportRequest,
    SupportRequestEvent,
    SupportSettings,
)
from recruitment_site.core.references import unique_reference

from ..contact_mix import contact_preferences

INTRODUCTION = (
    "<p>Register for free support with your application to join us. Our diversity team will contact you, "
    "answer your questions and help you prepare, from the application form to the assessment centre.</p>"
)
WHAT_HAPPENS_NEXT = (
    "<ol><li>We email you a reference straight away.</li><li>Someone from our diversity team contacts you "
    "within five working days.</li><li>Together you agree the support that suits you: workshops, a mock "
    "interview, fitness preparation or a mentor.</li></ol>"
)
PRIVACY_SUMMARY = (
    "<p>We use your details only to support you with your application, keep them for 12 months after we "
    "finish working with you, and never share them outside the recruitment team. The equality questions are "
    "optional and are only ever counted, never shown with your name.</p>"
)
EQUALITY_INTRODUCTION = (
    "<p>These questions help us check that our support reaches everyone. They are optional, every question "
    "has a “prefer not to say” answer, and your answers are only used as anonymous totals.</p>"
)
THANK_YOU = "<p>Thank you for taking the first step. We look forward to talking to you.</p>"

FIRST_NAMES = ["Amina", "Kwame", "Priya", "Tomasz", "Fatima", "Daniel", "Nadia", "Yusuf", "Grace", "Arjun"]
LAST_NAMES = [
    "Okafor",
    "Begum",
    "Nowak",
    "Hassan",
    "Campbell",
    "Sivakumar",
    "Ali",
    "Mensah",
    "Yilmaz",
    "Khan",
]
STAGE_MIX = (
    [Stage.NEW] * 8
    + [Stage.CONTACTED] * 5
    + [Stage.IN_SUPPORT] * 6
    + [Stage.APPLICATION_SUBMITTED] * 3
    + [Stage.ASSESSMENT, Stage.ASSESSMENT, Stage.VETTING, Stage.APPOINTED]
    + [Stage.UNSUCCESSFUL, Stage.WITHDRAWN, Stage.CLOSED]
)


def ensure_registration_page(home):
    page = SupportRegistrationPage.objects.child_of(home).first()
    if page:
        return page
    page = SupportRegistrationPage(
        title="Register for support",
        slug="register-for-support",
        seo_title="Register for positive-action support",
        search_description="Free support with your police application from our diversity team.",
        introduction=INTRODUCTION,
        what_happens_next=WHAT_HAPPENS_NEXT,
        privacy_summary=PRIVACY_SUMMARY,
        equality_introduction=EQUALITY_INTRODUCTION,
        thank_you_text=THANK_YOU,
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def ensure_settings(site):
    SupportSettings.objects.get_or_create(site=site, defaults={"team_email": "diversity-team@example.org"})


def demo_request(number, rng, boroughs, owner):
    stage = STAGE_MIX[number % len(STAGE_MIX)]
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    created = timezone.now() - timedelta(days=rng.randint(0, 60), hours=rng.randint(0, 8))
    record = SupportRequest(
        reference=unique_reference("PA", lambda ref: SupportRequest.objects.filter(reference=ref).exists()),
        name=f"{first} {last}",
        email=f"{first}.{last}.{number}@example.org".lower(),
        phone=f"07700 900{number:03d}",
        **contact_preferences(rng, has_phone=True),
        borough=rng.choice(boroughs + [None]),
        role_of_interest=rng.choice(RoleOfInterest.values),
        application_progress=rng.choice(ApplicationProgress.values),
        heard_about=rng.choice(HeardAbout.values),
        referral_code="AMB-DEMO" if number % 7 == 0 else None,
        consented_at=created,
        created=created,
        stage=stage,
        owner=owner if stage != Stage.NEW and number % 3 else None,
        needs_spam_review=number in (3, 17),
        spam_reason="no reCAPTCHA token (JavaScript off or blocked)" if number in (3, 17) else "",
        next_contact_date=(timezone.localdate() + timedelta(days=rng.randint(-5, 14)))
        if stage != Stage.NEW
        else None,
        first_contacted_at=created + timedelta(days=2) if stage != Stage.NEW else None,
    )
    record.support_wanted_list = rng.sample(SupportType.values, rng.randint(1, 3))
    record.save()
    SupportRequestEvent.objects.create(
        record=record, kind=SupportRequestEvent.Kind.REGISTERED, created=created
    )
    if stage != Stage.NEW:
        SupportRequestEvent.objects.create(
            record=record,
            kind=SupportRequestEvent.Kind.CONTACT,
            contact_kind=ContactKind.CALL,
            text="Introductory call: talked through the application and the support on offer.",
            actor=owner,
            created=created + timedelta(days=2),
        )
    if number % 2 == 0:
        EqualityMonitoring.objects.create(
            support_request=record,
            ethnicity=rng.choice(
                ["black_african", "asian_pakistani", "asian_indian", "black_caribbean", "prefer_not_to_say"]
            ),
            sex=rng.choice(["female", "male"]),
            religion=rng.choice(["muslim", "christian", "none", "hindu"]),
        )


EMAIL_TEMPLATES = [
    (
        "First contact",
        "Your registration for support, {first_name}",
        "Dear {first_name},\n\nThank you for registering for support with your application "
        "(reference {reference}). I am your contact in the diversity team. When would suit you for a "
        "short call about the support you would like?\n\nBest wishes,\n{sender_name}\nDiversity team",
    ),
    (
        "Mock interview invitation",
        "Your mock interview, {first_name}",
        "Dear {first_name},\n\nWe would like to offer you a mock interview to prepare for the assessment "
        "centre. Reply to this email with two or three times that suit you and we will book one.\n\n"
        "Best wishes,\n{sender_name}\nDiversity team",
    ),
]


def ensure_email_templates():
    for title, subject, body in EMAIL_TEMPLATES:
        CaseworkEmailTemplate.objects.get_or_create(title=title, defaults={"subject": subject, "body": body})


def load_support_demo(home, site):
    ensure_registration_page(home)
    ensure_settings(site)
    ensure_email_templates()
    if SupportRequest.objects.exists():
        return
    rng = random.Random(4)  # the same demo queue every time
    boroughs = list(Borough.objects.all())
    owner = get_user_model().objects.filter(username="diversity").first()
    for number in range(30):
        demo_request(number, rng, boroughs, owner)
