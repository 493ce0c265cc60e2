"""Existing audit entries brought to what new ones hold: an ambassador's entries labelled with the
reference alone (they were "Name (REF)", from the model's old ``__str__``), and no stored search text
(a list or export entry's ``q``, which held whatever was typed, a first name included) but that a search
was made and its length.

Written with the historical models and plain loops: it runs once, over the audit entries of the
personal-data apps only.
"""

import re

from django.db import migrations

PERSONAL_APPS = ["positive_action", "ambassadors_network", "data_protection"]
# "Zebedee Quartermaine (AMB-7K2QX)" -> "AMB-7K2QX"; the reference is the last bracketed word.
TRAILING_REFERENCE = re.compile(r"\(([^()\s]+)\)\s*$")
SEARCH_PARAMETER = "q"


def reference_label(label, references, object_id):
    if object_id in references:
        return references[object_id]
    match = TRAILING_REFERENCE.search(label or "")
    return match.group(1) if match else label


def without_search_text(data):
    """The entry's data with any stored search text replaced by that a search was made and its length."""
    if not isinstance(data, dict):
        return data
    data = dict(data)
    terms = []
    if SEARCH_PARAMETER in data:
        terms.append(data.pop(SEARCH_PARAMETER))
    filters = data.get("filters")
    if isinstance(filters, dict) and SEARCH_PARAMETER in filters:
        filters = dict(filters)
        terms.append(filters.pop(SEARCH_PARAMETER))
        data["filters"] = filters
    if terms:
        flat = [term for value in terms for term in (value if isinstance(value, list) else [value])]
        query = " ".join(str(term) for term in flat if term).strip()
        data["searched"] = bool(query)
        data["search_length"] = len(query)
    return data


def reference_only(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ModelLogEntry = apps.get_model("wagtailcore", "ModelLogEntry")
    Ambassador = apps.get_model("ambassadors_network", "Ambassador")
    ambassador_type = ContentType.objects.filter(app_label="ambassadors_network", model="ambassador").first()
    references = {str(pk): reference for pk, reference in Ambassador.objects.values_list("pk", "reference")}
    entries = ModelLogEntry.objects.filter(content_type__app_label__in=PERSONAL_APPS)
    for entry in entries.only("pk", "label", "data", "object_id", "content_type_id").iterator():
        label, data = entry.label, without_search_text(entry.data)
        if ambassador_type and entry.content_type_id == ambassador_type.pk and entry.object_id != "list":
            label = reference_label(entry.label, references, entry.object_id)
        if (label, data) != (entry.label, entry.data):
            ModelLogEntry.objects.filter(pk=entry.pk).update(label=label, data=data)


class Migration(migrations.Migration):
    dependencies = [
        ("data_protection", "0002_lead_permissions"),
        ("ambassadors_network", "0004_public_submission_fields"),
        ("positive_action", "0008_worker_heartbeat"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    # Nothing to undo: the names and search text are not kept anywhere to put back.
    operations = [migrations.RunPython(reference_only, migrations.RunPython.noop)]
