import re
import uuid
from unittest import mock

import pytest
from django.core import mail

from ambassadors_network.models import Ambassador, EntryKind, Status
from positive_action.models import EmailDelivery, SupportSettings
from tests.helpers import h1_texts, inline_code, soup

pytestmark = pytest.mark.django_db

TOKEN_FIELD = "submission_token"
HOSTILE_VALUES = [
    "",
    "x" * 10_000,
    "<script>alert('x')</script>",
    "'; DROP TABLE ambassadors_network_ambassador; --",
    "\u00c3\u00a9\u00e2\u0080\u0099 mojibake",
    "\U0001f46e\u200d\u2640\ufe0f emoji",
    "\u202eright-to-left \u0645\u0631\u062d\u0628\u0627",
    "\x00\x07 control",
]


@pytest.fixture
def team_email(programme_page):
    from wagtail.models import Site

    settings_row = SupportSettings.for_site(Site.objects.get(is_default_site=True))
    settings_row.team_email = "diversity-team@example.org"
    settings_row.save()
    return settings_row.team_email


def valid_data(**overrides):
    data = {
        TOKEN_FIELD: str(uuid.uuid4()),
        "name": "Test Ambassador",
        "email": "test.ambassador@example.org",
        "phone": "020 7946 0123",
        "preferred_contact": "phone",
        "organisation": "Test Community Group",
        "community_role": "faith_leader",
        "boroughs": ["newham", "brent"],
        "communities": ["tamil"],
        "other_communities": "Sri Lankan",
        "languages": "English, Tamil",
        "networks": ["faith_groups", "schools"],
        "time_commitment": "few_hours_month",
        "motivation": "I want young people in my community to see policing as a career.",
        "consent": "on",
    }
    data.update(overrides)
    return data


def sign_up(client, page, **overrides):
    return client.post(page.url, valid_data(**overrides))


def reference_on(response):
    return soup(response).select_one(".reference").get_text(strip=True)


def test_programme_page_shows_copy_and_form_with_one_h1_and_no_inline_code(client, programme_page):
    response = client.get(programme_page.url)

    assert response.status_code == 200
    assert h1_texts(response) == [programme_page.title]
    page = soup(response)
    assert page.find("h2", string="What ambassadors do")
    assert page.select_one("form.registration-form input[name=submission_token]")
    assert page.select_one("input[name=website]")
    assert inline_code(response) == []


def test_form_page_is_never_cached(client, programme_page):
    response = client.get(programme_page.url)
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_successful_sign_up_stores_the_record_and_shows_a_ca_reference(client, programme_page, team_email):
    response = sign_up(client, programme_page)

    assert response.status_code == 302
    confirmation = client.get(response.url)
    reference = reference_on(confirmation)
    assert re.fullmatch(r"CA-[2-9A-Z]{6}", reference)
    assert h1_texts(confirmation) == ["Application received"]
    ambassador = Ambassador.objects.get(reference=reference)
    assert ambassador.status == Status.APPLIED
    assert sorted(ambassador.boroughs.values_list("slug", flat=True)) == ["brent", "newham"]
    assert [network.value for network in ambassador.network_types] == ["faith_groups", "schools"]
    assert ambassador.timeline.filter(kind=EntryKind.SIGNED_UP).exists()


