"""An editor uploads an image in the admin with media on object storage: the file lands in the bucket, not
on the server's disk, and the admin shows it from the bucket."""

from pathlib import Path

import pytest
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from home import roles
from recruitment_site.settings.base import media_origins, media_storages
from tests.browser.conftest import sign_in_to_admin
from tests.factories import UserFactory
from tests.s3_server import BUCKET, REGION, fake_aws_environment, keys_in_bucket, s3_server

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# Some image from the bucket's renditions on the page has arrived and decoded (a refused one has no width).
LOADED_FROM = """prefix => [...document.images].some(
    image => image.src.startsWith(prefix) && image.complete && image.naturalWidth > 0
)"""


@pytest.fixture(scope="module")
def s3_endpoint(tmp_path_factory):
    with fake_aws_environment(), s3_server(tmp_path_factory.mktemp("moto") / "server.log") as endpoint:
        yield endpoint


@pytest.fixture
def bucket_media(settings, tmp_path, s3_endpoint):
    # The live server runs in this process, so it sees these settings too.
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.STORAGES = {
        **settings.STORAGES,
        **media_storages(BUCKET, endpoint_url=s3_endpoint, region=REGION),
    }
    # As in production, where the same AWS_ variables add the bucket to the admin's img-src.
    admin_policy = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
    settings.ADMIN_CONTENT_SECURITY_POLICY = {
        "DIRECTIVES": {
            **admin_policy,
            "img-src": [*admin_policy["img-src"], *media_origins(BUCKET, endpoint_url=s3_endpoint)],
        }
    }
    return s3_endpoint


def test_editor_uploads_an_image_that_is_stored_in_and_shown_from_the_bucket(
    live_server, browser_page, bucket_media, settings
):
    page = browser_page
    sign_in_to_admin(page, live_server.url, UserFactory(role=roles.EDITORS))
    page.goto(live_server.url + "/admin/images/")
    page.get_by_role("link", name="Add an image").click()

    png = get_test_image_file(size=(800, 500)).file.getvalue()
    page.locator("#fileupload").set_input_files(
        files=[{"name": "officers.png", "mimeType": "image/png", "buffer": png}]
    )
    page.get_by_text("Upload successful").first.wait_for()

    image = get_image_model().objects.get(title="officers")
    assert image.file.name in keys_in_bucket(bucket_media)
    assert not [path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()]

    page.goto(f"{live_server.url}/admin/images/{image.pk}/")
    page.wait_for_function(LOADED_FROM, arg=f"{bucket_media}/{BUCKET}/images/")
