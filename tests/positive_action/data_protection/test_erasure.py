import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse
from wagtail.models import ModelLogEntry

from ambassadors_network.models import Ambassador, Referral, Status
from positive_action.audit import audit_list
from positive_action.models import EmailDelivery, SupportRequest

from .factories import SEND_EMAILS_TASK, ambassador_person, support_person, task_row
from .search import rows_mentioning

pytestmark = pytest.mark.django_db


def erase_url(kind, record):
    return reverse("data_protection:erase", args=[kind, record.pk])


def identifiers(record):
    return record.name, record.email, record.phone


def test_confirmation_page_erases_nothing(lead_client):
    record = support_person()

    response = lead_client.get(erase_url("support", record))

    assert response.status_code == 200
    assert "cannot be undone" in response.content.decode()
    assert SupportRequest.objects.filter(pk=record.pk).exists()


def test_wrong_reference_is_refused_and_nothing_erased(lead_client):
    record = support_person()

    response = lead_client.post(erase_url("support", record), {"confirm_reference": "PA-WRONG1"})

    assert response.status_code == 200
    assert "not the record" in response.content.decode()
    assert SupportRequest.objects.filter(pk=record.pk).exists()


def test_erasure_without_csrf_token_is_refused(lead):
    record = support_person()
    client = Client(enforce_csrf_checks=True)
    client.force_login(lead)

    response = client.post(erase_url("support", record), {"confirm_reference": record.reference})

    assert response.status_code == 403
    assert SupportRequest.objects.filter(pk=record.pk).exists()


def test_erasing_a_support_request_leaves_nothing_personal_in_any_table(lead_client, lead):
    record = support_person(user=lead)
    other = support_person()
    needles = identifiers(record)
    assert rows_mentioning(*needles)

    response = lead_client.post(erase_url("support", record), {"confirm_reference": record.reference.lower()})

    assert response.status_code == 302
    assert rows_mentioning(*needles) == []
    assert not SupportRequest.objects.filter(pk=record.pk).exists()
    assert not EmailDelivery.objects.filter(reference=record.reference).exists()
    assert rows_mentioning(other.email), "someone else's data must stay"


def test_audit_log_keeps_only_that_the_erasure_happened_by_whom_and_the_reference(lead_client, lead):
    record = support_person(user=lead)
    lead_client.get(reverse("data_protection:subject_access", args=["support", record.pk]))

    lead_client.post(erase_url("support", record), {"confirm_reference": record.reference})

    content_type = ContentType.objects.get_for_model(SupportRequest)
    entries = ModelLogEntry.objects.filter(content_type=content_type, object_id=str(record.pk))
    assert [(entry.action, entry.user, entry.label, entry.data) for entry in entries] == [
        ("data_protection.erased", lead, record.reference, {"reference": record.reference})
    ]


def test_erasing_an_ambassador_clears_timeline_emails_tasks_and_referrals(lead_client):
    ambassador = ambassador_person(status=Status.ACTIVE)
    referred = support_person(referral_code=ambassador.referral_code)
    Referral.objects.get_or_create(
        support_request=referred, defaults={"ambassador": ambassador, "code": ambassador.referral_code}
    )
    needles = identifiers(ambassador)

    lead_client.post(erase_url("ambassador", ambassador), {"confirm_reference": ambassador.reference})

    assert not Ambassador.objects.filter(pk=ambassador.pk).exists()
    assert rows_mentioning(*needles) == []
    assert SupportRequest.objects.filter(pk=referred.pk).exists()
    assert not Referral.objects.filter(support_request=referred).exists()


def test_same_person_support_request_and_ambassador_record_are_erased_together(lead_client):
    record = support_person()
    ambassador = ambassador_person(email=record.email.upper(), name=record.name)

    page = lead_client.get(erase_url("support", record)).content.decode()
    assert ambassador.reference in page
    lead_client.post(
        erase_url("support", record),
        {"confirm_reference": record.reference, "also_erase": [ambassador.reference]},
    )

    assert not Ambassador.objects.filter(pk=ambassador.pk).exists()
    assert rows_mentioning(*identifiers(record), ambassador.phone) == []
    assert ModelLogEntry.objects.filter(action="data_protection.erased").count() == 2


def test_a_search_for_the_person_in_an_export_log_is_redacted(lead_client, lead):
    record = support_person()
    audit_list(SupportRequest, "recruitment.exported", lead, q=record.name, stage="closed")

    lead_client.post(erase_url("support", record), {"confirm_reference": record.reference})

    export = ModelLogEntry.objects.get(action="recruitment.exported")
    assert export.data == {"q": "[erased]", "stage": "closed"}


def test_task_rows_that_mention_the_person_go_and_others_stay(lead_client):
    record = support_person()
    unrelated = task_row([123456], return_value="sent")

    lead_client.post(erase_url("support", record), {"confirm_reference": record.reference})

    assert rows_mentioning(record.email) == []
    assert type(unrelated).objects.filter(pk=unrelated.pk).exists()


def test_a_task_row_sending_their_email_with_others_goes_too(lead_client):
    record = support_person()
    delivery = EmailDelivery.objects.filter(reference=record.reference).first()
    theirs = task_row([[delivery.pk, 999999]], return_value=["sent", "sent"], task_path=SEND_EMAILS_TASK)
    unrelated = task_row([[123456, 123457]], return_value=["sent", "sent"], task_path=SEND_EMAILS_TASK)

    lead_client.post(erase_url("support", record), {"confirm_reference": record.reference})

    assert not type(theirs).objects.filter(pk=theirs.pk).exists()
    assert type(unrelated).objects.filter(pk=unrelated.pk).exists()
