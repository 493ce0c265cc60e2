"""The data migration that brings existing audit entries to what new ones hold: references, no search text."""

from importlib import import_module

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import ModelLogEntry

from ambassadors_network.models import Ambassador
from positive_action.models import SupportRequest
from tests.ambassadors_network.factories import AmbassadorFactory

from .search import rows_mentioning

pytestmark = pytest.mark.django_db

migration = import_module("positive_action.data_protection.migrations.0003_reference_only_audit_entries")


def legacy_entry(model, object_id, label, data, action="recruitment.exported"):
    return ModelLogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(model),
        object_id=object_id,
        label=label,
        action=action,
        data=data,
        timestamp=timezone.now(),
    )


def test_old_ambassador_labels_become_the_reference_and_stored_searches_lose_their_text():
    ambassador = AmbassadorFactory(name="Zebedee Quartermaine")
    viewed = legacy_entry(
        Ambassador, str(ambassador.pk), f"Zebedee Quartermaine ({ambassador.reference})", {}
    )
    gone = legacy_entry(Ambassador, "999999", "Someone Gone (AMB-GONE1)", {})
    export = legacy_entry(
        SupportRequest, "list", "support requests", {"filters": {"q": ["Zebedee"], "stage": ["new"]}}
    )
    older = legacy_entry(SupportRequest, "list", "support requests", {"q": "Zebedee", "stage": "closed"})

    migration.reference_only(apps, None)

    for entry in (viewed, gone, export, older):
        entry.refresh_from_db()
    assert (viewed.label, gone.label) == (ambassador.reference, "AMB-GONE1")
    assert export.data == {"filters": {"stage": ["new"]}, "searched": True, "search_length": 7}
    assert older.data == {"stage": "closed", "searched": True, "search_length": 7}
    ambassador.delete()
    assert rows_mentioning("Zebedee", "Someone Gone") == []
