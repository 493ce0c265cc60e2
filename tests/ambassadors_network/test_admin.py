import csv
import io

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from ambassadors_network.models import Ambassador, ContactType, EntryKind, NetworkType, Status
from home import roles
from tests.factories import UserFactory
from tests.helpers import soup

from .factories import AmbassadorFactory, BoroughFactory, CommunityFactory

pytestmark = pytest.mark.django_db

TEAM_ROLES = (roles.DIVERSITY_TEAM, roles.DIVERSITY_LEADS)
NO_ACCESS_ROLES = (roles.EDITORS, roles.MODERATORS)


def record_urls(pk):
    return {
        "ambassadors:edit": ("get", reverse("ambassadors:edit", args=[pk])),
        "ambassadors:inspect": ("get", reverse("ambassadors:inspect", args=[pk])),
        "ambassadors:history": ("get", reverse("ambassadors:history", args=[pk])),
        "ambassadors:delete": ("get", reverse("ambassadors:delete", args=[pk])),
        "ambassadors:change_status": ("post", reverse("ambassadors:change_status", args=[pk])),
        "ambassadors:log_contact": ("post", reverse("ambassadors:log_contact", args=[pk])),
        "ambassadors:add_note": ("post", reverse("ambassadors:add_note", args=[pk])),
        "ambassadors:release": ("post", reverse("ambassadors:release", args=[pk])),
        "ambassadors:delete_spam": ("post", reverse("ambassadors:delete_spam", args=[pk])),
    }


def list_urls():
    return {
        "ambassadors:index": ("get", reverse("ambassadors:index")),
        "ambassadors:index_results": ("get", reverse("ambassadors:index_results")),
        "ambassadors:add": ("get", reverse("ambassadors:add")),
        "ambassadors:export": ("get", reverse("ambassadors:export")),
        "ambassador_report:index": ("get", reverse("ambassador_report:index")),
    }


# What each role may open: team works records; leads also delete spam, export and see the report; nobody
# adds an ambassador by hand (sign-ups come through the public form with consent) and nobody uses Wagtail's
# generic delete (it would leave the person's emails behind; a lead erases a person instead).
ALLOWED = {
    roles.DIVERSITY_TEAM: {
        "ambassadors:index",
        "ambassadors:index_results",
        "ambassadors:edit",
        "ambassadors:inspect",
        "ambassadors:history",
        "ambassadors:change_status",
        "ambassadors:log_contact",
        "ambassadors:add_note",
        "ambassadors:release",
    },
}
ALLOWED[roles.DIVERSITY_LEADS] = ALLOWED[roles.DIVERSITY_TEAM] | {
    "ambassadors:delete_spam",
    "ambassadors:export",
    "ambassador_report:index",
}
ALLOWED[roles.EDITORS] = ALLOWED[roles.MODERATORS] = ALLOWED[roles.TRANSLATORS] = set()


def signed_in(client, role):
    client.force_login(UserFactory(role=role))
    return client


@pytest.mark.parametrize("role", roles.ALL_ROLES)
def test_permission_matrix_for_every_ambassador_url(client, role):
    ambassador = AmbassadorFactory()
    signed_in(client, role)
    urls = {**list_urls(), **record_urls(ambassador.pk)}

    for name, (method, url) in urls.items():
        response = getattr(client, method)(url)
        if name in ALLOWED[role]:
            assert response.status_code in (200, 302), (name, response.status_code)
            assert not (response.status_code == 302 and response.url.startswith("/admin/login")), name
        else:
            assert response.status_code == 403, (name, response.status_code)


def test_every_ambassador_admin_url_is_in_the_permission_matrix():
    from ambassadors_network.wagtail_hooks import AmbassadorViewSet, NetworkReportViewSet

    names = {f"ambassadors:{pattern.name}" for pattern in AmbassadorViewSet().get_urlpatterns()}
    names |= {f"ambassador_report:{pattern.name}" for pattern in NetworkReportViewSet().get_urlpatterns()}
    covered = set(list_urls()) | set(record_urls(1))
    # The usage and history-results views are Wagtail's own helpers with the same permission check.
    assert names - covered <= {"ambassadors:usage", "ambassadors:history_results"}


def test_anonymous_visitors_are_sent_to_sign_in(client):
    ambassador = AmbassadorFactory()
    for _name, (method, url) in {**list_urls(), **record_urls(ambassador.pk)}.items():
        response = getattr(client, method)(url)
        assert response.status_code == 302 and "/admin/login/" in response.url, url


def test_list_hides_spam_held_sign_ups_until_asked(client):
    AmbassadorFactory(name="Genuine Person")
    AmbassadorFactory(name="Held Person", needs_spam_review=True)
    signed_in(client, roles.DIVERSITY_TEAM)

    listing = client.get(reverse("ambassadors:index")).content.decode()
    held = client.get(reverse("ambassadors:index") + "?spam_review=held").content.decode()

    assert "Genuine Person" in listing and "Held Person" not in listing
    assert "Held Person" in held and "Genuine Person" not in held


def test_list_filters_by_status_borough_community_language_and_network(client):
    newham, brent = BoroughFactory(name="Newham", slug="newham"), BoroughFactory(name="Brent", slug="brent")
    tamil = CommunityFactory(name="Tamil", slug="tamil")
    AmbassadorFactory(
        name="Match Person",
        status=Status.ACTIVE,
        boroughs=[newham],
        communities=[tamil],
        languages="English, Tamil",
        networks=[NetworkType.SCHOOLS],
    )
    AmbassadorFactory(
        name="Other Person", boroughs=[brent], languages="Polish", networks=[NetworkType.ONLINE]
    )
    signed_in(client, roles.DIVERSITY_TEAM)

    for query in (
        "status=active",
        f"borough={newham.pk}",
        f"community={tamil.pk}",
        "language=tamil",
        "network=schools",
    ):
        page = client.get(reverse("ambassadors:index") + "?" + query).content.decode()
        assert "Match Person" in page and "Other Person" not in page, query


