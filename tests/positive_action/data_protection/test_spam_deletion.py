"""Removing a record from the queues: only a submission held for spam review can be deleted, and it goes
with every trace (outbox emails, receipts, task rows, audit mentions), as an erasure does. Wagtail's
generic delete is refused to everyone, superusers included."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from wagtail.models import ModelLogEntry

from ambassadors_network.models import Ambassador
from home import roles
from positive_action.models import EmailDelivery, SupportRequest
from tests.factories import SuperuserFactory, UserFactory

from .factories import ambassador_person, support_person
from .search import rows_mentioning

pytestmark = pytest.mark.django_db


def identifiers(record):
    return record.name, record.email, record.phone


def signed_in(client, role):
    user = UserFactory(role=role)
    client.force_login(user)
    return user


def test_deleting_a_held_registration_as_spam_leaves_no_email_receipt_task_or_audit_mention(client):
    member = signed_in(client, roles.DIVERSITY_TEAM)
    held = support_person(user=member, needs_spam_review=True)
    genuine = support_person()
    assert rows_mentioning(*identifiers(held))

    response = client.post(reverse("support_queue:delete_spam", args=[held.pk]))

    assert response.status_code == 302
    assert rows_mentioning(*identifiers(held)) == []
    assert not SupportRequest.objects.filter(pk=held.pk).exists()
    assert not EmailDelivery.objects.filter(reference=held.reference).exists()
    assert rows_mentioning(genuine.email), "someone else's data must stay"
    content_type = ContentType.objects.get_for_model(SupportRequest)
    entries = ModelLogEntry.objects.filter(content_type=content_type, object_id=str(held.pk))
    assert [(entry.action, entry.user, entry.label) for entry in entries] == [
        ("data_protection.deleted_as_spam", member, held.reference)
    ]


def test_a_record_in_the_queue_cannot_be_deleted_as_spam(client):
    signed_in(client, roles.DIVERSITY_LEADS)
    genuine = support_person()

    response = client.post(reverse("support_queue:delete_spam", args=[genuine.pk]), follow=True)

    assert "not held for spam review" in response.content.decode()
    assert SupportRequest.objects.filter(pk=genuine.pk).exists()


def test_bulk_delete_in_the_queue_removes_only_held_registrations_and_all_their_traces(client):
    signed_in(client, roles.DIVERSITY_TEAM)
    held = support_person(needs_spam_review=True)
    genuine = support_person()
    url = f"/admin/bulk/positive_action/supportrequest/delete/?id={held.pk}&id={genuine.pk}"

    confirmation = client.get(url).content.decode()
    response = client.post(url)

    assert "Erase this person" in confirmation  # points to the erasure route for the genuine record
    assert response.status_code == 302
    assert rows_mentioning(*identifiers(held)) == []
    assert SupportRequest.objects.filter(pk=genuine.pk).exists()
    assert rows_mentioning(genuine.email)


@pytest.mark.parametrize("role", [roles.DIVERSITY_TEAM, roles.DIVERSITY_LEADS, "superuser"])
def test_wagtails_generic_delete_is_refused_to_everyone(client, role):
    if role == "superuser":
        client.force_login(SuperuserFactory())
    else:
        signed_in(client, role)
    record = support_person()
    ambassador = ambassador_person()

    support = client.post(reverse("support_queue:delete", args=[record.pk]))
    ambassadors = client.post(reverse("ambassadors:delete", args=[ambassador.pk]))

    assert (support.status_code, ambassadors.status_code) == (403, 403)
    assert SupportRequest.objects.filter(pk=record.pk).exists()
    assert Ambassador.objects.filter(pk=ambassador.pk).exists()
    edit_page = client.get(reverse("support_queue:edit", args=[record.pk])).content.decode()
    assert reverse("support_queue:delete", args=[record.pk]) not in edit_page


def test_deleting_a_held_ambassador_sign_up_as_spam_leaves_no_trace(client):
    lead = signed_in(client, roles.DIVERSITY_LEADS)
    held = ambassador_person(user=lead, needs_spam_review=True)

    response = client.post(reverse("ambassadors:delete_spam", args=[held.pk]))

    assert response.status_code == 302
    assert rows_mentioning(*identifiers(held)) == []
    assert not Ambassador.objects.filter(pk=held.pk).exists()


def test_the_diversity_team_cannot_delete_an_ambassador_sign_up(client):
    signed_in(client, roles.DIVERSITY_TEAM)
    held = ambassador_person(needs_spam_review=True)

    response = client.post(reverse("ambassadors:delete_spam", args=[held.pk]))

    assert response.status_code == 403
    assert Ambassador.objects.filter(pk=held.pk).exists()
