"""The records that hold a person's data, found by kind and primary key, and what identifies them.

Two kinds: a positive-action support request and an ambassador record. Everything else about a person
(timeline, emails, equality answers, submission receipts, audit entries) hangs off one of these by foreign
key or by the record's references.
"""

from django.apps import apps
from django.http import Http404

KINDS = {
    "support": "positive_action.SupportRequest",
    "ambassador": "ambassadors_network.Ambassador",
}
ANONYMISED_NAME = "Anonymised"


def record_model(kind):
    try:
        return apps.get_model(KINDS[kind])
    except KeyError as error:
        raise Http404 from error


def kind_of(record):
    label = record._meta.label
    return next(kind for kind, model_label in KINDS.items() if model_label == label)


def get_record(kind, pk):
    try:
        return record_model(kind).objects.get(pk=pk)
    except record_model(kind).DoesNotExist as error:
        raise Http404 from error


def references_of(record):
    """The record's own reference and those shown when the person registered again and joined it."""
    return [record.reference, *record.other_references.split()]


def identifiers_of(record):
    """Strings that identify the person, searched for in free text and logs. Never the reference: that
    stays in the audit log as the only trace of an erasure."""
    values = (record.name, record.email, record.phone)
    return [value for value in values if value and len(value.strip()) >= 3 and value != ANONYMISED_NAME]


def records_sharing_email(record):
    """Other support requests and ambassador records with the same email: the same person, most likely."""
    if not record.email:
        return []
    others = []
    for kind in KINDS:
        matches = record_model(kind).objects.filter(email__iexact=record.email).exclude(email="")
        others += [other for other in matches if other != record]
    return others
