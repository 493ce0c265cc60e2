"""Documents are served only through Wagtail's permission-checked view, never straight from media."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from home import roles
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def files_on_disk(settings, tmp_path):
    # The serve view streams from a file path; the test settings' in-memory storage has none.
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }


Document = get_document_model()


def document_in(collection, name="guide.pdf"):
    return Document.objects.create(
        title="Guide", file=ContentFile(b"%PDF-1.4 guide", name=name), collection=collection
    )


@pytest.fixture
def staff_only_collection():
    collection = Collection.get_first_root_node().add_child(name="Staff only")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    return collection


def test_document_links_go_through_the_serve_view_not_media(client):
    document = document_in(Collection.get_first_root_node())

    assert document.url.startswith(f"/documents/{document.pk}/")
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 guide"


def test_media_address_of_a_document_is_not_served(client):
    document = document_in(Collection.get_first_root_node())

    assert client.get(f"/media/{document.file.name}").status_code == 404


def test_a_document_in_a_restricted_collection_needs_sign_in(client, staff_only_collection):
    document = document_in(staff_only_collection, "internal.pdf")

    response = client.get(document.url)

    assert response.status_code == 302
    assert "login" in response["Location"]


def test_signed_in_staff_can_open_a_restricted_document(client, staff_only_collection):
    document = document_in(staff_only_collection, "internal.pdf")
    client.force_login(UserFactory(role=roles.EDITORS))

    assert client.get(document.url).status_code == 200
