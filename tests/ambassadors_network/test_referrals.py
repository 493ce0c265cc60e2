import uuid

import pytest
from django.urls import reverse

from ambassadors_network.models import Referral, Status
from ambassadors_network.referrals import normalise_code, referred_by
from ambassadors_network.status import change_status
from home import roles
from positive_action.choices import Stage
from positive_action.models import SupportRequest
from tests.factories import UserFactory
from tests.helpers import soup
from tests.home.translation_factories import translate

from .factories import AmbassadorFactory

pytestmark = pytest.mark.django_db


def support_data(ref="", email="person@example.org", **overrides):
    data = {
        "submission_token": str(uuid.uuid4()),
        "name": "Referred Person",
        "email": email,
        "phone": "07700 900982",
        "preferred_contact": "email",
        "borough": "newham",
        "role_of_interest": "constable",
        "application_progress": "not_applied",
        "support_wanted": ["mock_interview"],
        "heard_about": "ambassador",
        "referral_code": ref,
        "consent": "on",
    }
    data.update(overrides)
    return data


def follow_link_and_register(client, ambassador_code, email="person@example.org"):
    """What a person does: open the short link, then send the form with the hidden code it carried."""
    landing = client.get(f"/r/{ambassador_code}/", follow=True)
    hidden = soup(landing).find("input", attrs={"name": "referral_code"})
    return client.post(landing.request["PATH_INFO"], support_data(ref=hidden["value"], email=email))


def support_request(email="person@example.org"):
    return SupportRequest.objects.get(email=email)


def test_short_link_redirects_to_the_support_page_keeping_the_code(client, support_page):
    ambassador = AmbassadorFactory(status=Status.ACTIVE)

    response = client.get(f"/r/{ambassador.referral_code}/")

    assert response.status_code == 302
    assert response.url == f"{support_page.url}?ref={ambassador.referral_code}"


def test_short_link_in_a_language_leads_to_that_languages_support_page_when_there_is_one(
    client, support_page
):
    ambassador = AmbassadorFactory(status=Status.ACTIVE)
    code = ambassador.referral_code

    assert client.get(f"/ur/r/{code}/").url == f"{support_page.url}?ref={code}"  # no Urdu page yet

    translate(support_page.get_parent(), "ur")
    urdu_page = translate(support_page, "ur")["ur"]

    assert client.get(f"/ur/r/{code}/").url == f"/ur/get-support/?ref={code}" == f"{urdu_page.url}?ref={code}"
    assert client.get(f"/r/{code}/").url == f"{support_page.url}?ref={code}"


def test_referral_link_attribution_end_to_end(client, support_page):
    ambassador = AmbassadorFactory(status=Status.ACTIVE)
    team = UserFactory(role=roles.DIVERSITY_TEAM)

    response = follow_link_and_register(client, ambassador.referral_code)

    assert response.status_code == 302
    referral = Referral.objects.get()
    assert referral.ambassador == ambassador and referral.support_request == support_request()
    client.force_login(team)
    record = soup(client.get(reverse("ambassadors:inspect", args=[ambassador.pk])))
    assert support_request().reference in record.get_text()
    assert "1 person registered for support through this ambassador" in record.get_text(" ", strip=True)

    SupportRequest.objects.filter(pk=support_request().pk).update(stage=Stage.ASSESSMENT)
    record = soup(client.get(reverse("ambassadors:inspect", args=[ambassador.pk])))
    reached = {
        row.th.get_text(strip=True): row.td.get_text(strip=True)
        for row in record.find("caption", string="How far they got").parent.select("tbody tr")
    }
    assert reached["Assessment"] == "1" and reached["Vetting"] == "0" and reached["Contacted"] == "1"


def test_code_typed_by_hand_in_lower_case_with_spaces_is_attributed(client, support_page):
    ambassador = AmbassadorFactory(status=Status.TRAINED)
    typed = ambassador.referral_code.lower()[:5] + " " + ambassador.referral_code.lower()[5:]

    client.post(support_page.url, support_data(ref=typed))

    assert Referral.objects.get().ambassador == ambassador


@pytest.mark.parametrize("status", [Status.DECLINED, Status.LEFT, Status.PAUSED])
def test_code_of_an_ambassador_who_may_not_refer_registers_the_person_unattributed(
    client, support_page, status
):
    ambassador = AmbassadorFactory(status=Status.APPROVED)
    code = ambassador.referral_code
    # Someone who left and came back through review can be declined while still holding their old code.
    steps = [Status.LEFT, Status.IN_REVIEW, Status.DECLINED] if status == Status.DECLINED else [status]
    for step in steps:
        ambassador = change_status(ambassador, step, None)
    assert ambassador.referral_code == code

    response = follow_link_and_register(client, code)

    assert response.status_code == 302
    assert SupportRequest.objects.count() == 1
    assert not Referral.objects.exists()


@pytest.mark.parametrize(
    "code",
    ["NOSUCHCODE", "ZZZZZZZZZZ", "<script>alert(1)</script>", "' OR 1=1 --", "x" * 500, "\u202e\U0001f46e"],
)
def test_unknown_or_hostile_codes_never_error_and_attribute_nobody(client, support_page, code):
    AmbassadorFactory(status=Status.ACTIVE)

    link = client.get(f"/r/{code}/")
    response = client.post(support_page.url, support_data(ref=code))

    assert link.status_code in (302, 404)
    assert response.status_code in (200, 302)
    assert not Referral.objects.exists()


def test_short_link_with_a_hostile_code_redirects_without_it(client, support_page):
    response = client.get("/r/<script>/")

    assert response.status_code == 302 and response.url == support_page.url


def test_referrals_already_made_stay_with_an_ambassador_who_leaves(client, support_page):
    ambassador = AmbassadorFactory(status=Status.ACTIVE)
    follow_link_and_register(client, ambassador.referral_code, email="first@example.org")

    change_status(ambassador, Status.LEFT, None)
    follow_link_and_register(client, ambassador.referral_code, email="second@example.org")

    assert [referral.support_request.email for referral in Referral.objects.all()] == ["first@example.org"]


def test_queue_filter_helper_returns_only_the_ambassadors_referrals(client, support_page):
    first, second = AmbassadorFactory(status=Status.ACTIVE), AmbassadorFactory(status=Status.ACTIVE)
    follow_link_and_register(client, first.referral_code, email="a@example.org")
    follow_link_and_register(client, second.referral_code, email="b@example.org")
    client.post(support_page.url, support_data(email="c@example.org"))

    emails = set(referred_by(SupportRequest.objects.all(), first).values_list("email", flat=True))

    assert emails == {"a@example.org"}


@pytest.mark.parametrize(
    "typed, expected",
    [("2346 789acd", "2346789ACD"), ("2346-789-ACD", "2346789ACD"), ("OOOOOOOOOO", ""), ("", ""), (None, "")],
)
def test_normalise_code(typed, expected):
    assert normalise_code(typed) == expected


def test_support_queue_filters_by_ambassador_from_the_record_link(client, support_page):
    first, second = AmbassadorFactory(status=Status.ACTIVE), AmbassadorFactory(status=Status.ACTIVE)
    follow_link_and_register(client, first.referral_code, email="a@example.org")
    follow_link_and_register(client, second.referral_code, email="b@example.org")
    client.force_login(UserFactory(role=roles.DIVERSITY_TEAM))

    record = soup(client.get(reverse("ambassadors:inspect", args=[first.pk])))
    queue_link = record.find("a", string="See them in the support queue")["href"]
    queue = client.get(queue_link).content.decode()

    assert support_request("a@example.org").reference in queue
    assert support_request("b@example.org").reference not in queue
