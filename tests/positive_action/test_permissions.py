"""Who may open which queue URL. Every URL the queue's viewset and views define is in the matrix: a test
walks the admin URL conf so a new queue URL cannot escape it."""

import pytest
from django.urls import get_resolver

from home import roles
from positive_action.models import SupportRequest
from tests.factories import SuperuserFactory, UserFactory

from .factories import SupportRequestFactory

pytestmark = pytest.mark.django_db

TEAM, LEADS, EDITORS, MODERATORS = (
    roles.DIVERSITY_TEAM,
    roles.DIVERSITY_LEADS,
    roles.EDITORS,
    roles.MODERATORS,
)

# (URL template, method, roles that may use it). {pk} is a support request.
MATRIX = {
    "support_queue:list": ("/admin/support-queue/", "get", {TEAM, LEADS}),
    "support_queue:list_results": ("/admin/support-queue/results/", "get", {TEAM, LEADS}),
    "support_queue:inspect": ("/admin/support-queue/inspect/{pk}/", "get", {TEAM, LEADS}),
    "support_queue:edit": ("/admin/support-queue/edit/{pk}/", "get", {TEAM, LEADS}),
    # Wagtail's generic delete is refused to everyone: it would leave the person's emails behind.
    "support_queue:delete": ("/admin/support-queue/delete/{pk}/", "get", set()),
    "support_queue:delete_spam": ("/admin/support-queue/spam/{pk}/delete/", "post", {TEAM, LEADS}),
    "support_queue:history": ("/admin/support-queue/history/{pk}/", "get", {TEAM, LEADS}),
    "support_queue:history_results": ("/admin/support-queue/history-results/{pk}/", "get", {TEAM, LEADS}),
    "support_queue:usage": ("/admin/support-queue/usage/{pk}/", "get", {TEAM, LEADS}),
    "support_queue:action": ("/admin/support-queue/record/{pk}/note/", "post", {TEAM, LEADS}),
    "support_queue:equality": ("/admin/support-queue/equality/", "get", {LEADS}),
    "support_queue:export": ("/admin/support-queue/?export=csv", "get", {LEADS}),
    # Nobody adds requests by hand: they come from the public form.
    "support_queue:add": ("/admin/support-queue/add/", "get", set()),
}
# Views the viewset provides that need no row of their own in the matrix (covered above by another).
NOT_ROUTES = {"support_queue:export"}


def queue_url_names():
    resolver = get_resolver()
    names = set()
    for namespace, (_prefix, sub_resolver) in resolver.namespace_dict.items():
        if namespace == "support_queue":
            names |= {f"support_queue:{name}" for name in sub_resolver.reverse_dict if isinstance(name, str)}
    return names


def test_every_queue_url_is_in_the_matrix():
    assert queue_url_names(), "the queue's URLs were not found"
    assert queue_url_names() <= set(MATRIX)
    assert set(MATRIX) - NOT_ROUTES <= queue_url_names()


def request_as(client, user, url, method):
    client.force_login(user)
    if method == "post":
        return client.post(url, {"note-text": "A note"})
    return client.get(url)


@pytest.mark.parametrize("name", sorted(MATRIX))
@pytest.mark.parametrize("role", [TEAM, LEADS, EDITORS, MODERATORS])
def test_permission_matrix(client, name, role):
    record = SupportRequestFactory(name="Secret Person")
    url_template, method, allowed = MATRIX[name]
    response = request_as(client, UserFactory(role=role), url_template.format(pk=record.pk), method)

    if role in allowed:
        assert response.status_code in (200, 302), (name, role, response.status_code)
        if response.status_code == 302:
            assert "/admin/login" not in response["Location"]
    else:
        assert response.status_code == 403, (name, role, response.status_code)
        assert b"Secret Person" not in response.content
    if method == "post" and role not in allowed:
        assert not record.timeline.exists()


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_anonymous_visitors_are_sent_to_sign_in(client, name):
    record = SupportRequestFactory()
    url_template, method, _allowed = MATRIX[name]

    response = getattr(client, method)(url_template.format(pk=record.pk))

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_superuser_can_open_the_queue(client):
    client.force_login(SuperuserFactory())

    assert client.get("/admin/support-queue/").status_code == 200


@pytest.mark.parametrize("role", [EDITORS, MODERATORS])
def test_editors_and_moderators_cannot_bulk_change_requests(client, role):
    record = SupportRequestFactory()
    client.force_login(UserFactory(role=role))

    client.post(
        f"/admin/bulk/positive_action/supportrequest/change_stage/?id={record.pk}", {"stage": "closed"}
    )

    assert SupportRequest.objects.get(pk=record.pk).stage == "new"
