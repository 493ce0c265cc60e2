"""A person with data everywhere it can end up: record, timeline, equality answers, outbox, task rows,
submission receipts and audit entries. Names are unusual so that a database-wide search is exact."""

import uuid

import factory
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.log_actions import log

from ambassadors_network.models import AmbassadorEvent, EntryKind
from positive_action.choices import HeardAbout, Stage
from positive_action.models import (
    EmailDelivery,
    EqualityMonitoring,
    SubmissionReceipt,
    SupportRequestEvent,
)
from positive_action.outbox import deliver
from tests.ambassadors_network.factories import AmbassadorFactory
from tests.positive_action.factories import SupportRequestFactory

SEND_EMAIL_TASK = "positive_action.outbox.send_email_delivery"
SEND_EMAILS_TASK = "positive_action.outbox.send_email_deliveries"


class SupportPersonFactory(SupportRequestFactory):
    """A support request whose identifiers are unique enough to search the whole database for."""

    name = factory.Sequence(lambda n: f"Zephyrine Quillfeather{n}")
    email = factory.Sequence(lambda n: f"zephyrine.q{n}@example.net")
    phone = factory.Sequence(lambda n: f"07700 9{n:05d}")
    heard_about = HeardAbout.AMBASSADOR
    access_needs = "Step-free access please"


def task_row(args, return_value=None, task_path=SEND_EMAIL_TASK):
    now = timezone.now()
    return DBTaskResult.objects.create(
        id=uuid.uuid4(),
        status="SUCCESSFUL",
        args_kwargs={"args": args, "kwargs": {}},
        task_path=task_path,
        queue_name="default",
        backend_name="default",
        run_after=now,
        return_value=return_value,
        exception_class_path="",
        traceback="",
    )


def add_traces(record, *, timeline_model, user=None):
    """Everything the site writes about a person besides the record itself."""
    timeline_model.objects.create(record=record, kind="note", text=f"Called {record.name} on {record.phone}")
    delivery = EmailDelivery.objects.create(
        reference=record.reference,
        recipient=record.email,
        subject=f"Thank you {record.name}",
        body=f"Dear {record.name}, your reference is {record.reference}.",
        kind="confirmation",
    )
    deliver(delivery.pk)
    task_row([delivery.pk], return_value="sent")
    task_row([f"note about {record.email}"])
    SubmissionReceipt.objects.create(
        token=uuid.uuid4(), scope="test", reference=record.reference, record_reference=record.reference
    )
    log(record, "wagtail.edit", user=user)
    return delivery


def support_person(user=None, **kwargs):
    record = SupportPersonFactory(**kwargs)
    SupportRequestEvent.objects.create(record=record, kind="registered", data={"name": record.name})
    EqualityMonitoring.objects.create(support_request=record, ethnicity="asian_bangladeshi", sex="female")
    add_traces(record, timeline_model=SupportRequestEvent, user=user)
    return record


def ambassador_person(user=None, **kwargs):
    record = AmbassadorFactory(**kwargs)
    AmbassadorEvent.objects.create(record=record, kind=EntryKind.NOTE, text=f"Met {record.name}")
    add_traces(record, timeline_model=AmbassadorEvent, user=user)
    return record


def finished_support_request(closed_at, **kwargs):
    return support_person(stage=Stage.CLOSED, closed_at=closed_at, **kwargs)
