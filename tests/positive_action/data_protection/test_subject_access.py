import json

import pytest
from django.urls import get_resolver, reverse
from wagtail.models import ModelLogEntry

from ambassadors_network.models import Status
from home import roles
from tests.factories import UserFactory
from tests.helpers import h1_texts, inline_code, soup

from .factories import ambassador_person, support_person

pytestmark = pytest.mark.django_db

REFUSED_ROLES = (roles.EDITORS, roles.MODERATORS, roles.DIVERSITY_TEAM)


def test_every_data_protection_url_is_in_the_matrix():
    """A new URL in the app must be added to data_protection_urls, and so to the permission matrix."""
    namespace = get_resolver().namespace_dict["data_protection"][1]
    names = {name for name in namespace.reverse_dict if isinstance(name, str)}
    assert names == {"subject_access", "subject_access_json", "erase"}


def data_protection_urls(kind, pk):
    return [
        ("get", reverse("data_protection:subject_access", args=[kind, pk])),
        ("get", reverse("data_protection:subject_access_json", args=[kind, pk])),
        ("get", reverse("data_protection:erase", args=[kind, pk])),
        ("post", reverse("data_protection:erase", args=[kind, pk])),
    ]


@pytest.fixture
def people():
    preferences = {"preferred_contact": "whatsapp", "callback_time": "evening", "interpreter": "yes"}
    return {
        "support": support_person(contact_language="ur", language="en-gb", **preferences),
        "ambassador": ambassador_person(status=Status.ACTIVE, contact_language="so", **preferences),
    }


@pytest.mark.parametrize("role", REFUSED_ROLES)
@pytest.mark.parametrize("kind", ["support", "ambassador"])
def test_everyone_but_diversity_leads_gets_403_and_nothing_is_logged(client, people, role, kind):
    client.force_login(UserFactory(role=role))
    record = people[kind]
    for method, url in data_protection_urls(kind, record.pk):
        response = getattr(client, method)(url, {"confirm_reference": record.reference})
        assert response.status_code == 403, (role, method, url)
    assert not ModelLogEntry.objects.filter(action__startswith="data_protection.").exists()
    assert type(record).objects.filter(pk=record.pk).exists()


@pytest.mark.parametrize("kind", ["support", "ambassador"])
def test_subject_access_and_erasure_pages_are_headed_with_their_own_titles(lead_client, people, kind):
    pk = people[kind].pk
    access = lead_client.get(reverse("data_protection:subject_access", args=[kind, pk]))
    erase = lead_client.get(reverse("data_protection:erase", args=[kind, pk]))

    reference = people[kind].reference
    assert h1_texts(access) == [f"Everything held about this person: {reference}"]
    assert [text.removesuffix(f": {reference}") for text in h1_texts(erase)] == ["Erase a person's data"]


@pytest.mark.parametrize("kind", ["support", "ambassador"])
def test_diversity_leads_can_open_every_data_protection_page(lead_client, people, kind):
    for method, url in data_protection_urls(kind, people[kind].pk)[:3]:
        assert getattr(lead_client, method)(url).status_code == 200, url


def test_signed_out_visitors_are_sent_to_sign_in(client, people):
    response = client.get(
        reverse("data_protection:subject_access_json", args=["support", people["support"].pk])
    )
    assert response.status_code == 302
    assert reverse("wagtailadmin_login") in response["Location"]


def test_unknown_kind_or_record_is_404(lead_client):
    assert lead_client.get(reverse("data_protection:subject_access", args=["users", 1])).status_code == 404
    assert (
        lead_client.get(reverse("data_protection:subject_access", args=["support", 999])).status_code == 404
    )


def test_json_download_holds_record_timeline_emails_equality_answers_and_audit(lead_client, people):
    record = people["support"]
    response = lead_client.get(reverse("data_protection:subject_access_json", args=["support", record.pk]))

    assert response["Content-Disposition"] == f'attachment; filename="subject-access-{record.reference}.json"'
    data = json.loads(response.content)
    fields = {row["field"]: row["value"] for row in data["record"]}
    assert (fields["name"], fields["email"], fields["phone"]) == (record.name, record.email, record.phone)
    assert fields["role_of_interest"] == "Police constable"
    assert (fields["preferred_contact"], fields["callback_time"]) == ("WhatsApp", "Evening (5pm to 8pm)")
    assert (fields["contact_language"], fields["interpreter"], fields["language"]) == (
        "Urdu",
        "Yes",
        "English",
    )
    assert f"Called {record.name} on {record.phone}" in [entry["text"] for entry in data["timeline"]]
    assert data["emails"][0]["to"] == record.email
    assert record.reference in data["emails"][0]["body"]
    assert {"question": "What is your sex?", "answer": "Female"} in data["equality_monitoring"]
    assert "Edit" in [entry["action"] for entry in data["audit_log"]]


def test_ambassador_copy_holds_their_record_and_counts_referrals_without_naming_people(lead_client, people):
    record = people["ambassador"]
    response = lead_client.get(reverse("data_protection:subject_access_json", args=["ambassador", record.pk]))

    data = json.loads(response.content)
    fields = {row["field"]: row["value"] for row in data["record"]}
    assert fields["motivation"] == record.motivation
    assert fields["networks"] == "Faith groups"
    assert (fields["contact_language"], fields["interpreter"]) == ("Somali", "Yes")
    assert data["referral"] == {"people_referred": 0}
    assert data["equality_monitoring"] == []


def test_readable_page_shows_the_same_data_without_inline_code(lead_client, people):
    record = people["support"]
    response = lead_client.get(reverse("data_protection:subject_access", args=["support", record.pk]))

    page = soup(response)
    assert record.email in page.get_text()
    assert "Asian or Asian British: Bangladeshi" in page.get_text()
    assert len(page.find_all("h1")) == 1
    assert inline_code(response) == []


def test_every_view_and_download_is_audit_logged_with_the_reference_only(lead_client, lead, people):
    record = people["ambassador"]
    lead_client.get(reverse("data_protection:subject_access", args=["ambassador", record.pk]))
    lead_client.get(reverse("data_protection:subject_access_json", args=["ambassador", record.pk]))

    entries = ModelLogEntry.objects.filter(action__startswith="data_protection.subject_access").order_by("pk")
    assert [entry.action for entry in entries] == [
        "data_protection.subject_access_viewed",
        "data_protection.subject_access_downloaded",
    ]
    assert all(entry.user == lead and entry.data == {"reference": record.reference} for entry in entries)


@pytest.mark.parametrize(
    ("kind", "record_url"), [("ambassador", "ambassadors:inspect"), ("support", "support_queue:inspect")]
)
def test_record_views_show_data_protection_links_to_leads_only(client, lead_client, people, kind, record_url):
    record = people[kind]
    url = reverse(record_url, args=[record.pk])
    erase_url = reverse("data_protection:erase", args=[kind, record.pk])

    assert soup(lead_client.get(url)).find("a", href=erase_url)
    client.force_login(UserFactory(role=roles.DIVERSITY_TEAM))
    assert soup(client.get(url)).find("a", href=erase_url) is None