def test_search_finds_by_reference_and_email(client):
    ambassador = AmbassadorFactory(name="Findable Person", email="findable@example.org")
    AmbassadorFactory(name="Someone Else")
    signed_in(client, roles.DIVERSITY_TEAM)

    for term in (ambassador.reference, "findable@example.org"):
        page = client.get(reverse("ambassadors:index") + f"?q={term}").content.decode()
        assert "Findable Person" in page and "Someone Else" not in page


def test_viewing_a_record_is_written_to_the_audit_log(client):
    ambassador = AmbassadorFactory()
    signed_in(client, roles.DIVERSITY_TEAM)

    client.get(reverse("ambassadors:inspect", args=[ambassador.pk]))

    entry = ModelLogEntry.objects.get(action="ambassadors.view_record")
    assert entry.object_id == str(ambassador.pk)


def test_approval_from_the_record_issues_a_copyable_referral_link(client):
    ambassador = AmbassadorFactory(status=Status.IN_REVIEW)
    signed_in(client, roles.DIVERSITY_TEAM)

    response = client.post(reverse("ambassadors:change_status", args=[ambassador.pk]), {"status": "approved"})

    assert response.status_code == 302
    ambassador.refresh_from_db()
    assert ambassador.status == Status.APPROVED and ambassador.referral_code
    page = soup(client.get(reverse("ambassadors:inspect", args=[ambassador.pk])))
    link = page.find("input", id="referral-link")["value"]
    assert link == f"http://testserver/r/{ambassador.referral_code}/"
    assert page.find("button", attrs={"data-w-clipboard-value-value": link})


def test_record_offers_only_allowed_next_statuses(client):
    ambassador = AmbassadorFactory(status=Status.APPROVED)
    signed_in(client, roles.DIVERSITY_TEAM)

    page = soup(client.get(reverse("ambassadors:inspect", args=[ambassador.pk])))

    options = {option["value"] for option in page.select("select[name=status] option")}
    assert options == {"trained", "paused", "left"}


def test_forbidden_status_change_by_post_is_refused_with_a_message(client):
    ambassador = AmbassadorFactory()
    signed_in(client, roles.DIVERSITY_TEAM)

    client.post(reverse("ambassadors:change_status", args=[ambassador.pk]), {"status": "active"})

    assert Ambassador.objects.get(pk=ambassador.pk).status == Status.APPLIED


def test_logging_a_contact_and_a_note_adds_them_to_the_timeline(client):
    ambassador = AmbassadorFactory()
    user = UserFactory(role=roles.DIVERSITY_TEAM)
    client.force_login(user)

    client.post(
        reverse("ambassadors:log_contact", args=[ambassador.pk]),
        {"contact_type": ContactType.EVENT_ATTENDED, "text": "Came to the network meeting"},
    )
    client.post(reverse("ambassadors:add_note", args=[ambassador.pk]), {"text": "<script>alert(1)</script>"})

    contact = ambassador.timeline.get(kind=EntryKind.CONTACT)
    assert (contact.contact_type, contact.actor) == (ContactType.EVENT_ATTENDED, user)
    page = client.get(reverse("ambassadors:inspect", args=[ambassador.pk])).content.decode()
    assert "Came to the network meeting" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert(1)" not in page


def test_export_is_for_leads_only_filtered_and_logged(client):
    AmbassadorFactory(name="Active Person", status=Status.ACTIVE)
    AmbassadorFactory(name="=HYPERLINK(1)", status=Status.APPLIED)
    lead = UserFactory(role=roles.DIVERSITY_LEADS)
    client.force_login(lead)

    response = client.get(reverse("ambassadors:export") + "?status=active")

    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][0] == "Reference" and [row[1] for row in rows[1:]] == ["Active Person"]
    entry = ModelLogEntry.objects.get(action="ambassadors.export")
    assert entry.user_id == lead.pk and entry.data["filters"] == {"status": "active"}


def test_export_neutralises_spreadsheet_formulas(client):
    AmbassadorFactory(name="=HYPERLINK(1)")
    signed_in(client, roles.DIVERSITY_LEADS)

    rows = list(csv.reader(io.StringIO(client.get(reverse("ambassadors:export")).content.decode())))

    assert rows[1][1] == "'=HYPERLINK(1)"


def test_export_button_shows_only_for_leads(client):
    AmbassadorFactory()
    signed_in(client, roles.DIVERSITY_TEAM)
    assert "Export CSV" not in client.get(reverse("ambassadors:index")).content.decode()

    signed_in(client, roles.DIVERSITY_LEADS)
    assert "Export CSV" in client.get(reverse("ambassadors:index")).content.decode()


def submenu_names(user):
    from django.test import RequestFactory
    from wagtail.admin.menu import admin_menu

    request = RequestFactory().get("/admin/")
    request.user = user
    group = next(
        item for item in admin_menu.menu_items_for_request(request) if item.name == "ambassador-network"
    )
    return {item.name for item in group.menu.menu_items_for_request(request)}


def test_only_leads_see_the_network_report_in_the_menu():
    assert submenu_names(UserFactory(role=roles.DIVERSITY_TEAM)) == {"ambassadors"}
    assert submenu_names(UserFactory(role=roles.DIVERSITY_LEADS)) == {"ambassadors", "network-report"}
