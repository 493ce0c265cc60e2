"""Every admin view of a person's data writes exactly one audit entry, naming the viewer and the record by
reference and never the person; after erasure or retention nothing of them is left anywhere, the audit
log included, however they were looked at, searched for, exported or emailed."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from ambassadors_network.models import Ambassador, Status
from home import roles
from positive_action.choices import Stage
from positive_action.data_protection.traces import as_text
from recruitment_site.core.dates import months_before
from tests.factories import UserFactory

from .factories import ambassador_person, support_person
from .search import rows_mentioning

pytestmark = pytest.mark.django_db

FIRST_NAME = "Zebedee"
PERSON = {"name": f"{FIRST_NAME} Quartermaine", "email": "zebedee.qm@example.net", "phone": "07700 900417"}
CHOOSER = "wagtailsnippetchoosers_positive_action_supportrequest"

# (kind, view, address of the view for a record, role that opens it). Exports and subject access are for
# Diversity leads; everything else is opened by a member of the Diversity team.
TEAM, LEADS = roles.DIVERSITY_TEAM, roles.DIVERSITY_LEADS
VIEWS = [
    ("support", "list", lambda r: reverse("support_queue:list"), TEAM),
    ("support", "search by name", lambda r: reverse("support_queue:list") + f"?q={FIRST_NAME}", TEAM),
    (
        "support",
        "search results by email",
        lambda r: reverse("support_queue:list_results") + f"?q={r.email}",
        TEAM,
    ),
    ("support", "record", lambda r: reverse("support_queue:inspect", args=[r.pk]), TEAM),
    ("support", "edit", lambda r: reverse("support_queue:edit", args=[r.pk]), TEAM),
    ("support", "history", lambda r: reverse("support_queue:history", args=[r.pk]), TEAM),
    ("support", "history results", lambda r: reverse("support_queue:history_results", args=[r.pk]), TEAM),
    ("support", "usage", lambda r: reverse("support_queue:usage", args=[r.pk]), TEAM),
    ("support", "chooser", lambda r: reverse(f"{CHOOSER}:choose"), TEAM),
    ("support", "chooser results", lambda r: reverse(f"{CHOOSER}:choose_results") + f"?q={FIRST_NAME}", TEAM),
    ("support", "export", lambda r: reverse("support_queue:list") + f"?export=csv&q={FIRST_NAME}", LEADS),
    (
        "support",
        "subject access",
        lambda r: reverse("data_protection:subject_access", args=["support", r.pk]),
        LEADS,
    ),
    (
        "support",
        "subject access download",
        lambda r: reverse("data_protection:subject_access_json", args=["support", r.pk]),
        LEADS,
    ),
    ("ambassador", "list", lambda r: reverse("ambassadors:index"), TEAM),
    ("ambassador", "search by name", lambda r: reverse("ambassadors:index") + f"?q={FIRST_NAME}", TEAM),
    (
        "ambassador",
        "search results by email",
        lambda r: reverse("ambassadors:index_results") + f"?q={r.email}",
        TEAM,
    ),
    ("ambassador", "record", lambda r: reverse("ambassadors:inspect", args=[r.pk]), TEAM),
    ("ambassador", "edit", lambda r: reverse("ambassadors:edit", args=[r.pk]), TEAM),
    ("ambassador", "history", lambda r: reverse("ambassadors:history", args=[r.pk]), TEAM),
    ("ambassador", "history results", lambda r: reverse("ambassadors:history_results", args=[r.pk]), TEAM),
    ("ambassador", "usage", lambda r: reverse("ambassadors:usage", args=[r.pk]), TEAM),
    ("ambassador", "export", lambda r: reverse("ambassadors:export") + f"?q={FIRST_NAME}", LEADS),
    (
        "ambassador",
        "subject access",
        lambda r: reverse("data_protection:subject_access", args=["ambassador", r.pk]),
        LEADS,
    ),
    (
        "ambassador",
        "subject access download",
        lambda r: reverse("data_protection:subject_access_json", args=["ambassador", r.pk]),
        LEADS,
    ),
]
EXPORTS = {"recruitment.exported", "ambassadors.export"}


def person(kind, **kwargs):
    make = support_person if kind == "support" else ambassador_person
    return make(**PERSON, **kwargs)


def needles(record):
    return (record.name, FIRST_NAME, record.email, record.phone)


def open_view(client, address):
    response = client.get(address)
    assert response.status_code == 200, address
    # An export streams its rows; reading them all is what a lead's download does.
    if response.streaming:
        b"".join(response.streaming_content)
    return response


def open_every_view(client, kind, record):
    for view_kind, _view, address, _role in VIEWS:
        if view_kind == kind:
            open_view(client, address(record))


@pytest.mark.parametrize(("kind", "view", "address", "role"), VIEWS, ids=[f"{v[0]}-{v[1]}" for v in VIEWS])
def test_each_view_of_a_person_writes_one_reference_only_entry(
    client, registration_page, kind, view, address, role
):
    record = person(kind)
    viewer = UserFactory(role=role)
    client.force_login(viewer)
    before = set(ModelLogEntry.objects.values_list("pk", flat=True))

    open_view(client, address(record))

    written = list(ModelLogEntry.objects.exclude(pk__in=before))
    assert len(written) == 1, [entry.action for entry in written]
    entry = written[0]
    assert entry.user == viewer
    stored = as_text([entry.label, entry.data])
    assert not [needle for needle in needles(record) if needle.lower() in stored], stored
    if entry.action not in EXPORTS:
        assert record.reference.lower() in stored


def test_a_search_is_stored_as_made_with_its_length_not_its_text(client, registration_page):
    record = person("support")
    client.force_login(UserFactory(role=LEADS))

    open_view(client, reverse("support_queue:list") + f"?q={FIRST_NAME}&stage=new")
    open_view(client, reverse("support_queue:list") + f"?export=csv&q={FIRST_NAME}&stage=new")

    search = ModelLogEntry.objects.get(action="recruitment.list_searched")
    assert search.data == {
        "references": [record.reference],
        "filters": ["stage"],
        "searched": True,
        "search_length": len(FIRST_NAME),
    }
    export = ModelLogEntry.objects.get(action="recruitment.exported")
    assert export.data["filters"] == {"stage": ["new"]} and export.data["search_length"] == len(FIRST_NAME)


def test_ambassador_entries_are_labelled_with_the_reference_alone(client, registration_page):
    ambassador = person("ambassador")
    client.force_login(UserFactory(role=LEADS))

    open_every_view(client, "ambassador", ambassador)
    client.post(reverse("ambassadors:add_note", args=[ambassador.pk]), {"text": "Met at the hub"})

    labels = set(ModelLogEntry.objects.filter(object_id=str(ambassador.pk)).values_list("label", flat=True))
    assert labels == {ambassador.reference}


@pytest.mark.parametrize("kind", ["support", "ambassador"])
def test_after_erasure_no_table_holds_a_person_who_was_viewed_searched_and_exported(
    client, registration_page, kind
):
    record = person(kind)
    client.force_login(UserFactory(role=LEADS))
    open_every_view(client, kind, record)
    assert rows_mentioning(*needles(record)), "the person's data must be there to begin with"

    response = client.post(
        reverse("data_protection:erase", args=[kind, record.pk]), {"confirm_reference": record.reference}
    )

    assert response.status_code == 302
    assert rows_mentioning(*needles(record)) == []


@pytest.mark.parametrize("kind", ["support", "ambassador"])
def test_after_retention_no_table_holds_a_person_who_was_viewed_searched_and_exported(
    client, registration_page, kind
):
    long_ago = months_before(timezone.now(), 13)
    if kind == "support":
        record = person(kind, stage=Stage.CLOSED, closed_at=long_ago)
    else:
        record = person(kind, status=Status.LEFT)
        Ambassador.objects.filter(pk=record.pk).update(status_changed_at=long_ago)
    client.force_login(UserFactory(role=LEADS))
    open_every_view(client, kind, record)
    assert rows_mentioning(*needles(record))

    call_command("apply_retention", stdout=StringIO())

    assert rows_mentioning(*needles(record)) == []
