"""Media on object storage: images, renditions and documents go to the bucket, never to this server's disk,
and documents still leave only through Wagtail's permission-checked view.

The bucket is moto's S3 server, started once for the module as a real process on 127.0.0.1 with fake
credentials: nothing here reaches the network.
"""

import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from recruitment_site.settings.base import media_origins, media_storages, signed_url_seconds
from tests.home.content_factories import ImageFactory
from tests.s3_server import BUCKET, REGION, fake_aws_environment, keys_in_bucket, s3_server

Document = get_document_model()


@pytest.fixture(scope="module")
def fake_aws():
    with fake_aws_environment():
        yield


@pytest.fixture(scope="module")
def s3_endpoint(fake_aws, tmp_path_factory):
    with s3_server(tmp_path_factory.mktemp("moto") / "server.log") as endpoint:
        yield endpoint


def fetch(url):
    """Status and body of a plain HTTP GET, as a browser or a curious visitor would make it."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


def files_under(folder):
    return [path for path in Path(folder).rglob("*") if path.is_file()]


@pytest.fixture
def bucket_media(settings, tmp_path, s3_endpoint, db):
    """Media settings as production builds them from AWS_STORAGE_BUCKET_NAME and AWS_S3_ENDPOINT_URL.

    Assigning STORAGES through pytest-django's settings fixture sends setting_changed, which empties
    Django's storage cache (django.test.signals.storages_changed) so default_storage becomes the bucket.
    """
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.STORAGES = {
        **settings.STORAGES,
        **media_storages(BUCKET, endpoint_url=s3_endpoint, region=REGION),
    }
    return s3_endpoint


@pytest.fixture
def staff_only_collection(db):
    collection = Collection.get_first_root_node().add_child(name="Staff only")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    return collection


def upload_document(collection, name="guide.pdf", content=b"%PDF-1.4 guide"):
    return Document.objects.create(title="Guide", file=ContentFile(content, name=name), collection=collection)


def test_an_uploaded_image_and_its_rendition_are_stored_in_the_bucket_not_on_disk(bucket_media, settings):
    image = ImageFactory()
    rendition = image.get_rendition("fill-200x100")

    assert {image.file.name, rendition.file.name} <= keys_in_bucket(bucket_media)
    assert files_under(settings.MEDIA_ROOT) == []


def test_a_rendition_url_is_signed_and_loads_while_the_bucket_refuses_unsigned_requests(bucket_media):
    rendition = ImageFactory().get_rendition("fill-200x100")
    signed = rendition.url
    unsigned = signed.split("?", 1)[0]

    status, body = fetch(signed)
    assert (status, body[:8]) == (200, b"\x89PNG\r\n\x1a\n")
    assert fetch(unsigned)[0] == 403


def test_a_document_is_stored_in_the_bucket_and_served_through_the_serve_view(bucket_media, client, settings):
    document = upload_document(Collection.get_first_root_node())

    response = client.get(document.url)

    assert document.file.name in keys_in_bucket(bucket_media)
    assert files_under(settings.MEDIA_ROOT) == []
    assert document.url.startswith(f"/documents/{document.pk}/")
    assert response.status_code == 200  # streamed from the bucket, not a redirect to it
    assert b"".join(response.streaming_content) == b"%PDF-1.4 guide"


def test_a_document_cannot_be_fetched_from_the_bucket_without_a_signature(bucket_media):
    document = upload_document(Collection.get_first_root_node())

    assert fetch(f"{bucket_media}/{BUCKET}/{document.file.name}")[0] == 403


def test_a_document_in_a_restricted_collection_is_refused_to_an_anonymous_visitor(
    bucket_media, client, staff_only_collection
):
    document = upload_document(staff_only_collection, "internal.pdf", b"%PDF-1.4 internal")

    response = client.get(document.url)

    assert document.file.name in keys_in_bucket(bucket_media)
    assert response.status_code == 302
    assert "login" in response["Location"]
    assert BUCKET not in response["Location"]


def test_a_second_upload_with_the_same_name_keeps_the_first_file(bucket_media, client):
    root = Collection.get_first_root_node()
    first = upload_document(root, "leaflet.pdf", b"%PDF-1.4 first")
    second = upload_document(root, "leaflet.pdf", b"%PDF-1.4 second")

    assert first.file.name != second.file.name
    assert b"".join(client.get(first.url).streaming_content) == b"%PDF-1.4 first"
    assert b"".join(client.get(second.url).streaming_content) == b"%PDF-1.4 second"


# Configuration alone: these build storages and URLs without contacting any server.

BUCKET_CONFIGURATIONS = {
    "aws": {"bucket": "force-media", "region": REGION},
    "aws-default-region": {"bucket": "force-media"},
    "s3-compatible": {"bucket": "force-media", "endpoint_url": "https://objects.example.net"},
    "cdn": {"bucket": "force-media", "region": REGION, "custom_domain": "media.example.org"},
}


def storage_for(alias, configuration):
    options = media_storages(**configuration)
    return storages.create_storage(options.get(alias, options["default"]))


@pytest.mark.parametrize("configuration", BUCKET_CONFIGURATIONS.values(), ids=BUCKET_CONFIGURATIONS)
def test_content_security_policy_admits_the_origin_of_rendition_urls(configuration, fake_aws):
    url = storage_for("renditions", configuration).url("images/officers.fill-200x100.png")
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(url))

    assert origin in media_origins(**configuration)


def test_with_a_custom_domain_only_renditions_get_public_urls(fake_aws):
    configuration = BUCKET_CONFIGURATIONS["cdn"]

    rendition_url = storage_for("renditions", configuration).url("images/officers.fill-200x100.png")
    document_url = storage_for("default", configuration).url("documents/guide.pdf")

    assert rendition_url == "https://media.example.org/images/officers.fill-200x100.png"
    assert document_url.startswith("https://force-media.s3.amazonaws.com/documents/guide.pdf?")
    assert "Signature=" in document_url


def test_without_a_bucket_media_stay_on_local_disk():
    assert media_storages("") == {"default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}
    assert media_origins("") == []


@pytest.mark.parametrize("seconds", ["600", "999999"])
def test_signed_urls_must_outlive_cached_pages_and_stay_within_s3s_limit(monkeypatch, seconds):
    monkeypatch.setenv("AWS_QUERYSTRING_EXPIRE", seconds)

    with pytest.raises(ImproperlyConfigured, match="AWS_QUERYSTRING_EXPIRE"):
        signed_url_seconds()
