"""moto's S3 server as a real process on 127.0.0.1, with fake credentials: tests that store media in a
bucket reach nothing beyond this machine."""

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager

import pytest

BUCKET = "recruitment-media-test"
REGION = "eu-west-2"
FAKE_AWS = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_DEFAULT_REGION": REGION,
    # Never read the machine's AWS profile or ask an instance-metadata service for credentials.
    "AWS_CONFIG_FILE": "/nonexistent",
    "AWS_SHARED_CREDENTIALS_FILE": "/nonexistent",
    "AWS_EC2_METADATA_DISABLED": "true",
    # boto3 honours proxy variables; the server is on loopback and must be reached directly.
    "NO_PROXY": "127.0.0.1",
    "no_proxy": "127.0.0.1",
}
UNSET = ("AWS_SESSION_TOKEN", "AWS_PROFILE", "HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy")
STARTUP_SECONDS = 15


@contextmanager
def fake_aws_environment():
    with pytest.MonkeyPatch.context() as patch:
        for name in UNSET:
            patch.delenv(name, raising=False)
        for name, value in FAKE_AWS.items():
            patch.setenv(name, value)
        yield


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def answers(endpoint):
    try:
        urllib.request.urlopen(f"{endpoint}/moto-api/", timeout=1)
    except urllib.error.HTTPError:
        pass  # it answered, whatever it thought of the path
    except OSError:
        return False
    return True


def wait_until_answering(server, endpoint):
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline and server.poll() is None:
        if answers(endpoint):
            return True
        time.sleep(0.1)
    return False


@contextmanager
def s3_server(log_path):
    """The endpoint of a running moto S3 server holding an empty BUCKET; skips the test when moto cannot
    start. Call inside fake_aws_environment(), which the server process inherits."""
    port = free_port()
    endpoint = f"http://127.0.0.1:{port}"
    with log_path.open("w") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        if not wait_until_answering(server, endpoint):
            pytest.skip(f"moto's S3 server did not start on {endpoint}: {log_path.read_text()[-200:]!r}")
        client(endpoint).create_bucket(
            Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": REGION}
        )
        yield endpoint
    finally:
        server.terminate()
        server.wait(timeout=10)


def client(endpoint):
    import boto3  # the dev extra's; imported here so collecting the tests needs no AWS library

    return boto3.client("s3", endpoint_url=endpoint, region_name=REGION)


def keys_in_bucket(endpoint):
    listing = client(endpoint).list_objects_v2(Bucket=BUCKET)
    return {item["Key"] for item in listing.get("Contents", [])}