def test_sign_up_sends_confirmation_and_team_email_through_the_outbox(
    client, programme_page, team_email, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = sign_up(client, programme_page)
    reference = reference_on(client.get(response.url))

    deliveries = EmailDelivery.objects.filter(reference=reference)
    assert sorted(deliveries.values_list("recipient", flat=True)) == [
        team_email,
        "test.ambassador@example.org",
    ]
    assert {message.to[0] for message in mail.outbox} == {team_email, "test.ambassador@example.org"}
    team_message = next(message for message in mail.outbox if message.to == [team_email])
    assert "Test Ambassador" not in team_message.body and reference in team_message.body


def test_smtp_failure_keeps_the_sign_up_and_queues_the_email_for_retry(
    client, programme_page, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.ambassadors_network.test_signup.FailingBackend"

    with django_capture_on_commit_callbacks(execute=True):
        response = sign_up(client, programme_page)

    assert response.status_code == 302
    reference = reference_on(client.get(response.url))
    delivery = EmailDelivery.objects.get(reference=reference, recipient="test.ambassador@example.org")
    assert delivery.status == EmailDelivery.Status.QUEUED and delivery.attempts == 1


class FailingBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("SMTP is down")


def test_double_submission_creates_one_record(client, programme_page):
    data = valid_data()

    first = client.post(programme_page.url, data)
    second = client.post(programme_page.url, data)

    assert Ambassador.objects.count() == 1
    assert reference_on(client.get(first.url)) == reference_on(client.get(second.url))


def test_same_email_again_joins_the_open_record_with_a_friendly_new_reference(client, programme_page):
    first = reference_on(client.get(sign_up(client, programme_page).url))

    again = sign_up(client, programme_page, email="TEST.Ambassador@example.org", motivation="Second time")
    second = reference_on(client.get(again.url))

    assert Ambassador.objects.count() == 1
    assert second != first and second.startswith("CA-")
    ambassador = Ambassador.objects.get()
    assert second in ambassador.other_references
    duplicate = ambassador.timeline.get(kind=EntryKind.DUPLICATE)
    assert duplicate.text == "Second time"


def test_same_email_after_leaving_starts_a_new_record(client, programme_page):
    from tests.ambassadors_network.factories import AmbassadorFactory

    AmbassadorFactory(email="test.ambassador@example.org", status=Status.LEFT)

    sign_up(client, programme_page)

    assert Ambassador.objects.count() == 2


def test_missing_consent_and_fields_show_a_summary_and_inline_errors(client, programme_page):
    response = client.post(programme_page.url, {TOKEN_FIELD: str(uuid.uuid4())})

    assert response.status_code == 200
    page = soup(response)
    summary_links = [link["href"] for link in page.select(".error-summary a")]
    assert (
        "#id_name" in summary_links and "#id_consent" in summary_links and "#id_boroughs_0" in summary_links
    )
    assert page.select_one("#id_name-error")
    assert response.context["submission_token"]
    assert Ambassador.objects.count() == 0


@pytest.mark.parametrize(
    "field", ["name", "email", "phone", "organisation", "other_communities", "languages", "motivation"]
)
@pytest.mark.parametrize("value", HOSTILE_VALUES)
def test_hostile_text_never_errors_and_is_never_half_stored(client, programme_page, field, value):
    response = sign_up(client, programme_page, **{field: value})

    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert Ambassador.objects.count() == 0
        assert "<script>alert('x')</script>" not in response.content.decode()
    else:
        ambassador = Ambassador.objects.get()
        assert "\x00" not in getattr(ambassador, field)


@pytest.mark.parametrize(
    "field, value",
    [
        ("community_role", "admin"),
        ("boroughs", ["no-such-borough"]),
        ("communities", ["<script>"]),
        ("networks", ["dark_web"]),
        ("time_commitment", "x" * 10_000),
        ("email", "not-an-email"),
        ("phone", "12"),
    ],
)
def test_values_outside_the_choices_are_refused_with_a_clear_error(client, programme_page, field, value):
    response = sign_up(client, programme_page, **{field: value})

    assert response.status_code == 200
    assert soup(response).select(".error-summary a")
    assert Ambassador.objects.count() == 0


def test_hostile_text_is_escaped_on_the_admin_record(client, programme_page):
    from django.urls import reverse

    from home import roles
    from tests.factories import UserFactory

    sign_up(client, programme_page, name="<img src=x onerror=alert(1)>", motivation="<b>bold</b>")
    ambassador = Ambassador.objects.get()
    client.force_login(UserFactory(role=roles.DIVERSITY_TEAM))

    page = client.get(reverse("ambassadors:inspect", args=[ambassador.pk])).content.decode()

    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "<b>bold</b>" not in page


def test_honeypot_rejects_with_a_message_and_stores_nothing(client, programme_page):
    response = sign_up(client, programme_page, website="http://spam.example")

    assert response.status_code == 400
    assert "leaving the field marked “Leave this empty” blank" in response.content.decode()
    assert Ambassador.objects.count() == 0


def test_rate_limit_gives_a_clear_429(client, programme_page, settings):
    settings.PUBLIC_FORM_RATE_LIMIT = 2

    statuses = [sign_up(client, programme_page, email=f"p{n}@example.org").status_code for n in range(3)]

    assert statuses == [302, 302, 429]
    assert Ambassador.objects.count() == 2


@pytest.fixture
def recaptcha_keys(settings):
    settings.RECAPTCHA_PUBLIC_KEY = "test-public-key"
    settings.RECAPTCHA_PRIVATE_KEY = "test-private-key"


def answer(valid=True, score=0.9):
    return mock.Mock(
        is_valid=valid, error_codes=[] if valid else ["invalid-input-response"], extra_data={"score": score}
    )


@pytest.mark.parametrize(
    "token, outcome",
    [
        ("", None),
        ("token", answer(valid=False)),
        ("token", answer(score=0.1)),
        ("token", TimeoutError("Google unreachable")),
    ],
    ids=["missing-token", "rejected", "low-score", "timeout"],
)
def test_doubtful_recaptcha_holds_the_sign_up_for_spam_review_without_emails(
    client, programme_page, recaptcha_keys, token, outcome
):
    effect = {"side_effect": outcome} if isinstance(outcome, Exception) else {"return_value": outcome}
    with mock.patch("recruitment_site.core.spam.recaptcha_client.submit", **effect):
        response = sign_up(client, programme_page, **{"g-recaptcha-response": token})

    assert response.status_code == 302
    ambassador = Ambassador.objects.get()
    assert ambassador.needs_spam_review and ambassador.spam_reason
    assert not Ambassador.objects.reviewed().exists()
    assert not EmailDelivery.objects.filter(reference=ambassador.reference).exists()
    thanks = client.get(response["Location"]).content.decode()
    assert "We will check it and contact you within one working day" in thanks
    assert "We have sent a confirmation" not in thanks


def test_good_recaptcha_score_goes_straight_to_the_list(client, programme_page, recaptcha_keys):
    with mock.patch("recruitment_site.core.spam.recaptcha_client.submit", return_value=answer()):
        sign_up(client, programme_page, **{"g-recaptcha-response": "token"})

    assert Ambassador.objects.reviewed().count() == 1


def test_releasing_a_held_sign_up_sends_its_emails(client, programme_page, recaptcha_keys, team_email):
    from django.urls import reverse

    from home import roles
    from tests.factories import UserFactory

    sign_up(client, programme_page)
    ambassador = Ambassador.objects.get()
    client.force_login(UserFactory(role=roles.DIVERSITY_TEAM))

    client.post(reverse("ambassadors:release", args=[ambassador.pk]))

    assert Ambassador.objects.reviewed().count() == 1
    assert EmailDelivery.objects.filter(reference=ambassador.reference).count() == 2


def test_tampered_confirmation_link_shows_the_form_not_a_reference(client, programme_page):
    response = client.get(programme_page.url + "?done=CA-FAKE12")

    assert soup(response).select_one(".reference") is None
    assert soup(response).select_one("form.registration-form")


def test_record_timeline_shows_sign_up_and_each_email_sent(
    client, programme_page, django_capture_on_commit_callbacks
):
    from django.urls import reverse

    from home import roles
    from tests.factories import UserFactory

    with django_capture_on_commit_callbacks(execute=True):
        sign_up(client, programme_page)
    ambassador = Ambassador.objects.get()
    client.force_login(UserFactory(role=roles.DIVERSITY_TEAM))

    page = soup(client.get(reverse("ambassadors:inspect", args=[ambassador.pk])))

    titles = [item.strong.get_text(strip=True) for item in page.select(".ambassador-timeline li")]
    assert "Signed up" in titles
    assert any(title.startswith("Email sent: Your ambassador sign-up") for title in titles)


def test_anonymous_visitors_each_get_a_fresh_form_not_a_cached_copy(client, programme_page):
    first = soup(client.get(programme_page.url)).select_one("input[name=submission_token]")["value"]
    client.cookies.clear()
    second = soup(client.get(programme_page.url)).select_one("input[name=submission_token]")["value"]

    assert first != second


def test_home_page_calls_people_to_become_ambassadors(client, programme_page):
    home = programme_page.get_parent()

    call = soup(client.get(home.url)).select_one(".ambassador-cta")

    assert call.h2.get_text(strip=True) == "Become a community ambassador"
    assert call.a["href"] == programme_page.url


def test_ambassador_sign_up_keeps_a_bengali_name_and_drops_an_override(client, programme_page):
    from tests.recruitment_site.test_plain_text import BENGALI_ZWJ, FAMILY_EMOJI, PDF, RLO

    response = sign_up(
        client,
        programme_page,
        name=f"{BENGALI_ZWJ} {RLO}Begum{PDF}",
        motivation=f"{RLO}To help{PDF} {FAMILY_EMOJI}",
        languages="Bengali, \u2066Sylheti\u2069",
    )

    assert response.status_code == 302
    ambassador = Ambassador.objects.get()
    assert ambassador.name == f"{BENGALI_ZWJ} Begum"
    assert ambassador.motivation == f"To help {FAMILY_EMOJI}"
    assert ambassador.languages == "Bengali, Sylheti"
